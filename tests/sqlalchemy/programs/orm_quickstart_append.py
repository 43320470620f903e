# ORM Quick Start, step 6: appending a new Address to a user's collection loads the
# collection lazily and the commit INSERTs the new row (echo=True).
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"


def add_people(session):
    spongebob = User(name="spongebob", fullname="Spongebob Squarepants",
                     addresses=[Address(email_address="spongebob@sqlalchemy.org")])
    sandy = User(name="sandy", fullname="Sandy Cheeks",
                 addresses=[Address(email_address="sandy@sqlalchemy.org"),
                            Address(email_address="sandy@squirrelpower.org")])
    patrick = User(name="patrick", fullname="Patrick Star")
    session.add_all([spongebob, sandy, patrick])
    session.commit()


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    add_people(session)
    engine.echo = True
    patrick = session.scalars(select(User).where(User.name == "patrick")).one()
    patrick.addresses.append(Address(email_address="patrickstar@sqlalchemy.org"))
    print(patrick.addresses[0].user is patrick)
    session.commit()
    engine.echo = False
    print(patrick.addresses)
