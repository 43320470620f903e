# select(table).where(...) in Core, with echo=True: columns, chained where() becoming AND,
# order_by and the Row objects that come back.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

metadata = MetaData()
pets = Table("pets", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
             Column("kind", String(10)), Column("age", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(pets), [{"name": "Rex", "kind": "dog", "age": 3}, {"name": "Tom", "kind": "cat", "age": 5},
                                {"name": "Fido", "kind": "dog", "age": 8}, {"name": "Kit", "kind": "cat", "age": 1}])
engine.echo = True
with engine.connect() as conn:
    stmt = select(pets.c.name, pets.c.age).where(pets.c.kind == "dog").where(pets.c.age > 2).order_by(pets.c.age)
    for row in conn.execute(stmt):
        print(row)
    print(conn.execute(select(pets).where(pets.c.name == "Kit")).one())
    print(conn.execute(select(pets.c.name).where(pets.c.id == 99)).first())
