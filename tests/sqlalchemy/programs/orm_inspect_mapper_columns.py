"""inspect(User): the mapper's columns and primary key."""
from sqlalchemy import String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


mapper = inspect(User)
print(mapper.columns, repr(mapper.c).split(" object at ")[0], mapper.c.name, mapper.columns.keys())
print(list(mapper.columns))
print(mapper.primary_key, mapper.columns["id"])
print([column.name for column in mapper.columns if not column.primary_key])
