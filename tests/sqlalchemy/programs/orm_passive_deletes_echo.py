"""relationship(passive_deletes=True): deleting the owner leaves an unloaded collection (a write-only one too) to the database; loaded members are deleted or let go."""
from typing import List, Optional
from sqlalchemy import ForeignKey, create_engine, select, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, WriteOnlyMapped

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)
    addresses: Mapped[List["Address"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    notes: Mapped[List["Note"]] = relationship(passive_deletes=True)
    posts: WriteOnlyMapped["Post"] = relationship(passive_deletes=True, cascade="all, delete-orphan")

class Address(Base):
    __tablename__ = "a"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("u.id", ondelete="CASCADE"))

class Note(Base):
    __tablename__ = "n"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("u.id", ondelete="SET NULL"))

class Post(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("u.id", ondelete="CASCADE"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    for i in range(3):
        u = User(addresses=[Address()], notes=[Note()])
        u.posts.add(Post())
        s.add(u)
    s.commit()
    print("-- delete unloaded")
    s.delete(s.get(User, 1))
    s.commit()
    print("-- delete loaded")
    u = s.get(User, 2)
    print(len(u.addresses), len(u.notes))
    s.delete(u)
    s.commit()
    print(s.scalars(select(Address.user_id)).all(), s.scalars(select(Note.user_id)).all(), s.scalars(select(Post.user_id)).all())
