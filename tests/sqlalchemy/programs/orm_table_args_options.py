"""__table_args__ with an options dict: sqlite_autoincrement declares the key AUTOINCREMENT;
extend_existing and comment change nothing on SQLite."""
from sqlalchemy import create_engine, UniqueConstraint, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

class Base(DeclarativeBase):
    pass

class A(Base):
    __tablename__ = "a"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)

class B(Base):
    __tablename__ = "b"
    __table_args__ = (UniqueConstraint("name"), {"extend_existing": True, "comment": "bees"})
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))

e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
