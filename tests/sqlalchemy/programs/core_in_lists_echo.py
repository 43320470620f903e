# IN lists: one statement to the cache whatever their length; an empty one is SQLite's empty set.
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(9))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Item(name=n) for n in ["pen", "ink", "cup"]])
    session.commit()
    print(session.scalars(select(Item.name).where(Item.id.in_([1, 2]))).all())
    print(session.scalars(select(Item.name).where(Item.id.in_([1, 2, 3]))).all())
    print(session.scalars(select(Item.name).where(Item.name.not_in(["pen"]))).all())
with engine.connect() as conn:
    items = Item.__table__
    print(conn.execute(select(items.c.name).where(items.c.id.not_in([]))).all())
    print(conn.execute(select(items.c.id).where(items.c.name.in_([]))).all())
