"""column_property() added to a mapped class after its class statement: selected after the columns, used in ORDER BY and WHERE."""
from typing import List
from sqlalchemy import ForeignKey, create_engine, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, column_property


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[List["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


User.address_count = column_property(select(func.count(Address.id)).where(Address.user_id == User.id).scalar_subquery())
print(select(User))
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ann", addresses=[Address(email="a@x"), Address(email="b@x")]))
    session.add(User(name="bob"))
    session.commit()
    for user in session.scalars(select(User).order_by(User.address_count.desc())):
        print(user.name, user.address_count)
    print(session.scalars(select(User.name).where(User.address_count > 1)).all())
