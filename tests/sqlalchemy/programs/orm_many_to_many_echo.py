"""Many-to-many through an association table (relationship(secondary=...)): both sides kept in
step, the lazy load through the association table, join(Post.tags), rows written and removed as
collections change, and a deleted post's rows removed before it. Each flush here writes at most
one association row: with several, SQLAlchemy's order depends on object addresses."""
from sqlalchemy import create_engine, ForeignKey, String, Table, Column, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

post_tags = Table(
    "post_tags", Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    tags: Mapped[list["Tag"]] = relationship(secondary=post_tags, back_populates="posts")
    def __repr__(self):
        return f"Post({self.title!r})"

class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    posts: Mapped[list[Post]] = relationship(secondary=post_tags, back_populates="tags")
    def __repr__(self):
        return f"Tag({self.name!r})"

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    py, sql, web = Tag(name="python"), Tag(name="sql"), Tag(name="web")
    p1 = Post(title="first", tags=[py])
    print(py.posts, p1.tags)
    s.add_all([p1, sql, web])
    s.commit()
    print("-- append")
    p1.tags.append(sql)
    s.commit()
    print("-- second post")
    p2 = Post(title="second")
    web.posts.append(p2)
    print(p2.tags)
    s.add(p2)
    s.commit()
    print("-- lazy")
    print(p1.tags)
    print(sql.posts, web.posts)
    print("-- join")
    print(s.scalars(select(Post).join(Post.tags).where(Tag.name == "sql").order_by(Post.id)).all())
    print(s.execute(select(Tag.name, Post.title).join(Tag.posts).order_by(Tag.name, Post.title)).all())
    print("-- remove")
    p1.tags.remove(py)
    s.commit()
    print(py.posts)
    print("-- replace")
    p1.tags = [web, sql]
    s.commit()
    print(s.execute(select(post_tags).order_by(post_tags.c.post_id, post_tags.c.tag_id)).all())
    print("-- delete post")
    s.delete(p1)
    s.commit()
    print(s.execute(select(post_tags)).all())
