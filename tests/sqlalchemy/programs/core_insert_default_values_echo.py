"""Rows of no values: one INSERT is DEFAULT VALUES, several name the first column with NULL (ORM batches, Core executemany and insertmanyvalues)."""
from sqlalchemy import create_engine, insert, Table, Column, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

class Base(DeclarativeBase):
    pass

class U(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(U()); s.flush()
    s.add_all([U(), U()]); s.flush()
    s.execute(insert(U), [{}, {}])
    s.execute(insert(U.__table__))
    print(s.execute(insert(U).returning(U.id), [{}, {}]).all())
