# The seed's Database.update_user with a field the User model does not have:
# update_user raises AttributeError before anything is committed.
from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    db.create_user(User(name="Ada"))
    try:
        db.update_user(user_id=1, age=36)
    except AttributeError as e:
        print("AttributeError:", e)
    print(db.get_user(1))
    db.drop_tables()
