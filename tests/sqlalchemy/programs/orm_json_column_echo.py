"""A JSON column in the ORM: a value goes as its json.dumps() text, None explicitly set as JSON
null ('null'), an attribute left unset is not in the INSERT; rows come back as Python values; an
in-place change is not seen, an assignment is."""
from typing import Optional, Any
from sqlalchemy import create_engine, select, JSON, Table, Column, Integer, MetaData, insert, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Doc(Base):
    __tablename__ = "docs"
    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    extra: Mapped[Optional[Any]] = mapped_column(JSON)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Doc(data={"a": [1, 2.5, None, True], "b": "é"}), Doc(), Doc(data={"x": 1}, extra=None), Doc(data={}, extra=[1, "two"])])
    s.commit()
    for d in s.scalars(select(Doc)):
        print(d.id, d.data, d.extra)
    print(s.execute(text("SELECT data, extra, typeof(extra) FROM docs")).all())
    d = s.get(Doc, 1)
    d.data["a"].append(3)
    print(s.dirty)
    d.data = {**d.data, "c": 3}
    s.commit()
    print(s.execute(select(Doc.data).where(Doc.id == 1)).scalar_one())
