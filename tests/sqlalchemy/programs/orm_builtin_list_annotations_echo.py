"""Collections annotated with the built-in list (Mapped[list["Book"]]), selectinload and joinedload, a scalar subquery, an orphan deleted."""
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload, joinedload

class Base(DeclarativeBase):
    pass

class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    books: Mapped[list["Book"]] = relationship(back_populates="author", cascade="all, delete-orphan")

class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Author(name="le guin", books=[Book(title="earthsea"), Book(title="dispossessed")]))
    s.add(Author(name="banks", books=[Book(title="excession")]))
    s.commit()
engine.echo = True
with Session(engine) as s:
    for a in s.scalars(select(Author).options(selectinload(Author.books)).order_by(Author.name)):
        print(a.name, [b.title for b in a.books])
    for b in s.scalars(select(Book).options(joinedload(Book.author)).order_by(Book.id)):
        print(b.title, b.author.name)
    author = s.get(Author, 1)
    author.books.pop(0)
    s.commit()
    print(s.scalars(select(Book.title)).all())
