# Legacy Query: one(), one_or_none() and get-like lookups, and the errors one() raises
# for zero rows and for several rows.
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

from sqlalchemy.exc import MultipleResultsFound, NoResultFound

print(session.query(User).filter(User.name == "Jill Doe").one())
print(session.query(User).filter(User.name == "Nobody").one_or_none())
try:
    session.query(User).filter(User.name == "Nobody").one()
except NoResultFound as e:
    print(type(e).__name__, "-", e)
try:
    session.query(User).filter(User.age > 10).one()
except MultipleResultsFound as e:
    print(type(e).__name__, "-", e)
print(session.get(User, 2))
session.close()
