# Session(expire_on_commit=False): attributes keep their values after commit, so they can
# be read without a SELECT and even after the session is closed (echo=True).
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
with Session(engine, expire_on_commit=False) as session:
    user = User(name="erin")
    session.add(user)
    session.commit()
    print("after commit:", user.id, user.name)
print("after close:", user)
