# rollback() undoes a pending add (the object is expunged) and an attribute change
# (the object is expired and reloads the committed value).
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


from sqlalchemy import inspect

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    gina = User(name="gina")
    session.add(gina)
    session.commit()
    gina.name = "georgina"
    hank = User(name="hank")
    session.add(hank)
    session.flush()
    print("flushed:", session.scalars(select(User.name).order_by(User.id)).all())
    session.rollback()
    print("gina.name:", gina.name)
    print("hank in session:", hank in session, "transient:", inspect(hank).transient)
    print("hank.id:", hank.id)
    print("rows:", session.scalars(select(User.name).order_by(User.id)).all())
