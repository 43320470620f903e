"""sqlalchemy.ext.hybrid (hybrid_property with a setter, hybrid_method) on instances and in SQL, and @validates on a column and on a collection."""
from sqlalchemy import create_engine, String, select, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, validates, relationship
from sqlalchemy.ext.hybrid import hybrid_property, hybrid_method

class Base(DeclarativeBase):
    pass

class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    first: Mapped[str] = mapped_column(String(20))
    last: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None]
    age: Mapped[int] = mapped_column(default=0)
    pets: Mapped[list["Pet"]] = relationship(back_populates="owner")

    @hybrid_property
    def full(self):
        return self.first + " " + self.last

    @full.setter
    def full(self, value):
        self.first, self.last = value.split(" ", 1)

    @hybrid_property
    def adult(self):
        return self.age >= 18

    @hybrid_method
    def older_than(self, years):
        return self.age > years

    @validates("email")
    def check_email(self, key, value):
        print("validating", key, value)
        if value and "@" not in value:
            raise ValueError("bad email")
        return value.lower() if value else value

    @validates("pets")
    def check_pet(self, key, pet):
        print("pet", key, pet.name)
        return pet

class Pet(Base):
    __tablename__ = "pets"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    owner: Mapped[Person | None] = relationship(back_populates="pets")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    p = Person(first="ada", last="lovelace", email="ADA@X.org", age=36)
    p.pets.append(Pet(name="rex"))
    q = Person(first="bob", last="b", age=12)
    q.pets = [Pet(name="tom")]
    s.add_all([p, q])
    s.commit()
    print(p.full, p.adult, p.older_than(40), p.email)
    p.full = "grace hopper"
    print(p.first, p.last)
    try:
        p.email = "nope"
    except ValueError as e:
        print("ValueError", e)
    print(s.scalars(select(Person.full).order_by(Person.id)).all())
    print(s.scalars(select(Person).where(Person.full == "bob b")).one().first)
    print(s.scalars(select(Person.first).where(Person.adult)).all())
    print(s.scalars(select(Person.first).where(Person.older_than(10))).all())
    print(str(select(Person.full)))
    s.commit()
