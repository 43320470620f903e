"""inspect(User).attrs / column_attrs / relationships: the mapper's properties, in SQLAlchemy's
order, and the to_dict() idiom built on them."""
from sqlalchemy import ForeignKey, String, create_engine, inspect
from sqlalchemy.orm import (ColumnProperty, DeclarativeBase, Mapped, RelationshipDirection, RelationshipProperty,
                            Session, column_property, mapped_column, relationship)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user", cascade="all, delete-orphan")
    shout = column_property(name + "!")

    def to_dict(self):
        return {c.key: getattr(self, c.key) for c in inspect(self).mapper.column_attrs}


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


m = inspect(User)
attrs = m.attrs
print(type(attrs).__module__, type(attrs).__name__)
print(attrs.keys())
print([type(p).__name__ for p in attrs])
print(list(attrs.values()) == list(attrs), len(attrs), "name" in attrs, "nope" in attrs)
print([key for key, _ in attrs.items()])
print([p.key for p in m.column_attrs], [r.key for r in m.relationships])
print([p.key for p in m.iterate_properties])

r = m.relationships.addresses
print(str(r), r.key, r.uselist, r.back_populates, r.lazy)
print(r.direction, r.direction.name, r.direction is RelationshipDirection.ONETOMANY)
print(r.mapper, r.entity, r.parent, r.target, r.secondary)
print(r.class_attribute, r.cascade, r.cascade.delete_orphan, "merge" in r.cascade)
print(isinstance(r, RelationshipProperty), isinstance(r, ColumnProperty))
back = inspect(Address).relationships["user"]
print(back.direction, back.uselist, back.mapper.class_.__name__, back.cascade)

c = m.column_attrs.name
print(str(c), c.key, c.columns, c.expression, c.class_attribute, c.parent)
print(type(c).__module__, isinstance(c, ColumnProperty))
print(m.column_attrs["id"].columns[0].primary_key)
print(m.column_attrs.shout.expression)
print(m.get_property("name"), m.attrs.get("nope"), m.attrs.get("nope", 0))

try:
    m.attrs.nope
except AttributeError as error:
    print("AttributeError:", error)
try:
    m.attrs["nope"]
except KeyError as error:
    print("KeyError:", error)
try:
    m.get_property("nope")
except Exception as error:
    print(type(error).__name__, error)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ann"))
    session.commit()
    user = session.get(User, 1)
    print(user.to_dict())
