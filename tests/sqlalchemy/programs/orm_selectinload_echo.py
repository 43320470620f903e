# selectinload: the collections of every user a query returns, with one more SELECT.
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address({self.email_address!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="spongebob@sqlalchemy.org")]),
        User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="sandy@sqlalchemy.org"), Address(email_address="sandy@squirrelpower.org")]),
        User(name="patrick", fullname="Patrick Star"),
    ])
    session.commit()

with Session(engine) as session:
    stmt = select(User).options(selectinload(User.addresses)).order_by(User.name)
    for user in session.scalars(stmt):
        print(user.name, user.addresses)
    # Loaded already: the same query again loads nothing more for them.
    print(session.scalars(stmt).all())
    print(session.execute(select(User).where(User.id > 1).options(selectinload(User.addresses))).scalars().all())
    print(session.query(User).options(selectinload(User.addresses)).filter(User.name == "sandy").one().addresses)

with Session(engine) as session:
    # No user matches: no second SELECT.
    print(session.scalars(select(User).where(User.name == "nobody").options(selectinload(User.addresses))).all())
    users = session.scalars(select(User).where(User.id >= 2).options(selectinload(User.addresses))).all()
    print([len(u.addresses) for u in users], users[0].addresses[0].user is users[0])
