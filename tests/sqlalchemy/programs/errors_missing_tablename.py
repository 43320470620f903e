# Forgetting __tablename__ on a subclass of the declarative Base raises
# InvalidRequestError when the class statement runs.
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


try:
    class Book(Base):
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str]
except InvalidRequestError as e:
    print(type(e).__name__)
    print(e)


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]


print(Book.__table__.name, Book.__table__.c.keys())
