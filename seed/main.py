from src.db import Database
from src.models.user import User


def main():
    with Database("sqlite.db") as db:
        db.create_tables()
        db.create_user(User(name="John Doe"))
        db.create_user(User(name="Jane Doe"))
        db.create_user(User(name="Jack Doe"))
        db.create_user(User(name="Jill Doe"))
        user = db.get_user(1)
        print(user)
        db.update_user(user_id=user.id, name="John Smith")
        db.delete_user(user_id=user.id)
        db.drop_tables()


if __name__ == "__main__":
    main()
