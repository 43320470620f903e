"""WriteOnlyMapped: a collection never loaded whole — add, add_all, remove, and select / insert / update / delete statements of its members."""
from typing import Optional
from datetime import datetime, timezone
from sqlalchemy import ForeignKey, String, create_engine, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, WriteOnlyMapped


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True, unique=True)
    posts: WriteOnlyMapped["Post"] = relationship(back_populates="author")

    def __repr__(self):
        return "<User {}>".format(self.username)


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(140))
    user_id: Mapped[int] = mapped_column(ForeignKey(User.id), index=True)
    author: Mapped[User] = relationship(back_populates="posts")

    def __repr__(self):
        return "<Post {}>".format(self.body)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(username="john")
    print(u.posts)
    session.add(u)
    session.commit()
    p = Post(body="my first post!", author=u)
    session.add(p)
    session.commit()
    print(session.scalars(u.posts.select()).all())
    print(u.posts.select())
    u.posts.add(Post(body="second"))
    u.posts.add_all([Post(body="third"), Post(body="fourth")])
    print(session.new)
    session.commit()
    query = u.posts.select().order_by(Post.body.desc())
    print(session.scalars(query).all())
    print(session.scalar(select(func.count()).select_from(u.posts.select().subquery())))
    u.posts.remove(p)
    try:
        session.commit()
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])
        session.rollback()
    try:
        print(list(u.posts))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(len(u.posts))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        u.posts = [Post(body="x")]
    except Exception as e:
        print(type(e).__name__, e)
    print(session.execute(u.posts.delete().where(Post.body == "third")).rowcount)
    print(session.execute(u.posts.update().values(body="edited").where(Post.body == "fourth")).rowcount)
    print(session.scalars(u.posts.select()).all())
    print(p.author)
    session.execute(u.posts.insert(), [{"body": "bulk1"}, {"body": "bulk2"}])
    print(session.scalars(u.posts.select()).all())
