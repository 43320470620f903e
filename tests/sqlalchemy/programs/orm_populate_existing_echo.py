"""populate_existing: a SELECT whose rows overwrite the objects the session already holds."""
from typing import List

from sqlalchemy import ForeignKey, String, create_engine, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="spongebob", addresses=[Address(email="sb@x.org")]), User(name="sandy")])
    session.commit()
    u = session.get(User, 1)
    print([a.email for a in u.addresses])
    session.execute(update(User).where(User.id == 1).values(name="changed").execution_options(synchronize_session=False))
    print(u.name)
    print(session.scalars(select(User).where(User.id == 1)).one().name)
    stmt = select(User).execution_options(populate_existing=True)
    users = session.scalars(stmt).all()
    print(u.name, len(users))
    print("addresses" in u.__dict__)
    print([a.email for a in u.addresses])
    u.name = "local"
    print(session.dirty)
    again = select(User).where(User.id == 1).execution_options(populate_existing=True, autoflush=False)
    print(session.scalars(again).one().name, session.dirty, session.is_modified(u))
    u.name = "local"
    print(session.scalars(select(User).where(User.id == 1), execution_options={"populate_existing": True}).one().name)
    print(session.query(User).populate_existing().filter_by(id=2).one().name)
    print(session.get(User, 2, populate_existing=True).name)
    print(session.query(User).execution_options(populate_existing=True).filter_by(id=1).one().name)
