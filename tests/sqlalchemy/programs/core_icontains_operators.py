"""icontains / istartswith / iendswith: both sides lowered (lower(users.name) LIKE '%' || lower(?) || '%'),
negated with ~; an ORM UPDATE cannot evaluate them in Python, so "evaluate" refuses and "auto" fetches."""
from sqlalchemy import Column, Integer, String, MetaData, Table, select
t = Table("users", MetaData(), Column("id", Integer, primary_key=True), Column("name", String))
for op in ["contains", "icontains", "startswith", "istartswith", "endswith", "iendswith"]:
    print(select(t.c.id).where(getattr(t.c.name, op)("B")))
print(select(t.c.id).where(~t.c.name.icontains("B")))
print(select(t.c.id).where(t.c.name.ilike("b%")))
print(select(t.c.id).where(t.c.name.icontains("B")).compile(compile_kwargs={"literal_binds": True}))
from sqlalchemy import create_engine, update, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session
class Base(DeclarativeBase):
    pass
class User(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="Bob"), User(name="ann")])
    s.commit()
    print(s.scalars(select(User.name).where(User.name.icontains("B"))).all())
    print(s.scalars(select(User.name).where(User.name.iendswith("N"))).all())
    try:
        s.execute(update(User).where(User.name.istartswith("b")).values(name="x").execution_options(synchronize_session="evaluate"))
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
    s.execute(update(User).where(User.name.istartswith("b")).values(name="x"))
    print(s.scalars(select(User.name).order_by(User.id)).all())
