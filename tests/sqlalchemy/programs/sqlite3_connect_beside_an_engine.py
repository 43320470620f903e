# Python's own sqlite3 next to SQLAlchemy: sqlite3.connect() opens the same database file,
# a with block commits, close() drops what was not committed, a missing bind parameter's chain.
import sqlite3
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///shared.db")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE t (a INTEGER, b TEXT)"))
    conn.execute(text("INSERT INTO t VALUES (1, 'x'), (2, 'y')"))
db = sqlite3.connect("shared.db")
print(db)
cur = db.execute("SELECT a, b FROM t ORDER BY a")
print(cur.fetchall())
print(db.execute("PRAGMA foreign_keys").fetchone())
with db:
    db.execute("INSERT INTO t VALUES (?, ?)", (3, "z"))
print(db.in_transaction, db.execute("SELECT count(*) FROM t").fetchone())
db.execute("INSERT INTO t VALUES (4, 'w')")
print(db.in_transaction)
db.close()
with engine.connect() as conn:
    print(conn.execute(text("SELECT count(*) FROM t")).scalar())
mem = sqlite3.connect(":memory:")
mem.execute("CREATE TABLE q (x)")
print(mem.execute("SELECT name FROM sqlite_master").fetchall())
try:
    sqlite3.connect(5)
except TypeError as e:
    print(e)
with engine.connect() as conn:
    conn.execute(text("select :x"))
