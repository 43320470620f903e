"""SQLite leaves foreign keys unenforced on every new connection; a "connect" listener turns them on
for one engine, and the other engine on the same file still lets an orphan row in."""
from sqlalchemy import create_engine, event, ForeignKey, String, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")


strict = create_engine("sqlite:///library.db", echo=True)
loose = create_engine("sqlite:///library.db")


@event.listens_for(strict, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


print(isinstance(strict, Engine), event.contains(strict, "connect", set_sqlite_pragma))
Base.metadata.create_all(strict)
with Session(strict) as s:
    a = Author(name="Ann")
    s.add(Book(title="T", author=a))
    s.commit()
    try:
        s.add(Book(title="bad", author_id=99))
        s.commit()
    except IntegrityError as e:
        print(type(e).__name__, e.orig, type(e.orig))
        s.rollback()
    print(s.execute(text("PRAGMA foreign_keys")).scalar())

with Session(loose) as s:
    s.add(Book(title="orphan", author_id=42))
    s.commit()
    print(s.scalars(select(Book.title).order_by(Book.id)).all())
    print(s.execute(text("PRAGMA foreign_keys")).scalar())

# An engine made later, with a listener on the Engine class: every engine hears it.
def on_connect(dbapi_connection, connection_record):
    print("connect:", dbapi_connection.execute("PRAGMA foreign_keys").fetchone())
    dbapi_connection.execute("pragma foreign_keys = 1")


event.listen(Engine, "connect", on_connect)
later = create_engine("sqlite:///library.db")
with later.connect() as conn:
    try:
        conn.execute(text("DELETE FROM authors"))
    except IntegrityError as e:
        print("refused:", e.orig)
with loose.connect() as conn:
    print("loose still:", conn.execute(text("PRAGMA foreign_keys")).scalar())
