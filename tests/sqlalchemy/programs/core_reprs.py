# repr() of schema objects: a mapped class's __table__, Column, types such as Integer()
# and String(30), MetaData and an Engine.
from sqlalchemy import Integer, MetaData, Numeric, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


print(repr(User.__table__))
print(repr(User.__table__.c.name))
print(User.__table__.c.keys())
print(repr(Integer()), repr(String(30)), repr(String()), repr(Numeric(10, 2)))
print(str(String(30)), str(Integer()))
print(repr(MetaData()))
print(repr(create_engine("sqlite://")))
print(repr(create_engine("sqlite:///app.db")))
print(User.__table__.name, User.__tablename__, User.__table__.primary_key)
print(User.id, User.name, type(User.id).__name__)
