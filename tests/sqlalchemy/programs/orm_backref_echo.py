"""relationship(backref=...): the other side's attribute made for you, as older tutorials write it;
one-to-many, many-to-many and backref() with its own arguments."""
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.orm import backref, declarative_base, relationship, sessionmaker

Base = declarative_base()

post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    posts = relationship("Post", backref="author", cascade="all, delete-orphan")

    def __repr__(self):
        return f"<User {self.name}>"


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String(100))
    user_id = Column(Integer, ForeignKey("users.id"))
    tags = relationship("Tag", secondary=post_tags, backref=backref("posts", lazy="selectin"))

    def __repr__(self):
        return f"<Post {self.title}>"


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))

    def __repr__(self):
        return f"<Tag {self.name}>"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
ann = User(name="ann")
python = Tag(name="python")
p1 = Post(title="first", author=ann, tags=[python])
p2 = Post(title="second")
ann.posts.append(p2)
print(p2.author, python.posts)
session.add(ann)
session.commit()
print(session.get(Post, 2).author.name)
print(session.scalars(select(Tag)).first().posts)
print(session.scalars(select(Post).join(Post.author).where(User.name == "ann")).all())
print(p1 in ann.posts, python in p1.tags)
session.delete(ann)
session.commit()
print(session.scalars(select(Post)).all())
try:
    class Bad(Base):
        __tablename__ = "bad"
        id = Column(Integer, primary_key=True)
        user_id = Column(Integer, ForeignKey("users.id"))
        user = relationship("User", backref="posts")
    Bad()
except Exception as e:
    print(type(e).__name__, e)
