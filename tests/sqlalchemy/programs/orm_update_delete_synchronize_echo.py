# ORM-enabled UPDATE and DELETE (update(User), delete(User), the legacy Query.update/delete) and
# what they do to the objects the session holds: synchronize_session "auto" evaluates the WHERE
# in Python when it can (no SELECT afterwards), fetches the matched keys with RETURNING when it
# cannot, "evaluate" refuses criteria Python cannot judge, False leaves the objects stale.
from sqlalchemy import String, create_engine, delete, func, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[str | None]
    age: Mapped[int] = mapped_column(default=1)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.execute(insert(User), [{"name": "sandy", "fullname": "Sandy Cheeks"}, {"name": "patrick", "fullname": "Patrick Star"},
                                   {"name": "squidward", "fullname": "Squidward"}])
    session.commit()
    sandy = session.execute(select(User).filter_by(name="sandy")).scalar_one()
    session.execute(update(User).where(User.name == "sandy").values(fullname="Sandy Squirrel Extraordinaire"))
    print(sandy.fullname)
    patrick = session.get(User, 2)
    session.execute(delete(User).where(User.name == "patrick"))
    print(patrick in session)
    result = session.execute(update(User).where(User.name.like("s%")).values(fullname=User.name + "!"))
    print(result.rowcount, sandy.fullname)
    session.execute(update(User).where(func.length(User.name) > 3).values(name="x"))
    print(sandy.name)
    session.execute(update(User).where(User.id == 1).values(name=func.upper(User.name)))
    print(sandy.name)
    session.execute(update(User).where(User.id == 1).values(age=User.age + 10))
    print(sandy.age)
    session.execute(update(User).where(User.id == 1).values(age=5).execution_options(synchronize_session=False))
    print(sandy.age)
    session.execute(update(User).where(User.age.in_([5, 11])).values(age=7))
    print(sandy.age)
    session.query(User).filter(User.id == 1).update({"fullname": None})
    print(sandy.fullname)
    squidward = session.get(User, 3)
    print(session.query(User).filter(User.name == "x").delete(synchronize_session="fetch"), squidward in session)
    try:
        session.execute(update(User).where(User.name.contains("a")).values(age=1).execution_options(synchronize_session="evaluate"))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        session.execute(update(User).values(age=1).execution_options(synchronize_session="bogus"))
    except Exception as e:
        print(type(e).__name__, e)
    session.rollback()
    print(sandy.name, sandy.fullname, squidward in session, patrick in session)
