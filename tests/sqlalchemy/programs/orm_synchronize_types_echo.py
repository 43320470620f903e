# synchronize_session="evaluate" with the column types a model has: dates, Numeric (Decimal
# arithmetic keeps its places), enums, booleans and NULL, judged in Python as SQLAlchemy's
# evaluator judges them; == True written as the constant (items.ok = 1; str() says true).
import datetime, enum
from decimal import Decimal
from sqlalchemy import create_engine, String, select, update, delete, Numeric, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Kind(enum.Enum):
    A = "a"
    B = "b"

class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime.datetime]
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    kind: Mapped[Kind]
    ok: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str | None]

e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
with Session(e) as s:
    a = Item(at=datetime.datetime(2024, 1, 1), price=Decimal("1.10"), kind=Kind.A, note="x")
    b = Item(at=datetime.datetime(2024, 6, 1), price=Decimal("2.50"), kind=Kind.B)
    s.add_all([a, b])
    s.commit()
    s.execute(update(Item).where(Item.at < datetime.datetime(2024, 3, 1)).values(note="early"))
    print(a.note, b.note)
    s.execute(update(Item).where(Item.price > Decimal("2")).values(price=Item.price * 2))
    print(a.price, b.price)
    s.execute(update(Item).where(Item.kind == Kind.B).values(ok=False))
    print(a.ok, b.ok)
    s.execute(update(Item).where(Item.note == None).values(note="none"))
    print(a.note, b.note)
    s.execute(update(Item).where(Item.ok == True, Item.note.startswith("ea")).values(note=Item.note + "!"))
    print(a.note, b.note)
    s.execute(delete(Item).where(Item.id.in_([2])))
    print(b in s, a in s)
    s.commit()
    print(a.note, a.price)
from sqlalchemy import Column, Boolean, Integer, MetaData, Table
t = Table("t", MetaData(), Column("ok", Boolean), Column("n", Integer))
print(t.c.ok == True, "|", t.c.ok != False, "|", t.c.n == True, "|", t.c.ok.is_(True), "|", select(t).where(t.c.ok.is_not(False)))
