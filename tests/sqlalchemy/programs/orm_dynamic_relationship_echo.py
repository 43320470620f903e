"""lazy="dynamic" (the legacy relationship older Flask tutorials use): user.posts is an AppenderQuery —
append / extend / remove, and a Query of the members (filter, order_by, count, first, slices,
iteration, in); a transient owner's members are the ones appended; Post(author=u) alone does not
join the session (the warning at flush); deleting the owner lets its members go."""
from sqlalchemy import Column, Integer, String, ForeignKey, create_engine
from sqlalchemy.orm import declarative_base, relationship, Session

Base = declarative_base()

class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    posts = relationship("Post", backref="author", lazy="dynamic")

class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String)
    user_id = Column(Integer, ForeignKey("users.id"))
    def __repr__(self):
        return f"<Post {self.title}>"

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(name="ann")
    print(type(u.posts).__name__)
    u.posts.append(Post(title="first"))
    print(list(u.posts), u.posts.count())
    session.add(u)
    session.commit()
    Post(title="second", author=u)
    u.posts.extend([Post(title="third")])
    print(u.posts.count())
    print(u.posts.filter(Post.title != "first").order_by(Post.title.desc()).all())
    print(u.posts.first(), u.posts[1:2])
    print([p.title for p in u.posts])
    p = u.posts.filter_by(title="third").one()
    print(p in u.posts)
    u.posts.remove(p)
    session.commit()
    print(session.query(Post).filter(Post.user_id == None).all())
    session.delete(u)
    session.commit()
    print(session.query(Post.title, Post.user_id).order_by(Post.id).all())
    v = User(name="vic")
    session.add(v)
    print(v.posts.count(), v.posts.all(), repr(v.posts)[:40])
    v.posts.append(Post(title="fourth"))
    print(v.posts[0], v.posts.count())
