# joinedload: a many-to-one relationship loaded in the same SELECT, from an aliased join.
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship


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
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional["User"]] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address({self.email_address!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="spongebob@sqlalchemy.org")]),
        User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="sandy@sqlalchemy.org"), Address(email_address="sandy@squirrelpower.org")]),
        Address(email_address="nobody@example.org"),
    ])
    session.commit()

with Session(engine) as session:
    stmt = select(Address).options(joinedload(Address.user)).order_by(Address.id)
    for address in session.scalars(stmt):
        print(address.email_address, address.user)
    stmt = select(Address).options(joinedload(Address.user, innerjoin=True)).where(Address.email_address.like("sandy%"))
    print(session.scalars(stmt).all())
    print(session.query(Address).options(joinedload(Address.user)).filter(Address.id == 1).one().user)

with Session(engine) as session:
    found = session.scalars(select(Address).join(Address.user).where(User.name == "sandy").options(joinedload(Address.user))).all()
    print(found, [a.user.name for a in found])
