"""case() (conditions, or a value with a dict), exists() in the columns and in WHERE (and NOT EXISTS), Select.exists(), scalar_subquery() correlated to the enclosing query (and not when that would leave it no FROM), IN (SELECT ...), and str() of a statement with a subquery."""
from sqlalchemy import create_engine, String, select, func, case, exists, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    score: Mapped[int] = mapped_column(default=0)

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="a", score=5), User(name="b", score=25), User(name="c", score=50)])
    s.add_all([Post(user_id=1, title="p1"), Post(user_id=1, title="p2"), Post(user_id=3, title="p3")])
    s.commit()
engine.echo = True
with Session(engine) as s:
    level = case((User.score >= 40, "high"), (User.score >= 20, "mid"), else_="low")
    print(s.execute(select(User.name, level.label("level")).order_by(User.name)).all())
    print(s.execute(select(User.name, case((User.score > 10, 1), else_=0))).all())
    print(s.execute(select(case({"a": "A", "b": "B"}, value=User.name, else_="?"))).scalars().all())
    print(s.scalar(select(exists().where(User.name == "b"))))
    print(s.scalars(select(User.name).where(exists().where(Post.user_id == User.id))).all())
    print(s.scalars(select(User.name).where(~exists().where(Post.user_id == User.id))).all())
    posts = select(func.count(Post.id)).where(Post.user_id == User.id).scalar_subquery()
    print(s.execute(select(User.name, posts.label("n")).order_by(User.id)).all())
    top = select(func.max(User.score)).scalar_subquery()
    print(s.scalars(select(User.name).where(User.score == top)).all())
    ids = select(Post.user_id).where(Post.title.like("p%"))
    print(s.scalars(select(User.name).where(User.id.in_(ids))).all())
    print(str(select(User.name).where(User.score == top)))
with Session(engine) as s:
    q = select(User.id).where(User.score > 20)
    print(s.scalar(select(q.exists())), s.scalar(select(select(User.id).where(User.score > 99).exists())))
    print(s.scalars(select(Post.title).where(Post.user_id.not_in(q)).order_by(Post.title)).all())
    print(str(select(User.name).where(User.id.in_(select(Post.user_id).where(Post.title == "p3")))))
    print(str(select(case((User.score > 1, "x"), else_=None))))
