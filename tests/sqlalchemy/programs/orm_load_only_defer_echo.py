"""Column loading options: load_only, defer, undefer, raiseload=True, and what expiring does to them."""
from typing import Optional
from sqlalchemy import String, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, load_only, defer, undefer


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(Text)
    cover: Mapped[Optional[bytes]] = mapped_column(deferred=True)
    isbn: Mapped[Optional[str]]

    def __repr__(self):
        return f"Book(id={self.id!r}, title={self.title!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Book(title="A", summary="aaa", cover=b"x", isbn="1"), Book(title="B", summary="bbb")])
    session.commit()

with Session(engine) as session:
    books = session.scalars(select(Book).options(load_only(Book.title))).all()
    print(books)
    print(books[0].summary)
    print(books[0].cover)

with Session(engine) as session:
    b = session.scalars(select(Book).options(defer(Book.summary)).where(Book.id == 2)).one()
    print(sorted(b.__dict__.keys() - {"_sa_instance_state"}))
    print(b.summary)

with Session(engine) as session:
    b = session.scalars(select(Book).options(undefer(Book.cover))).first()
    print(b.cover)

with Session(engine) as session:
    b = session.get(Book, 1)
    print(sorted(k for k in b.__dict__ if not k.startswith("_")))
    print(b.cover)
    print(select(Book).options(load_only(Book.title, raiseload=True)))
    b2 = session.scalars(select(Book).options(defer(Book.summary, raiseload=True)).where(Book.id == 2)).one()
    try:
        b2.summary
    except Exception as e:
        print(type(e).__name__, e)

with Session(engine) as session:
    b = session.scalars(select(Book).options(load_only(Book.title)).where(Book.id == 1)).one()
    print("-- expire")
    session.expire(b)
    print(b.title)
    print(sorted(k for k in b.__dict__ if not k.startswith("_")))
    b2 = session.scalars(select(Book).options(load_only(Book.title, raiseload=True)).where(Book.id == 2)).one()
    print("-- set deferred")
    b2.summary = "new"
    print(b2.summary)
    session.flush()
    try:
        b2.isbn
    except Exception as e:
        print(type(e).__name__, e)
    print("-- expire title only")
    session.expire(b2, ["title"])
    print(b2.title)
    print("-- query again full")
    session.scalars(select(Book).where(Book.id == 2)).one()
    print(b2.isbn)
    session.commit()
    print("-- after commit")
    print(b2.isbn)
