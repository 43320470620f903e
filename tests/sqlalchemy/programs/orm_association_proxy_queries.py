# An association proxy compared in a query, as SQLAlchemy's column proxy builds it: EXISTS of a
# related row through the relationship (any() for a collection, has() for one object; == None
# also matches no related row); and str() quoting user, a reserved word for the default compiler.
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
class Base(DeclarativeBase):
    pass
user_keyword = Table("user_keyword", Base.metadata, Column("user_id", ForeignKey("user.id"), primary_key=True), Column("keyword_id", ForeignKey("keyword.id"), primary_key=True))
class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), default="u")
    kw = relationship("Keyword", secondary=user_keyword)
    keywords = association_proxy("kw", "keyword")
class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64))
    def __init__(self, keyword):
        self.keyword = keyword
class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    user = relationship(User)
    user_name = association_proxy("user", "name")
print(User.keywords, Order.user_name)
print(select(User.id).where(User.keywords == "x"))
print(select(User.id).where(User.keywords.like("x%")))
print(select(Order.id).where(Order.user_name == "ann"))
print(select(Order.id).where(Order.user_name != "ann"))
print(select(Order.id).where(Order.user_name == None))
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    u = User(name="ann")
    u.keywords.append("sql")
    s.add_all([u, Order(user=u), Order()])
    s.commit()
    print(s.scalars(select(User.name).where(User.keywords == "sql")).all(), s.scalars(select(Order.id).where(Order.user_name == "ann")).all(), s.scalars(select(Order.id).where(Order.user_name == None)).all())
