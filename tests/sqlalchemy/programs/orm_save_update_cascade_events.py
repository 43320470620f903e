"""The save-update cascade happens as objects are appended, added and assigned; a flush leaves out what is not in the session, with a warning."""
from typing import List, Optional
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, WriteOnlyMapped

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")
    posts: WriteOnlyMapped["Post"] = relationship(back_populates="author")

class Address(Base):
    __tablename__ = "a"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("u.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="addresses")

class Post(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("u.id"))
    author: Mapped[Optional[User]] = relationship(back_populates="posts")
    def __repr__(self): return f"Post({self.id})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    u = User()
    s.add(u)
    a = Address()
    u.addresses.append(a)
    print(a in s.new)
    u.addresses = [Address()]
    print(len(s.new))
    p = Post()
    u.posts.add(p)
    print(p in s.new, p.author is u)
    q = Post(author=u)
    print(q in s.new)
    s.commit()
    print(s.scalars(u.posts.select()).all())
    u2 = User(posts=[Post()])
    s.add(u2)
    s.flush()
    print(s.scalars(u2.posts.select()).all())
    try:
        u2.posts = [Post()]
    except Exception as e:
        print(type(e).__name__, e)
    p.author = None
    s.flush()
    print(s.scalars(u.posts.select()).all())
    a2 = Address(user=u)
    print(a2 in s.new)
    s.commit()
    print(s.scalars(select(Address)).all() == u.addresses, len(u.addresses))
    s.delete(u2)
    s.flush()
    print("not reached")
