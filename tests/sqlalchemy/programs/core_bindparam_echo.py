# bindparam() as the SQLAlchemy tutorial uses it: an UPDATE run for several parameter sets that
# name its parameters (oldname, newname), an INSERT whose value is a scalar subquery with its own
# parameter, a SELECT with a default value, and the error for a parameter given no value.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, insert, update, bindparam
md = MetaData()
users = Table("users", md, Column("id", Integer, primary_key=True), Column("name", String(30)))
address = Table("address", md, Column("id", Integer, primary_key=True), Column("user_id", Integer), Column("email", String))
e = create_engine("sqlite://", echo=True)
md.create_all(e)
with e.begin() as conn:
    conn.execute(insert(users), [{"name": "jack"}, {"name": "wendy"}, {"name": "spongebob"}])
    stmt = update(users).where(users.c.name == bindparam("oldname")).values(name=bindparam("newname"))
    print(stmt)
    conn.execute(stmt, [{"oldname": "jack", "newname": "ed"}, {"oldname": "wendy", "newname": "mary"}])
    scalar_subq = select(users.c.id).where(users.c.name == bindparam("username")).scalar_subquery()
    ins = insert(address).values(user_id=scalar_subq)
    print(ins)
    conn.execute(ins, [{"username": "spongebob", "email": "s@x.org"}, {"username": "ed", "email": "e@x.org"}])
    q = select(users.c.name).where(users.c.id > bindparam("min_id", 1))
    print(q)
    print(conn.execute(q).scalars().all(), conn.execute(q, {"min_id": 2}).scalars().all())
    print(conn.execute(select(address.c.user_id, address.c.email)).all())
    try:
        conn.execute(select(users.c.name).where(users.c.id == bindparam("x")))
    except Exception as ex:
        print(type(ex).__name__, ex)
