# A mapped class without any primary key column fails at class definition time
# with ArgumentError; the try/except wraps the class statement itself.
from sqlalchemy import String
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


try:
    class Note(Base):
        __tablename__ = "notes"
        title: Mapped[str] = mapped_column(String(50))
        body: Mapped[str]
except ArgumentError as e:
    print(type(e).__name__)
    print(e)
print("tables in metadata:", list(Base.metadata.tables))
