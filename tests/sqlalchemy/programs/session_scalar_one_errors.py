# scalar_one(), scalar_one_or_none() and first() on results, and the exact messages of
# NoResultFound and MultipleResultsFound.
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)

    def __repr__(self):
        return f"<User {self.id} {self.name}>"


from sqlalchemy.exc import MultipleResultsFound, NoResultFound

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="tom"), User(name="uma")])
    session.commit()
    print(session.execute(select(User).where(User.name == "tom")).scalar_one())
    print(session.execute(select(User).where(User.name == "zoe")).scalar_one_or_none())
    print(session.execute(select(User).order_by(User.id)).first())
    print(session.scalars(select(User).order_by(User.id)).first())
    for stmt in [select(User).where(User.name == "zoe"), select(User)]:
        try:
            session.execute(stmt).scalar_one()
        except (NoResultFound, MultipleResultsFound) as e:
            print(type(e).__name__ + ":", e)
    try:
        session.scalars(select(User)).one_or_none()
    except MultipleResultsFound as e:
        print(type(e).__name__ + ":", e)
