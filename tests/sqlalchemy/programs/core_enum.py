# Enum on SQLite: a VARCHAR as long as the longest value, no CHECK constraint; the values go in
# and come back as strings (echo=True shows the DDL and the bound values).
from sqlalchemy import Column, Enum, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine("sqlite://", echo=True)
metadata = MetaData()
posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("status", Enum("draft", "published", "archived", name="status"), nullable=False),
)
metadata.create_all(engine)
print(repr(posts.c.status.type))
with engine.begin() as conn:
    conn.execute(insert(posts), [{"status": "draft"}, {"status": "published"}])
    print(conn.execute(select(posts).where(posts.c.status == "published")).all())


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(Enum("todo", "done"))


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Task(state="todo"))
    session.commit()
    print(session.scalars(select(Task.state)).all())
