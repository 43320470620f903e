# Legacy Query: count() wraps the query in a subquery (echo=True shows the SQL),
# compared with len(all()).
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
print("count:", session.query(User).count())
print("adults:", session.query(User).filter(User.age >= 18).count())
engine.echo = False
print("len(all()):", len(session.query(User).all()))
session.close()
