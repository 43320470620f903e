from sqlalchemy import create_engine, ForeignKey, select
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
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User] = relationship(back_populates="posts")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ann", posts=[Post(title="hi"), Post(title="yo")]), User(name="bob", posts=[Post(title="hi")])])
    session.commit()
    print(session.scalars(select(User.name).filter_by(name="ann")).all())
    print(session.scalars(select(User).join(User.posts).filter_by(title="yo")).all())
    print(session.scalars(select(User.name).join(Post).filter_by(title="hi").order_by(User.name)).all())
    print(session.execute(select(User.name, Post.title).join_from(User, Post).filter_by(name="ann").order_by(Post.id)).all())
    print(session.execute(select(Post.title, User.name).join_from(Post, User, Post.author_id == User.id).where(User.name == "bob")).all())
    print([u.name for u in session.query(User).join(User.posts).filter_by(title="hi").order_by(User.id)])
    print(session.query(Post).filter_by(title="hi").count())
    print(session.scalars(select(Post.title).filter_by(author_id=2)).all())
    try:
        select(User.name).filter_by(nope=1)
    except Exception as exc:
        print(type(exc).__name__, exc)
    try:
        select(User).join(User.posts).filter_by(id=1)
    except Exception as exc:
        print(type(exc).__name__)
    try:
        session.query(User).filter_by(title="x")
    except Exception as exc:
        print(type(exc).__name__, exc)
