# Legacy Query API as the seed uses it: query(User).filter(User.id == 1).first(), with
# echo=True to show the users_id labels and the LIMIT ? OFFSET ? that first() adds.
from sqlalchemy import Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    age: Mapped[int] = mapped_column(Integer)

    def __repr__(self):
        return f"<User(name={self.name})>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([User(name="John Doe", age=40), User(name="Jane Doe", age=35),
                 User(name="Jack Doe", age=12), User(name="Jill Doe", age=9)])
session.commit()

engine.echo = True
user = session.query(User).filter(User.id == 1).first()
print(user)
nobody = session.query(User).filter(User.id == 99).first()
print(nobody)
session.close()
