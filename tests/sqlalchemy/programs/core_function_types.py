# What func.* gives back, as SQLAlchemy types it: max / min / sum / coalesce take their argument's type
# (a Numeric column's sum is a Decimal, a Date's min a date, a Boolean's max a bool), now() is a
# datetime, count() an integer (so count() / 2 is a Decimal); avg(), lower(), round() and the
# other unregistered functions give what SQLite gives.
import datetime
from decimal import Decimal
from sqlalchemy import create_engine, select, func, Numeric, String, Date, DateTime, Boolean, case, literal, cast, Integer, Float, true, null, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    qty: Mapped[int]
    weight: Mapped[float]
    made: Mapped[datetime.date] = mapped_column(Date)
    at: Mapped[datetime.datetime]
    ok: Mapped[bool]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Item(name="a", price=Decimal("1.50"), qty=2, weight=1.5, made=datetime.date(2024, 1, 2), at=datetime.datetime(2024, 1, 2, 3, 4, 5), ok=True),
               Item(name="b", price=Decimal("2.25"), qty=3, weight=2.0, made=datetime.date(2024, 3, 4), at=datetime.datetime(2024, 5, 6, 7, 8, 9), ok=False)])
    s.commit()
    print(s.execute(select(func.sum(Item.price), func.avg(Item.price), func.max(Item.price), func.min(Item.made), func.max(Item.at))).one())
    print(s.execute(select(func.sum(Item.qty), func.avg(Item.qty), func.total(Item.qty), func.count(Item.id), func.sum(Item.weight))).one())
    print(s.execute(select(func.max(Item.ok), func.coalesce(Item.name, "x"), func.lower(Item.name), func.length(Item.name), func.abs(Item.qty - 5))).first())
    print(s.execute(select(func.round(Item.weight, 1), func.upper(Item.name).label("u"), func.date(Item.at), func.strftime("%Y", Item.at))).first())
    print(s.execute(select(case((Item.qty > 2, "many"), else_="few"), literal(5), cast(Item.qty, String), cast("3", Integer), Item.qty * Item.price)).all())
    print(s.execute(select(func.sum(Item.price * Item.qty), func.count(), func.max(Item.qty) + 1, Item.ok == True)).all())
    print(s.execute(select(func.group_concat(Item.name), func.count(Item.id.distinct()), func.count() / 2, func.MAX(Item.made))).one())
    print(type(s.scalar(select(func.now()))).__name__, type(s.scalar(select(func.current_date()))).__name__)
    print(s.execute(select(Item.name, func.max(Item.at).over(partition_by=Item.ok))).all())
    print(s.scalars(select(Item.made).where(Item.made > datetime.date(2024, 2, 1))).all())
    print(s.scalars(select(Item.at).where(Item.at.between(datetime.datetime(2024, 1, 1), datetime.datetime(2024, 2, 1)))).all())
