# joinedload of a collection: the parent's rows repeat, so the result must be made unique().
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional["User"]] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address({self.email_address!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="sandy", addresses=[Address(email_address="s1"), Address(email_address="s2")]),
                     User(name="patrick"), User(name="squidward", addresses=[Address(email_address="q1")])])
    session.commit()

with Session(engine) as session:
    stmt = select(User).options(joinedload(User.addresses)).order_by(User.id)
    users = session.scalars(stmt).unique().all()
    print(users, [u.addresses for u in users])
    print(session.execute(stmt).unique().scalars().all())
    try:
        session.scalars(stmt).all()
    except Exception as error:
        print(type(error).__name__, error)
    for user in session.execute(stmt.where(User.name != "patrick")).unique().scalars():
        print(user.name, len(user.addresses))

with Session(engine) as session:
    # unique() on a plain query keeps each distinct row once.
    print(session.scalars(select(User).join(User.addresses).order_by(User.id)).all())
    print(session.scalars(select(User).join(User.addresses).order_by(User.id)).unique().all())
    print(session.execute(select(Address.user_id).order_by(Address.user_id)).unique().all())
