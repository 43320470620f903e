# insert(table).values(...) for one row and executemany with a list of dicts,
# inserted_primary_key, and what echo=True logs for each.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

metadata = MetaData()
users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)),
              Column("fullname", String))
engine = create_engine("sqlite://")
metadata.create_all(engine)
engine.echo = True
stmt = insert(users).values(name="spongebob", fullname="Spongebob Squarepants")
print(stmt)
with engine.connect() as conn:
    result = conn.execute(stmt)
    print("primary key:", result.inserted_primary_key)
    result = conn.execute(insert(users), [{"name": "sandy", "fullname": "Sandy Cheeks"},
                                          {"name": "patrick", "fullname": "Patrick Star"}])
    print("rowcount:", result.rowcount)
    conn.commit()
    print(conn.execute(select(users)).all())
