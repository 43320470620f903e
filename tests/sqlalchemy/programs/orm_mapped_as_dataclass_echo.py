"""Declarative dataclass mapping: MappedAsDataclass makes each mapped class a dataclass."""
import dataclasses
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, Session, mapped_column, relationship


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]] = mapped_column(default=None)
    addresses: Mapped[List["Address"]] = relationship(default_factory=list, back_populates="user", repr=False)


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), init=False)
    user: Mapped[Optional[User]] = relationship(default=None, back_populates="addresses")


class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True, default=None)
    name: Mapped[str] = mapped_column(default="thing")
    qty: Mapped[int] = mapped_column(default=7)
    note: Mapped[Optional[str]] = mapped_column(default=None, repr=False)
    code: Mapped[str] = mapped_column(insert_default="zz", init=False)
    tags: Mapped[str] = mapped_column(default_factory=lambda: "t", compare=False)


print(User("spongebob"))
sandy = User(name="sandy", fullname="Sandy Cheeks")
print(sandy, sandy == User("sandy", "Sandy Cheeks"), sandy == User("sandy"))
sandy.addresses.append(Address("sandy@sqlalchemy.org"))
print(sandy.addresses)
print(Item(), Item(None, "a", 2) == Item(name="a", qty=2, tags="other"), Item(name="a") == Item(name="b"))
print(repr(Item.__table__.c.qty.default), repr(Item.__table__.c.code.default), repr(Item.__table__.c.note.default))
print([f.name for f in dataclasses.fields(User)], dataclasses.is_dataclass(User), dataclasses.is_dataclass(sandy))
print([(f.name, f.init, f.repr, f.compare) for f in dataclasses.fields(Item)])

for make in (lambda: User(), lambda: User("a", "b", [], 4), lambda: User(id=5, name="x"), lambda: hash(sandy)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(sandy)
    session.add(User("patrick", addresses=[Address("patrick@sqlalchemy.org")]))
    session.add_all([Item(name="box"), Item(name="bag", qty=3, note="soft", tags="x")])
    session.commit()
    print(sandy)
    print(session.scalars(select(Address).order_by(Address.id)).all())
    print(session.scalars(select(Item)).all())
    print(dataclasses.asdict(session.get(Item, 2)))
    patrick = session.scalars(select(User).where(User.name == "patrick")).one()
    print(patrick.addresses, patrick == User("patrick"))
with engine.begin() as conn:
    conn.execute(insert(Item).values(name="core", tags="c"))
    print(conn.execute(select(Item.__table__)).all())


class Bad(Base):
    __tablename__ = "bad"

    id: Mapped[int] = mapped_column(primary_key=True, default=None)
    name: Mapped[str]
