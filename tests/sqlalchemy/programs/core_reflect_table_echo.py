"""Table reflection as the unified tutorial teaches it: Table(name, metadata, autoload_with=engine) asks the SQLite dialect's questions (logged by echo) and builds the Table from the answers; a foreign key's table is read into the same MetaData; a missing table is NoSuchTableError; reflecting on a connection runs inside its transaction; MetaData.reflect() asks each question for every table in turn."""
from sqlalchemy import MetaData, Table, create_engine, insert, select, text
from sqlalchemy.exc import NoSuchTableError

engine = create_engine("sqlite://", echo=True)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE some_table (x int, y int)"))
    conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, email TEXT UNIQUE)"))
    conn.execute(text("CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), email VARCHAR)"))
    conn.execute(text("CREATE INDEX ix_addresses_email ON addresses (email)"))
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [{"x": 1, "y": 1}, {"x": 2, "y": 4}])

metadata_obj = MetaData()
some_table = Table("some_table", metadata_obj, autoload_with=engine)
print(repr(some_table))
with engine.connect() as conn:
    for row in conn.execute(select(some_table).where(some_table.c.x > 1)):
        print(row)

addresses = Table("addresses", metadata_obj, autoload_with=engine)
print(list(metadata_obj.tables))
users = metadata_obj.tables["users"]
print(repr(users))
print(repr(addresses.c.user_id))
print(select(addresses.c.email, users.c.name).join_from(addresses, users))
print(Table("users", metadata_obj) is users)

try:
    Table("nope", metadata_obj, autoload_with=engine)
except NoSuchTableError as err:
    print("NoSuchTableError:", err)
print(list(metadata_obj.tables))

with engine.begin() as conn:
    conn.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    notes = Table("notes", metadata_obj, autoload_with=conn)
    conn.execute(insert(notes).values(body="reflected inside the transaction"))
    print(conn.execute(select(notes)).all())

everything = MetaData()
everything.reflect(engine)
print(list(everything.tables))
print([t.name for t in everything.sorted_tables])
