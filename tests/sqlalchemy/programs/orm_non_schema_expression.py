"""A SQL expression in a mapped class's body is not mapped: SQLAlchemy warns, and the class has it as a plain attribute."""
from sqlalchemy import String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    firstname: Mapped[str] = mapped_column(String(50))
    shout = func.upper(firstname)
    also = firstname.is_(None)


print(User.__table__.c.keys(), hasattr(User, "shout"))
print(select(User))
print(type(User.shout).__name__)
