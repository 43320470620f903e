"""inspect(engine) and inspect(connection) with echo: the statements SQLAlchemy's SQLite dialect runs for each question, each answer cached by the inspector, NoSuchTableError."""
from sqlalchemy import create_engine, text, inspect
engine = create_engine("sqlite://")
with engine.begin() as c:
    c.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20) UNIQUE, email VARCHAR)"))
    c.execute(text("CREATE UNIQUE INDEX ix_users_email ON users (email)"))
    c.execute(text("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), title TEXT)"))
engine.echo = True
insp = inspect(engine)
print("-- pk first"); insp.get_pk_constraint("users")
print("-- indexes users"); print(insp.get_indexes("users"))
print("-- fks users"); insp.get_foreign_keys("users")
print("-- uniques posts"); insp.get_unique_constraints("posts")
print("-- has_table missing"); insp.has_table("nope")
try:
    print("-- columns missing"); insp.get_columns("nope")
except Exception as e:
    print(type(e).__name__, e)
with engine.connect() as conn:
    i2 = inspect(conn)
    print("-- conn names"); i2.get_table_names()
    print("-- conn cols"); i2.get_columns("users")
insp3 = inspect(engine)
print(insp3.get_table_names(), insp3.get_table_names(), insp3.has_table("users"), insp3.get_view_names())
print(insp3.get_columns("posts")[1]["name"], insp3.get_pk_constraint("posts"), insp3.get_foreign_keys("posts"), insp3.get_indexes("posts"), insp3.get_unique_constraints("users"))
