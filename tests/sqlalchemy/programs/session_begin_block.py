# "with session.begin():" commits at the end of the block, or rolls back if the block
# raises; "with Session(engine) as session:" closes the session (echo=True).
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
    with session.begin():
        session.add(User(name="ivy"))
    print("block done")
    try:
        with session.begin():
            session.add(User(name="jack"))
            raise ValueError("changed my mind")
    except ValueError as e:
        print("ValueError:", e)
    print(session.scalars(select(User.name)).all())
