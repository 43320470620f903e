"""Insert.compile() and its .params, insert().from_select(), and RETURNING as the default compiler
prints it (qualified, labels kept) and as SQLite runs it (names alone)."""
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, create_engine, insert, update, delete, select, bindparam

metadata_obj = MetaData()
user_table = Table("user_account", metadata_obj, Column("id", Integer, primary_key=True), Column("name", String(30)), Column("fullname", String))
address_table = Table("address", metadata_obj, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id"), nullable=False), Column("email_address", String, nullable=False))

stmt = insert(user_table).values(name="spongebob", fullname="Spongebob Squarepants")
compiled = stmt.compile()
print(compiled)
print(compiled.params)
print(insert(user_table).compile().params)
u = update(user_table).where(user_table.c.name == "patrick").values(fullname="Patrick the Star")
print(u.compile(), u.compile().params)
print(u.compile(compile_kwargs={"literal_binds": True}))
d = delete(user_table).where(user_table.c.id > 5)
print(d.compile().params)
print(d.compile(compile_kwargs={"literal_binds": True}))
b = update(user_table).where(user_table.c.name == bindparam("oldname")).values(name=bindparam("newname"))
print(b.compile(), b.compile().params)

print(insert(user_table).returning(user_table.c.id, user_table.c.name))
print(update(user_table).values(name="x").returning(user_table.c.id))
print(delete(user_table).returning(user_table.c.id, (user_table.c.name + "!").label("n")))

select_stmt = select(user_table.c.id, user_table.c.name + "@aol.com")
insert_stmt = insert(address_table).from_select(["user_id", "email_address"], select_stmt)
print(insert_stmt)
print(insert(address_table).from_select([address_table.c.user_id, address_table.c.email_address], select(user_table.c.id, user_table.c.name).where(user_table.c.id > 1)))

engine = create_engine("sqlite://", echo=True)
metadata_obj.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user_table), [{"name": "spongebob"}, {"name": "sandy"}])
    print(conn.execute(insert_stmt).rowcount)
    print(conn.execute(insert_stmt.returning(address_table.c.id, address_table.c.email_address)).all())
    print(conn.execute(delete(address_table).where(address_table.c.id == 1).returning(address_table.c.id, (address_table.c.email_address + "!").label("gone"))).all())
    print(conn.execute(update(user_table).values(name="z").returning(user_table.c.name.label("new_name"))).mappings().all())
