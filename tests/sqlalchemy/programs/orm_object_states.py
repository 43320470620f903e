"""Object states through inspect() (transient, pending, persistent, detached, expired_attributes), the inspector, IntegrityError, merge, expunge, refresh and expire."""
from sqlalchemy import create_engine, select, String, ForeignKey, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.exc import IntegrityError, NoResultFound


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    posts: Mapped[list["Post"]] = relationship(back_populates="user")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(back_populates="posts")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
insp = inspect(engine)
print(insp.get_table_names(), [c["name"] for c in insp.get_columns("posts")])
print(insp.get_foreign_keys("posts"))
print(insp.get_unique_constraints("users"), insp.get_indexes("users"))
with Session(engine) as s:
    u = User(name="ann")
    s.add(u)
    print(inspect(u).pending, inspect(u).transient)
    s.flush()
    print(inspect(u).persistent, u.id)
    p = Post(body="hi", user=u)
    s.add(p)
    s.commit()
    print(sorted(inspect(u).expired_attributes))
    s.add(User(name="ann"))
    try:
        s.commit()
    except IntegrityError as e:
        print(e.orig, "|", e.statement)
        s.rollback()
    try:
        s.execute(select(User).where(User.name == "zed")).scalar_one()
    except NoResultFound as e:
        print(e)
    m = s.merge(User(id=1, name="ann2"))
    print(m is u, u.name, len(s.dirty))
    s.commit()
    s.expunge(u)
    print(inspect(u).detached)
    try:
        u.name
    except Exception as e:
        print(type(e).__name__, str(e).split(" (Background")[0].replace(hex(id(u)), "ADDR"))
    u2 = s.get(User, 1)
    print(u2 is u, u2.name, [p.body for p in u2.posts])
    s.refresh(u2)
    s.expire(u2, ["name"])
    print(u2.name)
    print(s.query(User).filter_by(name="ann2").count(), s.query(Post).join(Post.user).filter(User.name.like("ann%")).all()[0].body)

with Session(engine) as s:
    u = User(name="ann")
    s.add(u)
    s.commit()
    print(sorted(inspect(u).expired_attributes))
    u.name
    print(sorted(inspect(u).expired_attributes), sorted(inspect(u).unloaded))
    u.posts
    s.expire(u)
    print(sorted(inspect(u).expired_attributes))
    s.expire(u, ["posts"])
    print(sorted(inspect(u).expired_attributes))
