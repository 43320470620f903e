"""What SQLAlchemy's echo log shortens: more than 10 parameter sets of an executemany (the first 8
and the last 2), more than 100 parameters of one statement (the first and last 50), a value whose
repr passes 300 characters (both ends), and an "insertmanyvalues" batch past 500 characters."""
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select, text

engine = create_engine("sqlite://", echo=True)
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("x", Integer), Column("s", String))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(text("INSERT INTO t (x) VALUES (:x)"), [{"x": i} for i in range(20)])
    print(conn.execute(select(t.c.x).where(t.c.x.in_(list(range(150)))).order_by(t.c.x.desc()).limit(2)).all())
    print(conn.execute(text("SELECT count(*) FROM t WHERE :s != ''"), {"s": "y" * 400}).scalar())
    ids = conn.execute(insert(t).returning(t.c.id), [{"x": n, "s": "v" * 3} for n in range(120)]).scalars().all()
    print(len(ids), ids[:3])
