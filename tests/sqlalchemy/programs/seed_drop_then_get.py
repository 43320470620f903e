# Reading through the seed Database after drop_tables(): SQLite reports "no such table",
# which SQLAlchemy wraps in OperationalError with the SQL and parameters.
from sqlalchemy.exc import OperationalError

from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    db.create_user(User(name="Edsger"))
    db.drop_tables()
    try:
        db.get_user(1)
    except OperationalError as e:
        print(type(e).__name__)
        print(e)
