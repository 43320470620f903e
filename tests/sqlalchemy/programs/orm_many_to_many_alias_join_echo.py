from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased


class Base(DeclarativeBase):
    pass


post_tags = Table("post_tags", Base.metadata, Column("post_id", ForeignKey("posts.id"), primary_key=True), Column("tag_id", ForeignKey("tags.id"), primary_key=True))


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tags, back_populates="posts")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    posts: Mapped[List[Post]] = relationship(secondary=post_tags, back_populates="tags")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    py, sql = Tag(name="python"), Tag(name="sql")
    s.add_all([Post(title="a", tags=[py, sql]), Post(title="b", tags=[sql])])
    s.commit()
    t = aliased(Tag)
    print(s.execute(select(Post.title, t.name).join(t, Post.tags).order_by(Post.title, t.name)).all())
    print(s.execute(select(Post.title).join(Post.tags.of_type(t)).where(t.name == "python")).all())
    t2 = aliased(Tag, name="other")
    print(s.execute(select(Post.title, t.name, t2.name).join(t, Post.tags).join(t2, Post.tags).where(t.id < t2.id)).all())
