# A detached, expired object: after commit() and close(), reading an attribute raises
# DetachedInstanceError; the address in the message is normalized by the tests.
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


from sqlalchemy.orm.exc import DetachedInstanceError

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
user = User(name="mia")
session.add(user)
session.commit()
session.close()
try:
    print(user.name)
except DetachedInstanceError as e:
    print(type(e).__name__)
    print(e)
with Session(engine) as session:
    session.add(user)
    print("re-attached:", user.name)
