# Using the Database's sessionmaker directly: after commit the object is expired, and once
# the session is closed, reading an attribute raises DetachedInstanceError (uncaught here).
from src.db import Database
from src.models.user import User

db = Database("sqlite.db")
db.create_tables()
with db.Session() as session:
    user = User(name="Margaret")
    session.add(user)
    session.commit()
print("session closed")
print(user.name)
