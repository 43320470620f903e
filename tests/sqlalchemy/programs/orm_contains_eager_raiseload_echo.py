"""Loader strategies of the unified tutorial: contains_eager reads related objects from the statement's own join (their columns first in the SELECT; a collection filtered by the WHERE, with unique()); raiseload makes reading an unloaded relationship an error (sql_only only when SQL would run; "*" for every relationship); an object keeps the options of the query that first loaded it; relationship(lazy="raise") and lazy="raise_on_sql", overridden per query by lazyload and selectinload."""
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, contains_eager, lazyload, mapped_column, raiseload, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    items: Mapped[List["Item"]] = relationship(lazy="raise", back_populates="order")


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    order: Mapped[Order] = relationship(lazy="raise_on_sql", back_populates="items")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="spongebob@sqlalchemy.org")]),
        User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="sandy@sqlalchemy.org"), Address(email_address="sandy@squirrelpower.org")]),
        User(name="patrick", fullname="Patrick Star"),
        Order(items=[Item(), Item()]),
    ])
    session.commit()

engine.echo = True
with Session(engine) as session:
    stmt = select(Address).join(Address.user).where(User.name == "sandy").options(contains_eager(Address.user)).order_by(Address.id)
    for row in session.execute(stmt):
        print(f"{row.Address.email_address} {row.Address.user.name}")
    print(stmt)

with Session(engine) as session:
    stmt = select(User).join(User.addresses).where(Address.email_address.like("%sqlalchemy%")).options(contains_eager(User.addresses)).order_by(User.id)
    for user in session.scalars(stmt).unique():
        print(user.name, user.addresses)
    try:
        session.scalars(stmt).all()
    except InvalidRequestError as err:
        print("InvalidRequestError:", err)

with Session(engine) as session:
    user = session.scalars(select(User).options(raiseload(User.addresses)).order_by(User.id)).first()
    try:
        user.addresses
    except InvalidRequestError as err:
        print("InvalidRequestError:", err)
    address = session.scalars(select(Address).options(raiseload("*")).order_by(Address.id)).first()
    try:
        address.user
    except InvalidRequestError as err:
        print("InvalidRequestError:", err)
    second = session.scalars(select(Address).options(raiseload(Address.user, sql_only=True)).where(Address.id == 2)).one()
    try:
        second.user
    except InvalidRequestError as err:
        print("InvalidRequestError:", err)
    same = session.scalars(select(User).options(lazyload(User.addresses)).order_by(User.id)).first()
    try:
        same.addresses
    except InvalidRequestError as err:
        print("still raises:", err)

with Session(engine) as session:
    order = session.scalars(select(Order)).one()
    try:
        order.items
    except InvalidRequestError as err:
        print("InvalidRequestError:", err)
    item = session.scalars(select(Item).order_by(Item.id)).first()
    print(item.order is order)
    session.expunge(order)
    try:
        item.order
    except InvalidRequestError as err:
        print("InvalidRequestError:", err)

with Session(engine) as session:
    order = session.scalars(select(Order).options(lazyload(Order.items))).one()
    print(len(order.items))
with Session(engine) as session:
    order = session.scalars(select(Order).options(selectinload(Order.items))).one()
    print([item.id for item in order.items])
