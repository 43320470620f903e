# Transient objects: the !r __repr__ before any flush shows None ids, and back_populates
# keeps both sides of the relationship in step in Python, before the database is involved.
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


squidward = User(name="squidward")
print(squidward)
print(repr(squidward.addresses))
address = Address(email_address="squidward@sqlalchemy.org")
print(address, address.user)
address.user = squidward
print(squidward.addresses)
print(address.user)
squidward.addresses.append(Address(email_address="sq@krusty.krab"))
print(len(squidward.addresses), squidward.addresses[1].user.name)
squidward.addresses.remove(address)
print(address.user)
