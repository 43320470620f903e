"""sqlalchemy.schema: CreateTable / DropTable printed (with if_not_exists / if_exists) and compiled as
SQLAlchemy writes them, and executed on a connection (logged as DDL); Table, Column and MetaData
import from it too."""
from sqlalchemy import create_engine, String, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.schema import CreateTable, DropTable, Column, MetaData, Table
from sqlalchemy import Integer
class Base(DeclarativeBase):
    pass
class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
engine = create_engine("sqlite://", echo=True)
print(CreateTable(User.__table__))
print(repr(str(CreateTable(Post.__table__).compile(engine))))
print(repr(str(DropTable(User.__table__))), repr(str(DropTable(User.__table__, if_exists=True))))
print(repr(str(CreateTable(User.__table__, if_not_exists=True))))
print(repr(CreateTable(User.__table__))[:40])
notes = Table("notes", MetaData(), Column("id", Integer, primary_key=True))
with engine.begin() as c:
    c.execute(CreateTable(User.__table__))
    c.execute(CreateTable(notes))
    c.execute(DropTable(notes))
    print(c.execute(select(User)).all())
