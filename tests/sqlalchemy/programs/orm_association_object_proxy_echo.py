"""association_proxy through an association object with a creator (the pattern of SQLAlchemy's
documentation: UserKeyword rows carrying a special_key), and a scalar proxy over a many-to-one."""
from typing import Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    user_keyword_associations: Mapped[list["UserKeywordAssociation"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    keywords = association_proxy(
        "user_keyword_associations", "keyword", creator=lambda keyword_obj: UserKeywordAssociation(keyword=keyword_obj)
    )


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[Optional[str]] = mapped_column(String(50))
    user: Mapped[User] = relationship(back_populates="user_keyword_associations")
    keyword: Mapped["Keyword"] = relationship()
    keyword_text = association_proxy("keyword", "keyword")


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column("keyword", String(64))

    def __repr__(self) -> str:
        return f"Keyword({self.keyword!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    user = User(name="log")
    for kw in (Keyword(keyword="new_from_blammo"), Keyword(keyword="its_big")):
        user.keywords.append(kw)
    print(user.keywords)
    special = UserKeywordAssociation(keyword=Keyword(keyword="its_heavy"), special_key="deadline")
    user.user_keyword_associations.append(special)
    print(user.keywords, special.keyword_text)
    s.add(user)
    s.commit()
    for assoc in s.scalars(select(UserKeywordAssociation).options(joinedload(UserKeywordAssociation.keyword)).order_by(UserKeywordAssociation.keyword_id)):
        print(assoc.keyword_text, assoc.special_key)
    special.keyword_text = "its_lighter"
    s.commit()
    print(s.scalars(select(Keyword.keyword).order_by(Keyword.id)).all())
