"""create_all checks tables in the metadata's order and creates them in dependency order; a Column
given only a ForeignKey takes the referenced column's type; drop_all in reverse."""
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, ForeignKey

meta = MetaData()
tags = Table("tags", meta, Column("id", Integer, primary_key=True), Column("post_id", ForeignKey("posts.id")))
users = Table("users", meta, Column("id", Integer, primary_key=True), Column("name", String(30)))
posts = Table(
    "posts", meta,
    Column("id", Integer, primary_key=True),
    Column("author_id", ForeignKey("users.id"), nullable=False),
    Column("title", String(80)),
)
audit = Table("audit", meta, Column("id", Integer, primary_key=True), Column("note", String))
print([t.name for t in meta.sorted_tables])
engine = create_engine("sqlite://", echo=True)
meta.create_all(engine)
meta.drop_all(engine)
