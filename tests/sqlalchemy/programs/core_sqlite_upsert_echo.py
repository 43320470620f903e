from sqlalchemy import create_engine, String, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Stock(Base):
    __tablename__ = "stock"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(20), unique=True)
    qty: Mapped[int] = mapped_column(default=0)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.execute(insert(Stock).values(sku="a", qty=1))
    stmt = insert(Stock).values(sku="a", qty=5)
    stmt = stmt.on_conflict_do_update(index_elements=[Stock.sku], set_={"qty": Stock.qty + stmt.excluded.qty})
    print(stmt)
    s.execute(stmt)
    s.execute(insert(Stock).values(sku="a", qty=9).on_conflict_do_nothing())
    s.execute(insert(Stock).values(sku="b", qty=9).on_conflict_do_nothing(index_elements=["sku"]))
    stmt = insert(Stock)
    s.execute(stmt.on_conflict_do_update(index_elements=["sku"], set_=dict(qty=stmt.excluded.qty)), [{"sku": "b", "qty": 2}, {"sku": "c", "qty": 3}])
    stmt = insert(Stock).values(sku="c", qty=100)
    s.execute(stmt.on_conflict_do_update(index_elements=[Stock.sku], set_={"qty": stmt.excluded.qty}, where=Stock.qty < 50))
    print(s.execute(select(Stock.sku, Stock.qty).order_by(Stock.sku)).all())
    row = s.execute(insert(Stock).values(sku="d", qty=1).on_conflict_do_nothing().returning(Stock.id, Stock.qty)).all()
    print(row)
    s.commit()
from sqlalchemy.dialects import sqlite
print(sqlite.insert is insert)
