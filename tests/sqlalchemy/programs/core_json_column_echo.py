"""A JSON column in Core: INSERT, executemany, UPDATE and RETURNING bind JSON text; rows come back as
Python values; None goes as JSON null, so IS NULL finds nothing."""
from sqlalchemy import create_engine, select, JSON, Table, Column, Integer, MetaData, insert, update, String
m = MetaData()
t = Table("docs", m, Column("id", Integer, primary_key=True), Column("data", JSON), Column("tag", String))
e = create_engine("sqlite://", echo=True)
m.create_all(e)
with e.begin() as c:
    c.execute(insert(t).values(data={"k": [1, 2]}, tag="a"))
    c.execute(insert(t), [{"data": [1, None], "tag": "b"}, {"data": None, "tag": "c"}])
    c.execute(update(t).where(t.c.tag == "a").values(data={"k": "v"}))
    print(c.execute(select(t).order_by(t.c.id)).all())
    print(c.execute(select(t.c.data).where(t.c.data.is_(None))).all())
    print(c.execute(insert(t).values(data={"r": 1}).returning(t.c.data)).scalar_one())
