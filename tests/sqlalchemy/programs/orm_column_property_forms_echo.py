"""column_property() beside columns, of a Column, deferred, and in the legacy Query."""
from sqlalchemy import String, create_engine, select, func, Column, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, column_property


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    firstname: Mapped[str] = mapped_column(String(50))
    fullname: Mapped[str] = column_property(firstname + " x")
    lastname: Mapped[str] = mapped_column(String(50))
    upper = column_property(func.upper(lastname), deferred=True)


class Thing(Base):
    __tablename__ = "thing"
    id = Column(Integer, primary_key=True)
    a = Column(Integer)
    double = column_property(a * 2)
    b = column_property(Column(Integer))

print(select(User))
print(select(Thing))
print(select(User.fullname, User.upper))
print(User.fullname.expression)
print(select(User).where(User.id == 1).order_by(User.upper))
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(firstname="a", lastname="b"))
    s.add(Thing(a=3, b=4))
    s.commit()
    print(s.query(User).all()[0].fullname)
    t = s.get(Thing, 1)
    print(t.double, t.b)
    print(s.scalars(select(User)).one().upper)
