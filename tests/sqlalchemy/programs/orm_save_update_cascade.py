# A one-to-many relationship used from both ends without cascade options: setting
# the many-to-one side and adding only the child still saves the parent (save-update cascade).
from typing import List

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    books: Mapped[List["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    tolkien = Author(name="Tolkien")
    session.add(Book(title="The Hobbit", author=tolkien))
    print("author pending:", tolkien in session)
    session.commit()
    session.add(Book(title="The Silmarillion", author=tolkien))
    session.commit()
    for book in session.scalars(select(Book).order_by(Book.title)):
        print(book.id, book.title, "by", book.author.name)
    print([b.title for b in tolkien.books])
    print(session.scalars(select(Author.name).join(Author.books).where(Book.title.like("The S%"))).all())
