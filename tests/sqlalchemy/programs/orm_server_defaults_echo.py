"""Server defaults (server_default=func.now(), text("7")) come back with the key: INSERT ... RETURNING id, created, rank for one row or several; a value given leaves its column out of RETURNING, and no refresh SELECT follows."""
from datetime import datetime
from sqlalchemy import create_engine, String, func, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(30))
    created: Mapped[datetime] = mapped_column(server_default=func.now())
    rank: Mapped[int] = mapped_column(server_default=text("7"))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    n = Note(body="one")
    s.add(n)
    s.commit()
    print(n.rank)
    s.add_all([Note(body="two"), Note(body="three", rank=1)])
    s.flush()
    print([type(x.created).__name__ for x in s.scalars(select(Note)).all()])
    m = Note(body="four", rank=3)
    s.add(m)
    s.flush()
    print(m.rank, type(m.created).__name__)
