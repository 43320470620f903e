# Column defaults and onupdate= as SQLAlchemy applies them: a SQL expression (func.now()) written
# into the INSERT and fetched back with RETURNING, into the UPDATE and expired (read again when
# used); a callable called for each row; a plain value. The flush's UPDATE sets every onupdate
# column the object did not set itself; Core's update() and insert() do the same, and str() shows
# a parameter for the callable instead of calling it.
import datetime

from sqlalchemy import String, func, insert, select, update
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


calls = []


def next_version():
    calls.append(len(calls))
    return len(calls) * 10


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    price: Mapped[int]
    version: Mapped[int] = mapped_column(default=0, onupdate=next_version)
    touched: Mapped[int] = mapped_column(default=1, onupdate=5)
    stamp: Mapped[datetime.datetime | None] = mapped_column(default=func.now(), onupdate=func.now())
    note: Mapped[str | None] = mapped_column(String(20), onupdate=lambda: "changed")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    i = Item(price=3)
    s.add(i)
    s.commit()
    print(i.version, i.touched, i.note, type(i.stamp).__name__)
    i.price = 5
    s.flush()
    print(i.version, i.touched, i.note)
    print(type(i.stamp).__name__)
    i.version = 99
    s.commit()
    print(i.version, i.touched, i.note, calls)
    s.execute(update(Item).where(Item.id == 1).values(price=8))
    print(s.scalar(select(Item.version)), calls)
    s.commit()
t = Item.__table__
print(t.update().values(price=1))
print(t.insert().values(price=1))
print(update(t).where(t.c.id == 2).values(note="y"))
print(func.now(), calls)
with engine.begin() as conn:
    conn.execute(t.update().values(price=9))
    conn.execute(update(t).where(t.c.id == 1).values(note="x", version=1))
    conn.execute(insert(t).values(price=2))
    print(conn.execute(select(t.c.id, t.c.version, t.c.touched, t.c.note, t.c.stamp != None)).all(), calls)
