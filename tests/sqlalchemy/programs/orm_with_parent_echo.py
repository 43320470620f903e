# with_parent(): the rows of a relationship's target that belong to one object, as its lazy load
# selects them (? = posts.author_id; users.id = ? along a many-to-one), and how str() names the
# related object's key in with_parent() and in Post.author == bob / != bob.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, with_parent

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[List["Post"]] = relationship(back_populates="author")

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User | None] = relationship(back_populates="posts")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    ann = User(name="ann", posts=[Post(title="p1"), Post(title="p2")])
    bob = User(name="bob", posts=[Post(title="p3")])
    s.add_all([ann, bob])
    s.commit()
    print(s.scalars(select(Post.title).where(with_parent(ann, User.posts)).order_by(Post.id)).all())
    p3 = s.scalars(select(Post).where(Post.title == "p3")).one()
    print(s.scalars(select(User.name).where(with_parent(p3, Post.author))).all())
    print(bob.name, with_parent(bob, User.posts), "|", Post.author == bob, "|", Post.author != bob)
