# A model whose column is missing from an existing table (the table was created earlier
# without it): the SELECT fails with "no such column", uncaught.
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine("sqlite:///shop.db")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE products (id INTEGER PRIMARY KEY, name VARCHAR)"))
    conn.execute(text("INSERT INTO products (name) VALUES ('lamp')"))


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    price: Mapped[int]


Base.metadata.create_all(engine)
with Session(engine) as session:
    print(session.scalars(select(Product)).all())
