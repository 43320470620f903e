# MetaData + Table with many column types and constraints; metadata.create_all with echo=True
# shows the exact CREATE TABLE and CREATE INDEX text SQLAlchemy emits for SQLite.
from sqlalchemy import (Boolean, CheckConstraint, Column, Date, DateTime, Float, ForeignKey, Index,
                        Integer, MetaData, Numeric, String, Table, Text, UniqueConstraint,
                        create_engine)

metadata = MetaData()
customers = Table(
    "customers", metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(50), nullable=False),
    Column("name", String(50)),
    Column("active", Boolean, default=True),
    Column("born", Date),
    UniqueConstraint("email", name="uq_customer_email"),
)
orders = Table(
    "orders", metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("total", Numeric(10, 2), nullable=False),
    Column("weight", Float),
    Column("placed_at", DateTime),
    Column("comment", Text),
    CheckConstraint("total >= 0", name="ck_total_positive"),
)
Index("ix_orders_placed_at", orders.c.placed_at)
engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
print(list(metadata.tables))
print(metadata.sorted_tables)
