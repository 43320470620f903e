# relationship(lazy="selectin"): a many-to-one loaded with one SELECT ... IN for every query (and get) of its class.
from typing import List, Optional
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship
class Base(DeclarativeBase): pass
class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")
    def __repr__(self): return f"User({self.name!r})"
class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional["User"]] = relationship(back_populates="addresses", lazy="selectin")
    def __repr__(self): return f"Address({self.email_address!r})"
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="a", addresses=[Address(email_address="a1"), Address(email_address="a2")]), User(name="b")]); s.commit()
with Session(engine) as s:
    print(s.scalars(select(Address)).all())
with Session(engine) as s:
    u = s.get(User, 1)
    print(s.scalars(select(Address)).all())
with Session(engine) as s:
    print(s.get(Address, 2).user)
