# Comparing a relationship in a WHERE: Post.author == ann is the foreign key against ann's key
# (? = posts.author_id), != lets NULL through, == None is IS NULL; a collection == None is NOT
# EXISTS; any() through an association table; the misuses SQLAlchemy refuses.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

post_tags = Table("post_tags", Base.metadata, Column("post_id", ForeignKey("posts.id"), primary_key=True), Column("tag_id", ForeignKey("tags.id"), primary_key=True))

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[List["Post"]] = relationship(back_populates="author")

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User | None] = relationship(back_populates="posts")
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tags)

class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    ann = User(name="ann", posts=[Post(title="p1", tags=[Tag(name="sql")]), Post(title="p2")])
    s.add_all([ann, Post(title="orphan")])
    s.commit()
    print(s.scalars(select(Post.title).where(Post.author == ann)).all())
    print(s.scalars(select(Post.title).where(Post.author != ann)).all())
    print(s.scalars(select(Post.title).where(Post.author == None)).all())
    print(s.scalars(select(Post.title).where(Post.tags.any(Tag.name == "sql"))).all())
    print(s.scalars(select(Post.title).where(Post.author.has(name="ann")).order_by(Post.title)).all())
    print(s.scalars(select(User.name).where(User.posts != None)).all(), s.scalars(select(Tag.name).where(Tag.id.in_(select(post_tags.c.tag_id)))).all())
    print(s.scalars(select(Post.title).where(Post.tags == None).order_by(Post.id)).all())
    try:
        Post.author.any()
    except Exception as e:
        print(type(e).__name__, e)
    try:
        User.posts.has()
    except Exception as e:
        print(type(e).__name__, e)
    try:
        User.posts == Post()
    except Exception as e:
        print(type(e).__name__, e)
