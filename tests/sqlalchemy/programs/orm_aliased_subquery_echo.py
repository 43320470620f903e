"""aliased() for a self-join (anonymous users_1, or name="m"), a subquery in FROM (anonymous and named, joined and selected from, .c), CTEs (WITH ... AS before the statement, its parameters first), and str() of them."""
from sqlalchemy import create_engine, String, select, ForeignKey, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, relationship, aliased

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="boss"), User(name="a", manager_id=1), User(name="b", manager_id=1)])
    s.commit()
engine.echo = True
with Session(engine) as s:
    boss = aliased(User)
    print(s.execute(select(User.name, boss.name).join(boss, User.manager_id == boss.id).order_by(User.name)).all())
    m = aliased(User, name="m")
    print(s.execute(select(User.name, m.name).outerjoin(m, User.manager_id == m.id).order_by(User.id)).all())
    print(s.scalars(select(boss).where(boss.name == "a")).one().name)
    sub = select(User.manager_id, func.count(User.id).label("n")).group_by(User.manager_id).subquery()
    print(s.execute(select(User.name, sub.c.n).join(sub, User.id == sub.c.manager_id)).all())
    cte = select(User.id).where(User.name != "boss").cte("workers")
    print(s.scalars(select(User.name).where(User.id.in_(select(cte.c.id)))).all())
