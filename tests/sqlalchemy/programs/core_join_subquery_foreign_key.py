"""join() / join_from() to a subquery, a CTE or an aliased() class with no ON clause: SQLAlchemy
follows the foreign key between a table present and a table column the target stands for; with
none to follow it does not know how to join."""
from sqlalchemy import ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, aliased

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))

subq = select(func.count(Address.id).label("count"), Address.user_id).group_by(Address.user_id).subquery()
print(select(User.name, subq.c.count).join_from(User, subq))
print(select(User.name, subq.c.count).join(subq))
usub = select(User.id, User.name).where(User.name != "x").subquery()
print(select(Address.email_address, usub.c.name).join(usub))
a = aliased(Address)
print(select(User.name, a.email_address).join(a))
ua = aliased(User, name="u2")
print(select(Address.email_address).join(ua))
cte = select(Address.user_id).cte()
print(select(User.name).join(cte))
nofk = select(User.name).subquery()
try:
    print(select(Address.id).join(nofk))
except Exception as e:
    print(type(e).__name__, e)
class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
t = aliased(Tag)
try:
    print(select(Address.id).join(t))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(select(Address.id).join(select(Tag.id).cte()))
except Exception as e:
    print(type(e).__name__, e)
