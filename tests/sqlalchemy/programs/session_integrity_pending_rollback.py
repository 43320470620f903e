# IntegrityError from a duplicate unique value; until rollback() the session refuses
# further work with PendingRollbackError, then it can be used again.
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


from sqlalchemy.exc import IntegrityError, PendingRollbackError

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(User(name="ned"))
session.commit()
session.add(User(name="ned"))
try:
    session.flush()
except IntegrityError as e:
    print(type(e).__name__)
    print(e)
try:
    session.scalars(select(User)).all()
except PendingRollbackError as e:
    print(type(e).__name__)
    print(e)
session.rollback()
print(session.scalars(select(User)).all())
session.close()
