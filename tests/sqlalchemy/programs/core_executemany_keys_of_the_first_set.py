"""Core executemany: the statement is compiled from the first parameter set, so a later set's extra key is left out and a missing one is "in parameter group 1"; an Enum column in and out."""
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, insert, select, update, bindparam, func, text, Enum
import enum
engine = create_engine("sqlite://")
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("name", String(20)), Column("kind", String(10), server_default="plain"))
class Mood(enum.Enum):
    happy = "h"
    sad = "s"
u = Table("u", md, Column("id", Integer, primary_key=True), Column("mood", Enum(Mood, create_constraint=True)))
md.create_all(engine)
with engine.begin() as conn:
    r = conn.execute(insert(t), [{"id": 1, "name": "a"}, {"id": 2, "name": "b", "kind": "x"}])
    print(r.rowcount)
    print(conn.execute(select(t).order_by(t.c.id)).all())
    conn.execute(insert(u), [{"mood": Mood.happy}, {"mood": Mood.sad}])
    print(conn.execute(select(u)).all())
    print(conn.execute(text("select mood from u")).all())
    conn.execute(update(t).where(t.c.id == bindparam("tid")).values(name=bindparam("newname")), [{"tid": 1, "newname": "A"}, {"tid": 2, "newname": "B"}])
    print(conn.execute(select(t.c.name, func.length(t.c.name).label("n"))).all())
    print(conn.execute(select(func.count()).select_from(t)).scalar_one())
with engine.begin() as conn:
    conn.execute(insert(t), [{"id": 3, "name": "c"}, {"id": 4}])
