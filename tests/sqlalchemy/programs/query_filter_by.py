# Legacy Query: filter_by() with keyword arguments, several filters chained (AND),
# and str() of the Query to see its SQL.
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

print(session.query(User).filter_by(name="Jane Doe").first())
print(session.query(User).filter_by(name="Nobody").all())
q = session.query(User).filter(User.age > 10).filter_by(name="Jack Doe")
print(q.all())
print(q)
print(session.query(User).filter(User.age < 36, User.name != "Jill Doe").all())
session.close()
