"""expire() and refresh() of an object the session does not hold from the database: SQLAlchemy's InvalidRequestError, the object untouched."""
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(name="a")
    for call in [lambda: session.expire(u), lambda: session.refresh(u), lambda: session.expire(u, ["name"])]:
        try:
            call()
            print("ok", u.name)
        except Exception as exc:
            print(type(exc).__name__, str(exc).replace(hex(id(u)), "0x…"))
    session.add(u)
    for call in [lambda: session.expire(u), lambda: session.expire(u, ["name"])]:
        try:
            call()
            print("ok", u.name)
        except Exception as exc:
            print(type(exc).__name__, str(exc).replace(hex(id(u)), "0x…"))
    session.commit()
    session.expire(u, ["name"])
    print(u.name)
    try:
        session.expire(u, ["nope"])
    except Exception as exc:
        print(type(exc).__name__, exc)
