# Objects returned by Database methods are detached (their session is closed),
# but attributes that were loaded before the close can still be read.
from sqlalchemy import inspect

from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    user = User(name="Barbara")
    db.create_user(user)
    fetched = db.get_user(1)
    print(fetched.id, fetched.name)
    print("detached:", inspect(fetched).detached)
    print("same object as created:", fetched is user)
    print("created one:", user.id, user.name, inspect(user).detached)
