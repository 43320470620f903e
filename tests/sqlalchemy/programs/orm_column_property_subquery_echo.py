"""column_property() of a correlated scalar subquery (the related rows counted), with correlate_except()."""
from typing import List
from sqlalchemy import ForeignKey, String, create_engine, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, column_property, aliased


class Base(DeclarativeBase):
    pass


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    firstname: Mapped[str] = mapped_column(String(50))
    lastname: Mapped[str] = mapped_column(String(50))
    fullname: Mapped[str] = column_property(firstname + " " + lastname)
    address_count: Mapped[int] = column_property(
        select(func.count(Address.id)).where(Address.user_id == id).correlate_except(Address).scalar_subquery()
    )
    addresses: Mapped[List[Address]] = relationship()


print(User.fullname)
print(repr(User.fullname))
print(select(User))
print(select(User.address_count).where(User.id > 1))
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(firstname="sandy", lastname="cheeks")
    print(u.fullname)
    session.add(u)
    session.flush()
    print(u.fullname)
    u.addresses.append(Address(email="s@x"))
    session.commit()
    print(u.fullname, u.address_count)
    u.lastname = "squirrel"
    session.flush()
    print(u.fullname)
    session.expire(u)
    print(u.fullname)
    print(session.scalars(select(User).order_by(User.fullname)).all()[0].fullname)
    try:
        u.fullname = "x"
        session.flush()
        print(u.fullname)
    except Exception as e:
        print(type(e).__name__, e)
