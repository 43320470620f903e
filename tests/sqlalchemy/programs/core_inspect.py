# inspect(engine): table names and each column's name, type and nullable flag, as
# reflected back from SQLite after create_all.
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, inspect

metadata = MetaData()
Table("authors", metadata, Column("id", Integer, primary_key=True), Column("name", String(40), nullable=False))
Table("books", metadata, Column("id", Integer, primary_key=True), Column("title", String(100)),
      Column("author_id", Integer, ForeignKey("authors.id")))
engine = create_engine("sqlite:///library.db")
insp = inspect(engine)
print("before:", insp.get_table_names())
metadata.create_all(engine)
insp = inspect(engine)
print("after:", insp.get_table_names())
for column in insp.get_columns("books"):
    print(column["name"], column["type"], column["nullable"], column["primary_key"])
print(insp.get_pk_constraint("authors")["constrained_columns"])
for fk in insp.get_foreign_keys("books"):
    print(fk["constrained_columns"], "->", fk["referred_table"], fk["referred_columns"])
print(insp.has_table("books"), insp.has_table("nothing"))
