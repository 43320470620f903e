# The identity map: within one Session, session.get() and select() for the same row
# return the very same Python object; a second get() does not even hit the database (echo=True).
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


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ann"), User(name="bob")])
    session.commit()
    first = session.get(User, 1)
    again = session.get(User, 1)
    print("get twice, same object:", first is again)
    selected = session.scalars(select(User).where(User.name == "ann")).one()
    print("select gives it too:", selected is first)
    print("in identity map:", first in session)
with Session(engine) as other:
    print("other session, other object:", other.get(User, 1) is first)
