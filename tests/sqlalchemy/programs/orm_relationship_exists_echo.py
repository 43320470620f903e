# The 2.0 tutorial's relationship forms in a WHERE: any() / has() (EXISTS correlated to the
# statement), contains(), join(alias, User.addresses) to aliased targets, and a join with an
# explicit ON clause.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, func, and_, or_
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased

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

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    spongebob = User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="spongebob@sqlalchemy.org")])
    sandy = User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="sandy@sqlalchemy.org"), Address(email_address="sandy@squirrelpower.org")])
    patrick = User(name="patrick", fullname="Patrick Star")
    session.add_all([spongebob, sandy, patrick])
    session.commit()
    print(session.scalars(select(User).where(User.addresses.any(Address.email_address.like("%squirrel%")))).all())
    print(session.scalars(select(Address).where(Address.user.has(User.name == "sandy"))).all())
    print(session.execute(select(User.name, func.count(Address.id)).outerjoin(User.addresses).group_by(User.name).order_by(User.name)).all())
    print(session.execute(select(User, Address).join(User.addresses).order_by(Address.id)).all())
    print(session.scalars(select(User).where(~User.addresses.any())).all())
    print(session.scalars(select(User).join(Address, User.id == Address.user_id).where(Address.email_address == "sandy@sqlalchemy.org")).all())
    a1 = aliased(Address); a2 = aliased(Address)
    print(session.execute(select(User.name).join(a1, User.addresses).join(a2, User.addresses).where(a1.email_address == "sandy@sqlalchemy.org").where(a2.email_address == "sandy@squirrelpower.org")).all())
    print(session.scalars(select(User).where(User.addresses.contains(sandy.addresses[0]))).all())
