# How Mapped[...] annotations become columns: Optional means NULL allowed, a plain type means
# NOT NULL, and mapped_column(default=...) fills a value in at INSERT time (echo=True DDL).
import datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import Numeric, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    in_stock: Mapped[bool] = mapped_column(default=True)
    added: Mapped[datetime.date]
    note: Mapped[Optional[str]]
    weight: Mapped[Optional[float]]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Product(name="kettle", price=Decimal("19.99"), added=datetime.date(2024, 3, 1)))
    session.commit()
    product = session.get(Product, 1)
    print(product.name, product.price, product.in_stock, product.added, product.note, product.weight)
    print(type(product.price).__name__, type(product.added).__name__)
for column in Product.__table__.columns:
    print(column.name, column.type, column.nullable)
