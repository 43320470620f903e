# Passing the same User instance to Database.create_user twice: the second call
# re-attaches the already-persisted (detached) object, so no second row appears.
from sqlalchemy import select, func

from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    user = User(name="Alan")
    db.create_user(user)
    print("id after first create:", user.id)
    db.create_user(user)
    print("id after second create:", user.id)
    with db.Session() as session:
        count = session.scalar(select(func.count()).select_from(User))
    print("rows in users:", count)
