"""cast() (named after the column it casts), func.coalesce, nulls_last()/nulls_first(), count(distinct(...)), distinct() in the columns with its SAWarning, literal_column()."""
from sqlalchemy import create_engine, String, select, func, cast, literal_column, distinct, Integer, nulls_last, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    score: Mapped[int | None]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="a", score=5), User(name="b", score=None), User(name="c", score=50)])
    s.commit()
engine.echo = True
with Session(engine) as s:
    print(s.execute(select(User.name, cast(User.score, String))).all())
    print(s.execute(select(cast("12", Integer) + 1)).scalar())
    print(s.scalars(select(func.coalesce(User.score, 0)).order_by(User.id)).all())
    print(s.scalars(select(User.name).order_by(nulls_last(User.score.desc()))).all())
    print(s.scalars(select(User.name).order_by(User.score.desc().nulls_first())).all())
    print(s.scalar(select(func.count(distinct(User.score)))))
    print(s.execute(select(literal_column("42").label("answer"), User.name).limit(1)).all())
    print(s.scalars(select(distinct(User.name)).order_by(User.name)).all())
    print(str(select(cast(User.score, String(10)).label("s"), literal_column("1"))))
