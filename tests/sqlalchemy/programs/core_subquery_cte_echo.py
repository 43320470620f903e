"""Named subqueries and CTEs: joined on their .c columns, selected whole, filtered, used in IN (SELECT ...) and printed with str()."""
from sqlalchemy import create_engine, String, select, ForeignKey, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="a"), User(name="b"), Post(user_id=1, title="x"), Post(user_id=1, title="y"), Post(user_id=2, title="z")])
    s.commit()
engine.echo = True
with Session(engine) as s:
    counts = select(Post.user_id, func.count(Post.id).label("n")).group_by(Post.user_id).subquery("counts")
    print(s.execute(select(User.name, counts.c.n).join(counts, User.id == counts.c.user_id).where(counts.c.n > 1)).all())
    print(s.execute(select(counts)).all())
    print(s.execute(select(counts.c.user_id).where(counts.c.n == 1)).all())
    titles = select(Post.title, Post.user_id).where(Post.title != "x").cte()
    print(s.execute(select(User.name, titles.c.title).join(titles, titles.c.user_id == User.id).order_by(titles.c.title)).all())
    big = select(User.id).where(User.name == "a").cte("big")
    print(s.scalars(select(Post.title).where(Post.user_id.in_(select(big.c.id))).order_by(Post.title)).all())
    print(str(select(counts.c.n)))
    print(counts.c.keys(), counts.c.n.name)
