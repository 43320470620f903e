"""inspect(obj): the InstanceState's mapper, object, key, identity, dict and modified flag as an
object goes from transient to pending, persistent, changed, flushed and detached."""
from sqlalchemy import create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def show(label, state):
    flags = [f for f in ("transient", "pending", "persistent", "detached") if getattr(state, f)]
    print(label, flags, state.has_identity, state.key, state.identity, state.modified)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
empty = inspect(User())
print(empty.modified, empty.mapper, empty.class_)
user = User(name="ann")
state = inspect(user)
print(state.mapper is inspect(User), state.object is user, state.class_ is User)
show("new", state)
with Session(engine) as session:
    session.add(user)
    show("added", state)
    session.flush()
    show("flushed", state)
    session.commit()
    show("committed", state)
    print(sorted(k for k in state.dict if not k.startswith("_")))
    print(user.name)
    print(sorted(k for k in state.dict if not k.startswith("_")), state.dict["name"])
    user.name = "bob"
    show("changed", state)
    session.commit()
show("closed", state)
