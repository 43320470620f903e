"""A tutorial-style library: relationships with cascades and order_by, joins with group_by and labels, any()/has(), case(), selectinload/joinedload, aliased, exists, delete-orphan."""
from datetime import datetime
from typing import List, Optional
from sqlalchemy import create_engine, select, func, ForeignKey, String, desc, and_, or_, exists, case, distinct
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload, joinedload, aliased


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    books: Mapped[List["Book"]] = relationship(back_populates="author", cascade="all, delete-orphan", order_by="Book.year")

    def __repr__(self):
        return f"Author({self.name!r})"


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    year: Mapped[int]
    price: Mapped[Optional[float]]
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")

    def __repr__(self):
        return f"<Book {self.title} ({self.year})>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    le = Author(name="Le Guin", books=[Book(title="Earthsea", year=1968, price=9.5), Book(title="Dispossessed", year=1974)])
    pratchett = Author(name="Pratchett")
    pratchett.books.append(Book(title="Mort", year=1987, price=7.25))
    pratchett.books.append(Book(title="Guards", year=1989, price=8.0))
    session.add_all([le, pratchett])
    session.commit()

    stmt = select(Author.name, func.count(Book.id).label("n"), func.avg(Book.price)).join(Author.books).group_by(Author.id).order_by(desc("n"), Author.name)
    for row in session.execute(stmt):
        print(row, row.n, row._mapping["name"])
    print(session.scalars(select(Book.title).where(Book.price.is_(None))).all())
    print(session.scalars(select(Author).where(Author.books.any(Book.year > 1980))).all())
    print(session.scalar(select(func.max(Book.year)).where(Book.author.has(Author.name == "Le Guin"))))
    print(session.execute(select(Book.title, case((Book.year < 1970, "old"), else_="new").label("age")).order_by(Book.id)).all())
    authors = session.scalars(select(Author).options(selectinload(Author.books)).order_by(Author.name)).all()
    for a in authors:
        print(a, a.books)
    b = session.scalars(select(Book).options(joinedload(Book.author)).where(Book.title == "Mort")).one()
    print(b.author.name)
    a2 = aliased(Author)
    print(session.execute(select(Book.title, a2.name).join(a2, Book.author).where(a2.name.startswith("Pr")).order_by(Book.title)).all())
    print(session.scalar(select(func.count(distinct(Book.author_id)))))
    print(session.scalar(select(exists().where(Book.year > 2000))))
    pratchett.books.remove(pratchett.books[0])
    session.flush()
    print(session.scalar(select(func.count()).select_from(Book)))
    session.delete(le)
    session.commit()
    print(session.scalars(select(Book.title).order_by(Book.title)).all())
    print(session.execute(select(Book).where(or_(Book.year < 1900, and_(Book.price > 7, Book.price < 9)))).scalars().all())
