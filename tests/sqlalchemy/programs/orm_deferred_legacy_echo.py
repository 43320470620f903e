"""The legacy deferred(): Column-style deferred columns with group= and raiseload=, and a deferred expression."""
from sqlalchemy import Column, Integer, String, Text, create_engine, select, func
from sqlalchemy.orm import DeclarativeBase, Session, deferred, undefer, undefer_group


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(50))
    summary = deferred(Column(Text), group="text")
    excerpt = deferred(Column(Text), group="text")
    cover = deferred(Column(Text), raiseload=True)
    shout = deferred(func.upper(title))


print(select(Book))
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Book(title="a", summary="s", excerpt="e", cover="c"))
    session.commit()
    book = session.get(Book, 1)
    print(book.summary, book.excerpt)
    print(book.shout)
    try:
        book.cover
    except Exception as exc:
        print(type(exc).__name__, exc)
    print(session.scalars(select(Book).options(undefer(Book.cover))).one().cover)
