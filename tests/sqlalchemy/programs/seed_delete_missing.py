# Database.delete_user for an id that does not exist: the query returns None and
# session.delete(None) raises UnmappedInstanceError.
from sqlalchemy.orm.exc import UnmappedInstanceError

from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    db.create_user(User(name="Linus"))
    try:
        db.delete_user(user_id=7)
    except UnmappedInstanceError as e:
        print(type(e).__name__)
        print(e)
    db.delete_user(user_id=1)
    print("after delete:", db.get_user(1))
