"""A warning the session's autoflush gives carries SQLAlchemy's note saying so; the same warning
from an explicit flush() does not."""
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    posts: Mapped[list["Post"]] = relationship(back_populates="author")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User] = relationship(back_populates="posts")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    ann = User(name="ann", posts=[])
    bob = User(name="bob", posts=[])
    session.add_all([ann, bob])
    session.flush()
    Post(title="orphan", author=ann)
    print(session.scalars(select(User.name)).all())
    Post(title="stray", author=bob)
    session.flush()
    print(session.scalars(select(Post.title)).all())
