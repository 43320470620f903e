# engine.connect() does not autocommit: without conn.commit() the work is rolled back when
# the block ends; engine.begin() commits by itself (echo=True shows BEGIN/COMMIT/ROLLBACK).
from sqlalchemy import create_engine, text

engine = create_engine("sqlite:///core.db", echo=True)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE notes (body TEXT)"))
with engine.connect() as conn:
    conn.execute(text("INSERT INTO notes VALUES ('kept')"))
    conn.commit()
with engine.connect() as conn:
    conn.execute(text("INSERT INTO notes VALUES ('lost')"))
with engine.begin() as conn:
    conn.execute(text("INSERT INTO notes VALUES (:body)"), {"body": "also kept"})
with engine.connect() as conn:
    print(conn.execute(text("SELECT body FROM notes")).scalars().all())
