# expire_on_commit (the default): after commit() every loaded attribute is expired,
# so the next read emits a fresh SELECT in a new transaction (echo=True).
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
    user = User(name="dave")
    session.add(user)
    session.commit()
    print("committed; reading user.name now")
    print(user.name)
    print("reading it again")
    print(user.name)
