"""The Flask Mega-Tutorial's models as SQLAlchemy 2.0 writes them: a WriteOnlyMapped posts collection, and its shell session."""
from datetime import datetime, timezone
from typing import Optional
import sqlalchemy as sa
import sqlalchemy.orm as so


class Base(so.DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    username: so.Mapped[str] = so.mapped_column(sa.String(64), index=True, unique=True)
    email: so.Mapped[str] = so.mapped_column(sa.String(120), index=True, unique=True)
    password_hash: so.Mapped[Optional[str]] = so.mapped_column(sa.String(256))
    about_me: so.Mapped[Optional[str]] = so.mapped_column(sa.String(140))
    last_seen: so.Mapped[Optional[datetime]] = so.mapped_column(default=lambda: datetime.now(timezone.utc))
    posts: so.WriteOnlyMapped["Post"] = so.relationship(back_populates="author")

    def __repr__(self):
        return "<User {}>".format(self.username)


class Post(Base):
    __tablename__ = "post"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    body: so.Mapped[str] = so.mapped_column(sa.String(140))
    timestamp: so.Mapped[datetime] = so.mapped_column(index=True, default=lambda: datetime.now(timezone.utc))
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey(User.id), index=True)
    author: so.Mapped[User] = so.relationship(back_populates="posts")

    def __repr__(self):
        return "<Post {}>".format(self.body)


engine = sa.create_engine("sqlite://")
Base.metadata.create_all(engine)
session = so.Session(engine)
u = User(username="john", email="john@example.com")
session.add(u)
session.commit()
u = User(username="susan", email="susan@example.com")
session.add(u)
session.commit()
query = sa.select(User)
users = session.scalars(query).all()
print(users)
for u in users:
    print(u.id, u.username)
u = session.get(User, 1)
p = Post(body="my first post!", author=u)
session.add(p)
session.commit()
query = u.posts.select()
posts = session.scalars(query).all()
print(posts)
query = sa.select(Post)
posts = session.scalars(query)
for p in posts:
    print(p.id, p.author.username, p.body, type(p.timestamp).__name__)
query = sa.select(User).order_by(User.username.desc())
print(session.scalars(query).all())
query = sa.select(User).where(User.username.like("s%"))
print(session.scalars(query).all())
users = session.scalars(sa.select(User)).all()
posts = session.scalars(sa.select(Post)).all()
for p in posts:
    session.delete(p)
for u in users:
    session.delete(u)
session.commit()
print(session.scalars(sa.select(User)).all())
