# A text() statement whose :name parameter is not supplied: a StatementError wrapping
# InvalidRequestError names the bind parameter that needs a value.
from sqlalchemy import create_engine, text
from sqlalchemy.exc import StatementError

engine = create_engine("sqlite://")
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE t (a INTEGER, b INTEGER)"))
    try:
        conn.execute(text("INSERT INTO t VALUES (:a, :b)"), {"a": 1})
    except StatementError as e:
        print(type(e).__name__)
        print(e)
    try:
        conn.execute(text("SELECT * FROM t WHERE a = :a"))
    except StatementError as e:
        print(type(e).__name__)
        print(e)
    print(conn.execute(text("SELECT count(*) FROM t")).scalar())
