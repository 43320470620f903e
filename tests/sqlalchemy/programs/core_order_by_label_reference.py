"""order_by("count"), desc("count"), group_by("name"): a string names a label or a column of the
SELECT (the unified tutorial's ORDER BY desc("count")); one that names neither is a CompileError.
text() among a SELECT's columns is written as is."""
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, create_engine, insert, select, func, desc, asc, text

m = MetaData()
u = Table("user_account", m, Column("id", Integer, primary_key=True), Column("name", String(30)))
a = Table("address", m, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id")))
counted = select(u.c.name, func.count(a.c.id).label("count")).join(a).group_by(u.c.name).order_by(desc("count"))
print(counted)
print(select(u.c.name, func.count(a.c.id).label("n")).join(a).group_by("name").order_by("n", asc("name")))
print(select(u.c.id, u.c.name).order_by("name"))
print(select(u.c.id.label("uid")).order_by(desc("uid")))
print(select(u).order_by(u.c.name.desc(), "id"))
for bad in (lambda: select(u.c.id).order_by("nope"), lambda: select(u.c.id).order_by(desc("zz"))):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(select(text("'some phrase'"), u.c.name).order_by(u.c.name))

engine = create_engine("sqlite://", echo=True)
m.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(u), [{"name": "spongebob"}, {"name": "sandy"}])
    conn.execute(insert(a), [{"user_id": 1}, {"user_id": 2}, {"user_id": 2}])
    for row in conn.execute(counted):
        print(row.name, row.count)
    print(conn.execute(select(text("'some phrase'"), u.c.name).order_by(u.c.name)).all())
