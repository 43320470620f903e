# Common slips with SQL expressions: "is None" is plain Python, bool() of == compares the
# expressions themselves, bool() of > raises TypeError, and a raw string in where() is refused.
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


print(User.name is None)
print(bool(User.name == "ann"), bool(User.id == User.id))
try:
    if User.id > 1:
        print("never")
except TypeError as e:
    print(type(e).__name__ + ":", e)
try:
    select(User).where("name = 'ann'")
except Exception as e:
    print(type(e).__name__ + ":", e)
