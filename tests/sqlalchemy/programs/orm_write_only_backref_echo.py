"""A write-only collection kept in step from the other side (post.author = user): members not in the session are left out, with a warning."""
from typing import Optional
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, WriteOnlyMapped

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(default="x")
    posts: WriteOnlyMapped["Post"] = relationship(back_populates="author")

class Post(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("u.id"))
    author: Mapped[Optional[User]] = relationship(back_populates="posts")
    def __repr__(self): return f"Post({self.id})"

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    u = User()
    s.add(u)
    s.commit()
    print("-- backref")
    p = Post(author=u)
    print(s.dirty, s.new)
    print("-- commit")
    s.commit()
    print("-- loaded u, backref then add")
    print(u.name)
    q = Post(author=u)
    s.add(q)
    s.commit()
    print(s.scalars(select(Post)).all())
