from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from src.models.base import Base
from src.models.user import User


class Database:
    def __init__(self, db_path):
        self.engine = create_engine(f"sqlite:///{db_path}")
        self.Session = sessionmaker(bind=self.engine)
        self.session = self.Session()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.session.close()

    def create_tables(self):
        Base.metadata.create_all(self.engine)

    def drop_tables(self):
        Base.metadata.drop_all(self.engine)

    def create_user(self, user):
        self.session.add(user)
        self.session.commit()
        return user

    def get_user(self, user_id):
        return self.session.get(User, user_id)

    def update_user(self, user_id, **kwargs):
        user = self.get_user(user_id)
        for key, value in kwargs.items():
            if not hasattr(user, key):
                raise AttributeError(f"User does not have attribute {key}")
            setattr(user, key, value)
        self.session.commit()
        return user

    def delete_user(self, user_id):
        user = self.get_user(user_id)
        self.session.delete(user)
        self.session.commit()
