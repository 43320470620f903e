# The session with parameters: an ORM SELECT's bindparam() filled from session.execute()'s dict,
# and ORM bulk UPDATE by primary key (session.execute(update(User), [rows])): one statement per
# shape of row, the objects the session holds taking the values; with a WHERE as well SQLAlchemy
# refuses, as it does a row without its key.
from sqlalchemy import String, bindparam, create_engine, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    age: Mapped[int] = mapped_column(default=1)


e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
with Session(e) as s:
    s.execute(insert(User), [{"name": "a"}, {"name": "b"}, {"name": "c"}])
    q = select(User.name).where(User.name == bindparam("n"))
    print(s.scalars(q, {"n": "b"}).all(), s.execute(select(User.id).where(User.age == bindparam("age")), {"age": 1}).all())
    a = s.get(User, 1)
    r = s.execute(update(User), [{"id": 1, "name": "x"}, {"id": 2, "name": "y", "age": 5}])
    print(a.name, a.age)
    print(s.scalars(select(User.name).order_by(User.id)).all())
    try:
        s.execute(update(User).where(User.age > 0), [{"id": 3, "name": "q"}])
    except Exception as ex:
        print(type(ex).__name__, ex)
    try:
        s.execute(update(User), [{"name": "q"}])
    except Exception as ex:
        print(type(ex).__name__, ex)
    try:
        s.scalars(select(User).where(User.name == bindparam("missing"))).all()
    except Exception as ex:
        print(type(ex).__name__, ex)
