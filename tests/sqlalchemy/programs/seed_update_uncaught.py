# update_user with an unknown field, not caught: the traceback goes through the program's
# own function and into the seed's src/db.py.
from src.db import Database
from src.models.user import User


def rename(db):
    db.update_user(user_id=1, nickname="Ada")


with Database("sqlite.db") as db:
    db.create_tables()
    db.create_user(User(name="Ada Lovelace"))
    rename(db)
