# Database.update_user commits the change and returns a freshly loaded copy of the user.
from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    db.create_user(User(name="Katherine"))
    db.create_user(User(name="Dorothy"))
    updated = db.update_user(user_id=2, name="Mary")
    print("returned:", updated, updated.id)
    print("user 1:", db.get_user(1))
    print("user 2:", db.get_user(2))
