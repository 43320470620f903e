# Opening the seed Database's sessionmaker directly and listing the users with select().
from sqlalchemy import select

from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    for name in ["Zed", "Amy", "Kim"]:
        db.create_user(User(name=name))
    with db.Session() as session:
        for user in session.scalars(select(User).order_by(User.name)):
            print(user.id, user)
        print(session.scalars(select(User.name).where(User.id > 1)).all())
