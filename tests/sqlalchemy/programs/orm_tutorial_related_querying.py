"""The unified tutorial's ORM chapters end to end: bulk INSERT and UPDATE by primary key,
selectinload / joinedload / contains_eager, with_parent, join(User.addresses.and_(...)), of_type()
aliases, merge, any() / has(); Address maps an unannotated user_id after an annotation-only
email_address, in SQLAlchemy's order."""
from typing import List, Optional
from sqlalchemy import ForeignKey, String, create_engine, select, func, insert, update, delete
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload, joinedload, contains_eager, aliased, with_parent

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")
    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")
    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"

engine = create_engine("sqlite+pysqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.execute(insert(User), [{"name": "spongebob", "fullname": "Spongebob Squarepants"}, {"name": "sandy", "fullname": "Sandy Cheeks"}, {"name": "patrick", "fullname": "Patrick Star"}])
    session.execute(insert(Address), [{"user_id": 1, "email_address": "spongebob@sqlalchemy.org"}, {"user_id": 2, "email_address": "sandy@sqlalchemy.org"}, {"user_id": 2, "email_address": "sandy@squirrelpower.org"}])
    session.commit()
    for user_obj in session.scalars(select(User).options(selectinload(User.addresses)).order_by(User.id)):
        print(user_obj.name, [a.email_address for a in user_obj.addresses])
    session.expunge_all()
    for row in session.execute(select(Address).options(joinedload(Address.user, innerjoin=True)).order_by(Address.id)):
        print(row.Address.email_address, row.Address.user.name)
    stmt = select(Address).join(Address.user).where(User.name == "sandy").options(contains_eager(Address.user)).order_by(Address.id)
    for row in session.execute(stmt):
        print(row.Address.email_address, row.Address.user.name)
    sandy = session.scalars(select(User).filter_by(name="sandy")).one()
    print(session.scalars(select(Address).where(with_parent(sandy, User.addresses))).all())
    print(session.execute(select(User.fullname).join(User.addresses.and_(Address.email_address == "sandy@squirrelpower.org"))).all())
    address_alias_1 = aliased(Address)
    address_alias_2 = aliased(Address)
    print(session.execute(select(User).join(User.addresses.of_type(address_alias_1)).where(address_alias_1.email_address == "sandy@sqlalchemy.org").join(User.addresses.of_type(address_alias_2)).where(address_alias_2.email_address == "sandy@squirrelpower.org")).scalars().all())
    session.execute(update(User), [{"id": 1, "fullname": "Spongebob Squarepants"}, {"id": 3, "fullname": "Patrick Star"}])
    session.execute(update(User).where(User.name == "sandy").values(fullname="Sandy Squirrel Extraordinaire"))
    print(sandy.fullname)
    session.execute(delete(User).where(User.name == "patrick"))
    session.commit()
    print(session.scalars(select(User.name)).all())
    sq = session.get(User, 1)
    session.expunge(sq)
    print(sq in session)
    sq = session.merge(sq)
    print(sq in session, sq.name)
    u = User(name="ghost")
    session.add(u)
    session.flush()
    session.rollback()
    print(u in session)
    print(session.scalars(select(User).where(User.addresses.any())).all())
    print(session.scalars(select(Address).where(Address.user.has(User.name == "sandy"))).all())
    print(session.query(User).join(User.addresses).filter(Address.email_address.like("%sqlalchemy%")).count())
    print(session.execute(select(User.name, Address.email_address).outerjoin(User.addresses).order_by(User.name, Address.email_address)).all())
    from sqlalchemy import or_
    print(session.execute(select(User.name, Address.email_address).outerjoin(User.addresses.and_(or_(Address.email_address.like("spongebob%"), Address.id > 2))).order_by(User.id)).all())
    print(select(User.id).join(User.addresses.and_(Address.id > 1, Address.email_address != "x")))
