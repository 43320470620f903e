# Database.get_user for an id that is not in the table: .first() gives None,
# and the seed logs "User None retrieved".
from src.db import Database
from src.models.user import User

with Database("sqlite.db") as db:
    db.create_tables()
    db.create_user(User(name="Grace"))
    found = db.get_user(1)
    missing = db.get_user(42)
    print("found:", found)
    print("missing:", missing)
    print("missing is None:", missing is None)
