"""A database named by its absolute path, built from __file__ as many projects do, is the same
file as the relative name from the project folder."""
import os

from sqlalchemy import create_engine, text

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
DB_PATH = os.path.join(BASE_DIR, "app.db")

engine = create_engine(f"sqlite:///{DB_PATH}")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    conn.execute(text("INSERT INTO notes (body) VALUES ('hello')"))

relative = create_engine("sqlite:///app.db")
with relative.connect() as conn:
    print(conn.execute(text("SELECT id, body FROM notes")).all())
dotted = create_engine("sqlite:///./app.db")
with dotted.connect() as conn:
    print(conn.execute(text("SELECT count(*) FROM notes")).scalar())
print(os.path.basename(DB_PATH), os.path.isabs(DB_PATH))
