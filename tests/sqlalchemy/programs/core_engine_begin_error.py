# engine.begin() rolls back when the block raises, and conn.rollback() undoes work
# explicitly; a ZeroDivisionError inside the block still propagates.
from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE counts (n INTEGER)"))
    conn.execute(text("INSERT INTO counts VALUES (1)"))
try:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO counts VALUES (2)"))
        print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
with engine.connect() as conn:
    conn.execute(text("INSERT INTO counts VALUES (3)"))
    conn.rollback()
    conn.execute(text("INSERT INTO counts VALUES (4)"))
    conn.commit()
    print(conn.execute(text("SELECT n FROM counts ORDER BY n")).scalars().all())
    print(conn.execute(text("SELECT count(*) FROM counts")).scalar())
