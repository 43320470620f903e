# Legacy Query of columns instead of entities: query(User.name) gives Row tuples,
# with echo=True showing the column labels.
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
rows = session.query(User.name).order_by(User.name).all()
print(rows)
print(rows[0].name, rows[0][0])
pairs = session.query(User.id, User.age).filter(User.age < 20).order_by(User.id).all()
for row in pairs:
    print(row)
print(session.query(User.name).filter(User.id == 2).scalar())
session.close()
