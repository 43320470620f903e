# Querying before Base.metadata.create_all(): SQLite says "no such table", wrapped in
# OperationalError with the SQL and parameters; after create_all the same query works.
from sqlalchemy import create_engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]


engine = create_engine("sqlite:///tasks.db")
with Session(engine) as session:
    try:
        session.scalars(select(Task).where(Task.title == "x")).all()
    except OperationalError as e:
        print(type(e).__name__)
        print(e)
        print("orig:", type(e.orig).__name__, e.orig)
        print("statement:", e.statement)
        print("params:", e.params)
Base.metadata.create_all(engine)
with Session(engine) as session:
    print(session.scalars(select(Task)).all())
