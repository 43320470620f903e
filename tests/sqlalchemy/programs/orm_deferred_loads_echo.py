"""Deferred columns through the other loads: a flush, contains_eager, a lazy load's target, expire(obj, names), the legacy Query."""
from typing import Optional, List
from sqlalchemy import String, Text, ForeignKey, create_engine, select, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, load_only, defer, relationship, contains_eager


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    bio: Mapped[str] = mapped_column(Text, deferred=True)
    books: Mapped[List["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(Text, deferred=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    a = Author(name="ann", bio="bio!")
    session.add(Book(title="A", summary="aaa", author=a))
    session.commit()
    print("-- read after commit")
    book = session.scalars(select(Book)).one()
    print(sorted(inspect(book).unloaded))
    book.summary = "changed"
    book.title = "A2"
    session.flush()
    print(book.summary)
    print("-- contains_eager")
    session.expunge_all()
    rows = session.scalars(select(Book).join(Book.author).options(contains_eager(Book.author))).all()
    print(rows[0].author.name)
    print("-- lazy author")
    session.expunge_all()
    b = session.get(Book, 1)
    print(b.author.bio)
    print("-- expire names")
    session.expire(b, ["title", "author"])
    print(b.title)
    try:
        session.expire(b, ["nope"])
    except Exception as e:
        print(type(e).__name__, e)
    print("-- query")
    print(session.query(Book).options(defer(Book.title)).filter(Book.id == 1).one().title)
    print(session.query(Author.name, Author.bio).all())
