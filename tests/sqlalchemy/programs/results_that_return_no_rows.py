"""A result of a statement that returns no rows: fetching from it is ResourceClosedError; a text()
executemany missing a parameter in its second set, with echo (BEGIN, then the ROLLBACK)."""
from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE t (id INTEGER)"))
    r = conn.execute(text("INSERT INTO t VALUES (1)"))
    for how in ("all", "first", "fetchall", "fetchone", "fetchmany", "scalar", "one", "one_or_none",
                "scalar_one", "scalars", "keys", "columns", "close"):
        try:
            print(how, getattr(r, how)())
        except Exception as e:
            print(how, type(e).__name__, e)
    print(type(r.mappings()).__name__, type(r.unique()).__name__)
    try:
        print(list(r))
    except Exception as e:
        print("iter", type(e).__name__, e)
    r = conn.execute(text("SELECT id FROM t WHERE id > 5"))
    print(r.returns_rows, r.all(), r.keys())
    r = conn.execute(text("UPDATE t SET id = 2"))
    print(r.returns_rows, r.rowcount)
engine.echo = True
with engine.connect() as conn:
    try:
        conn.execute(text("SELECT :x"))
    except Exception as e:
        print(type(e).__name__)
with engine.begin() as conn:
    print("inside")
    conn.execute(text("INSERT INTO t (id) VALUES (:id)"), [{"id": 3}, {"di": 4}])
