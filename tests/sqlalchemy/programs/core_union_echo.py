"""union, union_all, except_, intersect (functions and methods): ORDER BY and LIMIT of the whole by column name, str(), and a union as a subquery in select_from()."""
from sqlalchemy import create_engine, String, select, union, union_all, except_, intersect, func
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
    u = union(select(User.name).where(User.score > 10), select(User.name).where(User.score.is_(None)))
    print(s.execute(u).all())
    print(s.execute(u.order_by(User.name)).all())
    print(s.scalars(union_all(select(User.id), select(User.id).where(User.id > 1)).order_by(User.id.desc()).limit(3)).all())
    print(s.execute(except_(select(User.name), select(User.name).where(User.name == "a"))).all())
    print(s.execute(intersect(select(User.name), select(User.name).where(User.name != "a"))).all())
    print(s.execute(select(User.name).where(User.id == 1).union(select(User.name).where(User.id == 2))).all())
    print(str(u))
    sub = u.subquery()
    print(s.execute(select(func.count()).select_from(sub)).scalar())
