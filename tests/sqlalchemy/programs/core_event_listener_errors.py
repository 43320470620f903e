"""What a failing "connect" listener does: its own exceptions come out of engine.connect() as
they are, a driver error is wrapped in SQLAlchemy's, and the next connect tries again."""
from sqlalchemy import create_engine, event, text

engine = create_engine("sqlite://")
calls = []


@event.listens_for(engine, "connect")
def check(dbapi_connection, connection_record):
    calls.append(len(calls))
    if len(calls) == 1:
        raise ValueError("not yet")
    if len(calls) == 2:
        dbapi_connection.execute("SELECT nope")


for attempt in range(2):
    try:
        engine.connect()
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
        print("  orig:", repr(getattr(e, "orig", None)), "cause:", repr(e.__cause__))

with engine.connect() as conn:
    print(conn.execute(text("SELECT 1")).scalar(), calls)


@event.listens_for(engine, "first_connect")
def late(dbapi_connection, connection_record):
    print("first_connect has run for this pool already")


other = create_engine("sqlite://")


@event.listens_for(other, "connect")
def bad(dbapi_connection, connection_record):
    cur = dbapi_connection.cursor()
    cur.close()
    cur.execute("select 1")


with other.connect() as conn:
    pass
