"""relationship(order_by=...): a string SQLAlchemy evaluates among the mapped classes, a column, or
desc(); the lazy load, selectinload and joinedload each put it in their ORDER BY."""
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[list["Post"]] = relationship(back_populates="author", order_by="desc(Post.title)")
    notes: Mapped[list["Note"]] = relationship(order_by="Note.id")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User] = relationship(back_populates="posts")

    def __repr__(self):
        return f"Post({self.title!r})"


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    def __repr__(self):
        return f"Note({self.text!r})"


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


User.tags = relationship(Tag, order_by=[Tag.name.desc(), Tag.id])

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    ann = User(name="ann", posts=[Post(title="b"), Post(title="c"), Post(title="a")], notes=[Note(text="x"), Note(text="y")])
    s.add(ann)
    s.add_all([Tag(name="t1", user_id=1), Tag(name="t2", user_id=1)])
    s.commit()
    print(ann.posts, ann.notes)
    print([t.name for t in ann.tags])
    s.expire_all()
    print(s.scalars(select(User).options(selectinload(User.posts))).one().posts)
    s.expire_all()
    print(s.scalars(select(User).options(joinedload(User.notes))).unique().one().notes)
