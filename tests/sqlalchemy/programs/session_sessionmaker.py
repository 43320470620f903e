# sessionmaker(bind=engine) as the seed uses it: a factory of configured Sessions, and
# its begin() shortcut that opens a session and a transaction together.
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


from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(bind=engine)
print(type(SessionLocal).__name__, SessionLocal.kw["bind"] is engine)
with SessionLocal() as session:
    session.add(User(name="kate"))
    session.commit()
with SessionLocal.begin() as session:
    session.add(User(name="leo"))
with SessionLocal() as session:
    print(type(session).__name__, session.bind is engine)
    print(session.scalars(select(User).order_by(User.name)).all())
