"""Deleting a parent whose relationship has no delete cascade: the flush loads its children and sets
their foreign key to NULL (an UPDATE), or fails with NOT NULL constraint failed when the column
cannot be NULL."""
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
class Base(DeclarativeBase):
    pass
class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")
    notes: Mapped[list["Note"]] = relationship()
class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User | None] = relationship(back_populates="addresses")
class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(addresses=[Address(), Address()]))
    s.add(User(notes=[Note()]))
    s.commit()
    engine.echo = True
    s.delete(s.get(User, 1))
    s.commit()
    print(s.execute(select(Address.id, Address.user_id)).all())
    s.delete(s.get(User, 2))
    try:
        s.commit()
    except Exception as e:
        print(type(e).__name__, e.orig)
