# Autoflush: a pending add() is flushed (INSERT) before the next query runs, so the
# query sees the new row even though nothing was committed (echo=True shows the order).
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)

    def __repr__(self):
        return f"<User {self.id} {self.name}>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
with Session(engine) as session:
    session.add(User(name="carol"))
    print("pending:", len(session.new))
    names = session.scalars(select(User.name)).all()
    print("query saw:", names)
    print("pending after query:", len(session.new))
    session.rollback()
    print("after rollback:", session.scalars(select(User.name)).all())
