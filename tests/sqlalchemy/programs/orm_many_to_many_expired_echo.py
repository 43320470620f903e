"""Many-to-many on expired objects (secondary named by a string): appending to one side loads
that collection; the other side's unloaded collection waits, and the refresh of such an object is
compiled apart from a plain one (SQLAlchemy's statement cache says "generated" again)."""
from sqlalchemy import create_engine, ForeignKey, Table, Column, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

post_tags = Table("post_tags", Base.metadata, Column("post_id", ForeignKey("posts.id"), primary_key=True), Column("tag_id", ForeignKey("tags.id"), primary_key=True))

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    tags: Mapped[list["Tag"]] = relationship(secondary="post_tags", back_populates="posts")

class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    posts: Mapped[list[Post]] = relationship(secondary="post_tags", back_populates="tags")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Post(title="a"), Post(title="b"), Tag(name="x"), Tag(name="y")])
    s.commit()
engine.echo = True
with Session(engine) as s:
    a, b = s.get(Post, 1), s.get(Post, 2)
    x, y = s.get(Tag, 1), s.get(Tag, 2)
    s.commit()
    print("-- append to expired")
    a.tags.append(x)
    print("-- append 2")
    y.posts.append(a)
    print("-- flush")
    s.commit()
    print("-- remove via other side")
    x.posts.remove(a)
    s.commit()
    print("-- delete tag")
    s.delete(y)
    s.commit()
    print([t.name for t in a.tags], b.tags)
