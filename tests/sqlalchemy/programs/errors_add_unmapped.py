# Session.add() of something that is not a mapped instance: an int, a string, the class itself
# and None each raise UnmappedInstanceError with a message naming the type; delete() too.
from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import UnmappedInstanceError


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)


engine = create_engine("sqlite://")
with Session(engine) as session:
    for thing in [5, "user", User, None]:
        try:
            session.add(thing)
        except (UnmappedInstanceError, ArgumentError) as e:
            print(repr(thing), "->", type(e).__name__ + ":", e)
    try:
        session.delete(User)
    except (UnmappedInstanceError, ArgumentError) as e:
        print("delete(User) ->", type(e).__name__ + ":", e)
    print("still usable:", len(session.new))
