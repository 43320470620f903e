# session.execute(select(...)) returns Rows: their repr, .all(), tuples of entities,
# and single columns via .scalars().
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
with Session(engine) as session:
    session.add_all([User(name="quinn"), User(name="rosa"), User(name="sam")])
    session.commit()
    rows = session.execute(select(User.id, User.name).order_by(User.id)).all()
    print(rows)
    print(rows[0], type(rows[0]).__name__)
    print(rows[1].name, rows[1][0], rows[1]._mapping["name"])
    entity_rows = session.execute(select(User).where(User.id < 3)).all()
    print(entity_rows)
    user, = entity_rows[0]
    print(user.name)
    print(session.execute(select(User.name).order_by(User.name.desc())).scalars().all())
    print(session.execute(select(User.name).where(User.id == 9)).first())
