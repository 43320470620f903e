"""The legacy Query beyond the seed: offset/limit, func.count, join with group_by/having, or_/and_,
distinct, joinedload with one(), one_or_none, with_entities, Query.update/delete, exists(); and a
flush whose objects give different columns (a Python-side default filled for one) inserting one by one."""
from sqlalchemy import create_engine, ForeignKey, String, func, desc, and_, or_
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker, joinedload

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    age: Mapped[int] = mapped_column(default=20)
    posts: Mapped[list["Post"]] = relationship(back_populates="author")

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User] = relationship(back_populates="posts")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
db = Session()
db.add_all([User(name="ann", age=30, posts=[Post(title="a"), Post(title="b")]), User(name="bob"), User(name="cy", age=40)])
db.commit()
print(db.query(User).filter(User.age > 25).order_by(desc(User.age)).all())
print(db.query(User).offset(1).limit(1).all())
print(db.query(func.count(User.id)).scalar())
print(db.query(User.name, func.count(Post.id)).join(Post).group_by(User.name).having(func.count(Post.id) > 1).all())
print(db.query(User).filter(or_(User.name == "bob", and_(User.age > 35, User.name.like("c%")))).count())
print(db.query(User.name).distinct().order_by(User.name).all())
print(db.query(User).options(joinedload(User.posts)).filter(User.name == "ann").one().posts)
print(db.query(User).filter_by(name="zed").one_or_none())
print(db.query(User).with_entities(User.name).filter(User.id == 1).scalar())
n = db.query(User).filter(User.name == "bob").update({"age": 21})
print(n)
n = db.query(Post).filter(Post.title == "b").delete()
print(n)
db.commit()
print(db.query(User.exists()).scalar() if hasattr(User, "exists") else db.query(db.query(User).exists()).scalar())
print(db.get(User, 2).age)
