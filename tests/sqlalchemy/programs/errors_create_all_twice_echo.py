# Base.metadata.create_all() twice: the first call checks (PRAGMA) and creates the table,
# the second only checks and creates nothing; drop_all likewise (echo=True).
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]


engine = create_engine("sqlite:///items.db", echo=True)
print("--- first create_all")
Base.metadata.create_all(engine)
print("--- second create_all")
Base.metadata.create_all(engine)
print("--- drop_all")
Base.metadata.drop_all(engine)
print("--- drop_all again")
Base.metadata.drop_all(engine)
