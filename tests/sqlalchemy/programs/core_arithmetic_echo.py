# Arithmetic in SQL as SQLAlchemy writes it: parentheses only where its operator precedence needs
# them, true division made a float division on SQLite (7 / 2 is 3.5), floor division, unary minus,
# and the types of the results (an integer divided by an integer is a Numeric: a Decimal).
from sqlalchemy import Column, Float, Integer, MetaData, Numeric, String, Table, create_engine, not_, select

metadata = MetaData()
t = Table("t", metadata, Column("a", Integer), Column("b", Integer), Column("f", Float),
          Column("n", Numeric(10, 2)), Column("s", String), Column("u", String))
for e in [
    (t.c.s + " " + t.c.u) == "x",
    t.c.a * t.c.b > 4,
    t.c.a + t.c.b > 4,
    t.c.a - (t.c.b - t.c.a),
    (t.c.a - t.c.b) - t.c.a,
    t.c.a + t.c.b + t.c.a,
    t.c.a * (t.c.b + t.c.a),
    (t.c.a + t.c.b) * t.c.a,
    (t.c.s + t.c.u).like("x%"),
    (t.c.a + t.c.b).in_([1, 2]),
    (t.c.a + t.c.b).between(1, 2),
    (t.c.a == 1) == (t.c.b == 2),
    not_(t.c.a + t.c.b > 3),
    (t.c.a > 1) & ((t.c.b > 2) | (t.c.a > 3)),
    t.c.a % 2 == 0,
    t.c.s + (t.c.u + "z"),
    -t.c.a,
    -(t.c.a + t.c.b),
    t.c.a + -t.c.b,
    t.c.a / t.c.b,
    t.c.a / 2.0,
    t.c.a / (t.c.b * 2),
    t.c.f / t.c.a,
    t.c.a / t.c.n,
    t.c.a // t.c.b,
    t.c.f // 2,
    2 / t.c.a,
]:
    print(e)
engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert().values(a=7, b=2, f=7.5, n=3.25, s="x", u="y"))
    row = conn.execute(select(t.c.a / t.c.b, t.c.a // t.c.b, t.c.a * t.c.n, t.c.n / t.c.a, t.c.a + t.c.f,
                              2 / t.c.a, -t.c.a, -t.c.n, t.c.a - t.c.b - t.c.a, t.c.a % t.c.b)).one()
    print(row)
    print(conn.execute(select(t.c.s + " " + t.c.u).where((t.c.s + " " + t.c.u) == "x y")).scalar())
    print(conn.execute(select(t.c.a).where(t.c.a * t.c.b > 4).where(-t.c.a < 0)).scalars().all())
