"""Session.begin_nested(): a SAVEPOINT per level, sent when the session next needs its connection;
a failed flush inside it rolls back only the savepoint (the loop that skips duplicates goes on);
refresh() of some attributes reads only those columns."""
from sqlalchemy import create_engine, select, String, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ann"))
    session.commit()
    for name in ["bob", "ann", "cy"]:
        try:
            with session.begin_nested():
                session.add(User(name=name))
        except IntegrityError as e:
            print("skipped", name, e.orig)
    session.commit()
    print(session.scalars(select(User.name).order_by(User.id)).all())
    nested = session.begin_nested()
    session.add(User(name="dee"))
    nested.rollback()
    print(session.scalars(select(User.name)).all())
    session.refresh(session.get(User, 1), ["name"])
    session.expunge_all()
    print(session.execute(text("SELECT count(*) FROM users")).scalar_one())
