"""Deferred columns: mapped_column(deferred=True), deferred_group, deferred_raiseload, undefer, undefer_group."""
from typing import Optional, List
from sqlalchemy import String, Text, ForeignKey, create_engine, select, Column, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, load_only, defer, undefer, undefer_group, relationship, selectinload, joinedload


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
    summary: Mapped[str] = mapped_column(Text, deferred=True, deferred_group="text")
    excerpt: Mapped[str] = mapped_column(Text, deferred=True, deferred_group="text")
    cover: Mapped[Optional[bytes]] = mapped_column(deferred=True, deferred_raiseload=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a = Author(name="ann", bio="bio!")
    session.add_all([Book(title="A", summary="aaa", excerpt="ea", cover=b"x", author=a), Book(title="B", summary="bbb", excerpt="eb", author=a)])
    session.commit()
engine.echo = True

with Session(engine) as session:
    print("-- get")
    b = session.get(Book, 1)
    print("-- excerpt")
    print(b.excerpt)
    print("-- cover")
    try:
        print(b.cover)
    except Exception as e:
        print(type(e).__name__, e)
    print("-- expire")
    session.expire(b)
    print(b.title)
    print("-- summary")
    print(b.summary)
    print("-- refresh")
    session.refresh(b)
    print(sorted(k for k in b.__dict__ if not k.startswith("_")))
    print("-- commit")
    session.commit()
    print(b.title)
    print(sorted(k for k in b.__dict__ if not k.startswith("_")))

with Session(engine) as session:
    print("-- undefer_group")
    b = session.scalars(select(Book).options(undefer_group("text")).where(Book.id == 1)).one()
    print(b.summary, b.excerpt)
    print("-- load_only then full")
    b2 = session.scalars(select(Book).options(load_only(Book.title)).where(Book.id == 2)).one()
    b2 = session.scalars(select(Book).where(Book.id == 2)).one()
    print(sorted(k for k in b2.__dict__ if not k.startswith("_")))
    print("-- selectinload with deferred")
    authors = session.scalars(select(Author).options(selectinload(Author.books))).all()
    print([b.title for b in authors[0].books])
    print("-- joinedload")
    books = session.scalars(select(Book).options(joinedload(Book.author))).all()
    print(books[0].author.name, books[0].author.bio)
    print("-- query")
    print([b.title for b in session.query(Book).options(load_only(Book.title)).all()])
    print(select(Book).options(defer(Book.title)))
    print(select(Book, Author).options(load_only(Book.title), undefer(Author.bio)).join(Book.author))
    print(select(Book).options(undefer(Book.cover)))
with Session(engine) as session:
    b = session.get(Book, 2)
try:
    b.summary
except Exception as e:
    print(type(e).__name__, e)
print(b.title)

for bad in [lambda: load_only(Book.author), lambda: defer(Book.author), lambda: defer(Book.id), lambda: load_only("title")]:
    try:
        print(select(Book).options(bad()))
    except Exception as e:
        print(type(e).__name__, e)
print(load_only(Book.title))
print(defer(Book.title))
