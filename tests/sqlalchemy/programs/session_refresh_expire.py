# session.expire() marks attributes stale and session.refresh() reloads them at once;
# both pick up a change made behind the ORM's back with raw SQL (echo=True).
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


from sqlalchemy import inspect, text, update

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    user = User(name="frank")
    session.add(user)
    session.commit()
    print(user.name)
    session.execute(update(User).where(User.id == 1).values(name="francis"))
    print("ORM update synchronized it:", user.name)
    engine.echo = True
    session.commit()
    print("reloaded after commit:", user.name)
    session.execute(text("UPDATE users SET name = 'franz' WHERE id = 1"))
    print("raw SQL update, still cached:", user.name)
    session.expire(user)
    print("expired:", sorted(inspect(user).expired_attributes))
    print("after expire:", user.name)
    session.execute(text("UPDATE users SET name = 'fran' WHERE id = 1"))
    session.refresh(user)
    print("after refresh:", user.name)
