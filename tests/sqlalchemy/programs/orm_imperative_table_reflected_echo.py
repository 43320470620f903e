"""Declarative with an imperative table: __table__ = Table(...) in the class body, declared there or read from the database with autoload_with (the reflection pattern of SQLAlchemy's declarative docs); attributes named as the columns, relationships beside them; create_all makes only the table that is missing."""
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Session, relationship

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, fullname VARCHAR)"))
    conn.execute(text("INSERT INTO user_account (name, fullname) VALUES ('spongebob', 'Spongebob Squarepants'), ('sandy', 'Sandy Cheeks')"))


class Base(DeclarativeBase):
    pass


class User(Base):
    __table__ = Table("user_account", Base.metadata, autoload_with=engine)
    addresses = relationship("Address", back_populates="user")

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __table__ = Table(
        "address",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("email_address", String(50), nullable=False),
        Column("user_id", ForeignKey("user_account.id"), nullable=False),
    )
    user = relationship("User", back_populates="addresses")

    def __repr__(self):
        return f"Address(email_address={self.email_address!r})"


print(list(Base.metadata.tables), User.__table__ is Base.metadata.tables["user_account"])
print(repr(User.__table__.c.name.type), User.name.type, Address.user_id.type)
engine.echo = True
Base.metadata.create_all(engine)
with Session(engine) as session:
    sandy = session.scalars(select(User).where(User.name == "sandy")).one()
    print(sandy)
    sandy.addresses.append(Address(email_address="sandy@sqlalchemy.org"))
    session.add(User(name="patrick", fullname="Patrick Star"))
    session.commit()
    print(session.execute(select(User.name, Address.email_address).join(User.addresses)).all())
    print(session.scalars(select(User).order_by(User.id)).all())


class NoKey(Base):
    __table__ = Table("no_key", Base.metadata, Column("x", Integer))
