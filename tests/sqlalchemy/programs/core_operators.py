# Column operators compiled to SQL text with str(): and_, or_, not_, desc, like, ilike,
# is_(None), between, in_, and != None; then run against SQLite to check the rows.
from sqlalchemy import (Column, Integer, MetaData, String, Table, and_, between, create_engine, desc,
                        insert, not_, or_, select)

metadata = MetaData()
t = Table("people", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
          Column("age", Integer), Column("email", String(40)))
print(and_(t.c.age > 18, t.c.name == "ann"))
print(or_(t.c.age < 13, t.c.age > 65))
print(not_(t.c.name.like("a%")))
print(t.c.name.ilike("%BOB%"))
print(t.c.email.is_(None), "|", t.c.email != None, "|", t.c.email == None)
print(t.c.age.between(10, 20), "|", between(t.c.age, 1, 2))
print(t.c.id.in_([1, 2, 3]), "|", t.c.id.not_in([4]))
print(desc(t.c.age), "|", t.c.name.asc())
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "Ann", "age": 30, "email": None}, {"name": "bob", "age": 12, "email": "b@x.org"},
                             {"name": "Bobby", "age": 70, "email": "bobby@x.org"}])
    print(conn.execute(select(t.c.name).where(t.c.name.ilike("bob%")).order_by(desc(t.c.age))).scalars().all())
    print(conn.execute(select(t.c.name).where(t.c.email.is_(None))).scalars().all())
    print(conn.execute(select(t.c.name).where(and_(t.c.age.between(10, 40), not_(t.c.name == "Ann")))).scalars().all())
