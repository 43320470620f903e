# Core update() and delete() with where(), result.rowcount, and values() referring to
# the column itself (age + 1); echo=True shows the statements.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, delete, insert, select, update

metadata = MetaData()
staff = Table("staff", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
              Column("age", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(staff), [{"name": "ann", "age": 30}, {"name": "ben", "age": 41}, {"name": "cy", "age": 25}])
engine.echo = True
with engine.begin() as conn:
    result = conn.execute(update(staff).where(staff.c.age > 26).values(age=staff.c.age + 1))
    print("updated:", result.rowcount)
    result = conn.execute(update(staff).where(staff.c.name == "zed").values(name="zoe"))
    print("updated:", result.rowcount)
    result = conn.execute(delete(staff).where(staff.c.name == "cy"))
    print("deleted:", result.rowcount)
    print(update(staff).where(staff.c.id == 1).values(name="x"))
    print(conn.execute(select(staff).order_by(staff.c.id)).all())
