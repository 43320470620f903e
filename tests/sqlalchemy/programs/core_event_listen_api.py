"""event.listen / listens_for / contains / remove on engines: which listeners run when, what the
driver's connection and cursor give, and SQLAlchemy's errors for events that do not exist."""
from sqlalchemy import create_engine, event, Engine, text
from sqlalchemy.pool import NullPool


@event.listens_for(Engine, "first_connect")
def first(dbapi_connection, connection_record):
    print("first_connect", type(dbapi_connection), connection_record.info)


@event.listens_for(Engine, "connect")
def connected(dbapi_connection, connection_record):
    print("connect", dbapi_connection.in_transaction, repr(dbapi_connection.isolation_level))
    cur = dbapi_connection.cursor()
    print(cur.execute("PRAGMA foreign_keys").fetchall(), cur.description, cur.rowcount)
    cur.execute("PRAGMA foreign_keys=ON")
    print(cur.rowcount, cur.description, cur.fetchone())
    cur.close()
    connection_record.info["seen"] = True


e = create_engine("sqlite://", echo=True)
print("made")
with e.connect() as conn:
    print(conn.execute(text("PRAGMA foreign_keys")).all())
with e.connect() as conn:
    print(conn.execute(text("PRAGMA foreign_keys")).all())

pooled_not = create_engine("sqlite:///events.db", poolclass=NullPool)
for i in range(2):
    with pooled_not.connect() as conn:
        print(conn.execute(text("PRAGMA foreign_keys")).all())

for target in (e, Engine, 42):
    try:
        event.listen(target, "bogus", connected)
    except Exception as ex:
        print(type(ex).__name__, ex)
print(event.contains(Engine, "connect", connected))
event.remove(Engine, "connect", connected)
print(event.contains(Engine, "connect", connected))
try:
    event.remove(Engine, "connect", connected)
except Exception as ex:
    print(type(ex).__name__, str(ex).split(" / ")[:2])


@event.listens_for(e, "connect", named=True)
def by_name(**kw):
    print("named:", sorted(kw))


print(event.listen(e, "connect", lambda c, r: print("lambda")))
with pooled_not.connect() as conn:
    print("no listener left for this one")
with e.connect() as conn:
    print("e reuses its connection: no connect event")

raw = create_engine("sqlite://")


@event.listens_for(raw, "connect")
def data(dbapi_connection, connection_record):
    cur = dbapi_connection.cursor()
    cur.execute("CREATE TABLE t (x INTEGER)")
    cur.executemany("INSERT INTO t VALUES (?)", [(1,), (2,), (3,)])
    print("inserted", cur.rowcount, cur.lastrowid, dbapi_connection.in_transaction)
    dbapi_connection.commit()
    print(list(dbapi_connection.execute("SELECT x FROM t WHERE x > ?", (1,))))
    print(dbapi_connection.execute("SELECT count(*) FROM t").fetchone()[0])
    try:
        cur.execute("SELECT nope FROM t")
    except Exception as ex:
        print(type(ex).__module__, type(ex).__name__, ex)


with raw.connect() as conn:
    print(conn.execute(text("SELECT sum(x) FROM t")).scalar())
