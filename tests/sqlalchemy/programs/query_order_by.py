# Legacy Query: order_by() ascending and with .desc(), over one and two columns.
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

print(session.query(User).order_by(User.name).all())
print(session.query(User).order_by(User.name.desc()).all())
print(session.query(User).order_by(User.age.desc(), User.name).first())
for user in session.query(User).order_by(User.age):
    print(user.age, user.name)
session.close()
