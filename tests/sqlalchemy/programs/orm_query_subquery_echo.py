"""The legacy Query as a subquery: query.subquery() joined with its columns labelled after anon_1
(anon_1_n), query.scalar_subquery(), query.exists() and ~exists, query.cte("bobs")."""
from sqlalchemy import ForeignKey, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ann"), User(name="bob"), Post(user_id=1), Post(user_id=1)])
    session.commit()
    counts = session.query(Post.user_id, func.count(Post.id).label("n")).group_by(Post.user_id).subquery()
    print(session.query(User.name, counts.c.n).join(counts, User.id == counts.c.user_id).all())
    top = session.query(func.max(Post.user_id)).scalar_subquery()
    print(session.query(User.name).filter(User.id == top).all())
    has_posts = session.query(Post.id).filter(Post.user_id == User.id).exists()
    print(session.query(User.name).filter(has_posts).all())
    print(session.query(User.name).filter(~has_posts).all())
    c = session.query(User.id).filter(User.name == "bob").cte("bobs")
    print(session.scalars(select(User.name).where(User.id.in_(select(c.c.id)))).all())
