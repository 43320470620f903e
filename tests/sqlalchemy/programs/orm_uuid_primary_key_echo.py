"""A Uuid primary key (Mapped[uuid.UUID], default=uuid.uuid4) and a Uuid(as_uuid=False) column: stored
as CHAR(32) hex digits, bound as .hex in INSERT, get(), WHERE and relationship loads, read back as
uuid.UUID (or a dashed string)."""
import uuid
from typing import Optional
from sqlalchemy import create_engine, select, Uuid, String, ForeignKey, Table, Column, MetaData, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Team(Base):
    __tablename__ = "teams"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(20))
    code: Mapped[Optional[str]] = mapped_column(Uuid(as_uuid=False))
    members: Mapped[list["Member"]] = relationship(back_populates="team")

class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"))
    team: Mapped[Team] = relationship(back_populates="members")

print(repr(Team.__table__.c.id.type), repr(Team.__table__.c.code.type))
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
fixed = uuid.UUID("12345678-1234-5678-1234-567812345678")
with Session(engine) as s:
    t = Team(id=fixed, name="red", code="abcdefab-0000-1111-2222-333344445555")
    s.add_all([t, Member(team=t), Team(id=uuid.UUID(int=7), name="blue")])
    s.commit()
    got = s.get(Team, fixed)
    print(got.name, got.id, type(got.id).__name__, got.code, type(got.code).__name__)
    print([m.team_id == fixed for m in got.members])
    print(s.scalars(select(Team.name).where(Team.id == uuid.UUID(int=7))).all())
    print(s.execute(select(Team.id, Team.code).order_by(Team.name)).all())
