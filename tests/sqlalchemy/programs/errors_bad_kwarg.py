# The constructor declarative mapping generates only accepts mapped attribute names:
# an unknown keyword raises TypeError, positional arguments are refused too.
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


try:
    User(name="ann", email="ann@example.com")
except TypeError as e:
    print(type(e).__name__ + ":", e)
try:
    User("ann")
except TypeError as e:
    print(type(e).__name__ + ":", e)
user = User(name="ann")
print(user.name, user.id)
user.email = "not a column"
print(user.email)
