//! Model files → MetaData → DDL, against what SQLAlchemy 2.1 prints for the same Python
//! (`CreateTable(t).compile(dialect=sqlite.dialect())`). Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::models::{read_models, Models};
use alembic_lab::schema::SqlType;
use alembic_lab::sql::{create_index, create_table};
use alembic_lab::{ErrorKind, Value};

const BASE: &str = "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n";

const USER: &str = r#"from typing import Optional

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from src.models.base import Base


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    email: Mapped[Optional[str]] = mapped_column(String(120), unique=True, index=True)

    def __repr__(self) -> str:
        return f"<User(name={self.name})>"
"#;

const POST: &str = r#"from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from src.models.base import Base


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
"#;

const THING: &str = r#"import datetime
import decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, JSON, Numeric, SmallInteger, String, Text
from sqlalchemy import UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column

from src.models.base import Base


class Thing(Base):
    __tablename__ = "things"
    __table_args__ = (
        UniqueConstraint("a", "b", name="uq_things_a_b"),
        Index("ix_things_c", "c"),
        CheckConstraint("n >= 0", name="ck_things_n"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    a: Mapped[str | None]
    b: Mapped[int | None]
    c: Mapped[bool] = mapped_column(default=False)
    n: Mapped[float] = mapped_column(server_default="0")
    d: Mapped[decimal.Decimal]
    e: Mapped[datetime.datetime] = mapped_column(server_default=func.now())
    f: Mapped[datetime.date | None]
    g: Mapped[bytes | None]
    h: Mapped[str] = mapped_column(Text, nullable=True)
    i: Mapped[Optional[int]] = mapped_column(BigInteger, nullable=False)
    j: Mapped[dict] = mapped_column(JSON)
    k: Mapped[int] = mapped_column(SmallInteger, unique=True)
    l: Mapped[datetime.time | None]
    m: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2), server_default=text("1.5"))
    o: Mapped[str] = mapped_column(String(30), server_default="x'y")
    p: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class Tag(Base):
    __tablename__ = "tags"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), primary_key=True)
    label: Mapped[str] = mapped_column(String(20), primary_key=True)
"#;

fn models(files: &[(&str, &str)]) -> Models {
    read_models(files).unwrap_or_else(|e| panic!("{e}"))
}

fn ddl(models: &Models, table: &str) -> String {
    create_table(models.metadata.table(table).unwrap())
}

#[test]
fn the_tutorial_models_give_sqlalchemys_ddl() {
    let m = models(&[("src/models/base.py", BASE), ("src/models/user.py", USER), ("src/models/post.py", POST)]);
    assert_eq!(
        ddl(&m, "users"),
        "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\temail VARCHAR(120), \n\tPRIMARY KEY (id)\n)"
    );
    let users = m.metadata.table("users").unwrap();
    assert_eq!(create_index("users", &users.indexes[0]), "CREATE UNIQUE INDEX ix_users_email ON users (email)");
    assert_eq!(
        ddl(&m, "posts"),
        "CREATE TABLE posts (\n\tid INTEGER NOT NULL, \n\ttitle VARCHAR NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\t\
         PRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES users (id)\n)"
    );
    let names: Vec<&str> = m.metadata.sorted_tables().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["users", "posts"]);
    let user = m.class("User").unwrap();
    assert_eq!(user.module, "src.models.user");
    let fields = vec![("id".to_string(), Value::Integer(1)), ("name".to_string(), Value::from("John Doe"))];
    assert_eq!(user.repr(&fields), "<User(name=John Doe)>");
}

#[test]
fn every_type_default_and_constraint_gives_sqlalchemys_ddl() {
    let thing = THING.replace("import datetime\n", "import datetime\nfrom typing import Optional\n");
    let m = models(&[
        ("src/models/base.py", BASE),
        ("src/models/user.py", USER),
        ("src/models/post.py", POST),
        ("src/models/thing.py", &thing),
    ]);
    assert_eq!(
        ddl(&m, "things"),
        "CREATE TABLE things (\n\tid INTEGER NOT NULL, \n\ta VARCHAR, \n\tb INTEGER, \n\tc BOOLEAN NOT NULL, \n\t\
         n DOUBLE DEFAULT '0' NOT NULL, \n\td NUMERIC NOT NULL, \n\te DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, \n\t\
         f DATE, \n\tg BLOB, \n\th TEXT, \n\ti BIGINT NOT NULL, \n\tj JSON NOT NULL, \n\tk SMALLINT NOT NULL, \n\t\
         l TIME, \n\tm NUMERIC(10, 2) DEFAULT (1.5) NOT NULL, \n\to VARCHAR(30) DEFAULT 'x''y' NOT NULL, \n\t\
         p INTEGER NOT NULL, \n\tPRIMARY KEY (id), \n\tCONSTRAINT uq_things_a_b UNIQUE (a, b), \n\t\
         CONSTRAINT ck_things_n CHECK (n >= 0), \n\tUNIQUE (k), \n\tFOREIGN KEY(p) REFERENCES users (id) ON DELETE CASCADE\n)"
    );
    let things = m.metadata.table("things").unwrap();
    let indexes: Vec<String> = things.indexes.iter().map(|i| create_index("things", i)).collect();
    assert_eq!(indexes, ["CREATE INDEX ix_things_c ON things (c)", "CREATE INDEX ix_things_p ON things (p)"]);
    assert_eq!(
        ddl(&m, "tags"),
        "CREATE TABLE tags (\n\tpost_id INTEGER NOT NULL, \n\tlabel VARCHAR(20) NOT NULL, \n\t\
         PRIMARY KEY (post_id, label), \n\tFOREIGN KEY(post_id) REFERENCES posts (id)\n)"
    );
    let names: Vec<&str> = m.metadata.sorted_tables().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["users", "posts", "things", "tags"]);
}

#[test]
fn legacy_column_style_and_union_annotations() {
    let source = r#"from typing import Union
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from src.models.base import Base

class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    body = Column(String(200))
    title = Column("heading", String, nullable=False)
    tag: Mapped[Union[str, None]] = mapped_column(String(10))
"#;
    let m = models(&[("src/models/base.py", BASE), ("src/models/note.py", source)]);
    assert_eq!(
        ddl(&m, "notes"),
        "CREATE TABLE notes (\n\tid INTEGER NOT NULL, \n\tbody VARCHAR(200), \n\theading VARCHAR NOT NULL, \n\t\
         tag VARCHAR(10), \n\tPRIMARY KEY (id)\n)"
    );
}

#[test]
fn mistakes_learners_make_are_reported_like_python_and_sqlalchemy() {
    let forgot_import = USER.replace("from sqlalchemy import Integer, String", "from sqlalchemy import Integer");
    let cases: Vec<(String, ErrorKind, &str)> = vec![
        (forgot_import, ErrorKind::NameError, "src/models/user.py, line 13: name 'String' is not defined"),
        (
            USER.replace("Mapped[int] = mapped_column(Integer, primary_key=True)", "Mapped[int] = mapped_column(Integer)"),
            ErrorKind::ArgumentError,
            "src/models/user.py, line 9: Mapper Mapper[User(users)] could not assemble any primary key columns for mapped table 'users'",
        ),
        (
            USER.replace("name: Mapped[str] = mapped_column(String)", "name: Mapped[dict]"),
            ErrorKind::MappedAnnotationError,
            "src/models/user.py, line 13: Could not locate SQLAlchemy Core type when resolving for Python type indicated by \
             '<class 'dict'>' inside the Mapped[] annotation for the 'name' attribute; the type object is not resolvable by the registry",
        ),
        (
            USER.replace("class User(Base):", "class User(Base)"),
            ErrorKind::SyntaxError,
            "src/models/user.py, line 9, col 17: expected ':' after class bases",
        ),
    ];
    for (source, kind, message) in cases {
        let err = read_models(&[("src/models/base.py", BASE), ("src/models/user.py", &source)]).unwrap_err();
        assert_eq!((err.kind(), err.message()), (kind, message));
    }
    let dangling = POST.replace("users.id", "accounts.id");
    let err = read_models(&[("src/models/base.py", BASE), ("src/models/post.py", &dangling)]).unwrap_err();
    assert!(err.message().contains("could not find table 'accounts'"), "{err}");
}

#[test]
fn types_and_nullability_follow_sqlalchemys_rules() {
    let m = models(&[("src/models/base.py", BASE), ("src/models/user.py", USER)]);
    let users = m.metadata.table("users").unwrap();
    let col = |n: &str| users.column(n).unwrap();
    assert_eq!((col("id").nullable, col("id").primary_key), (false, true));
    assert!(!col("name").nullable, "Mapped[str] is NOT NULL");
    assert!(col("email").nullable, "Optional[str] is nullable");
    assert_eq!(col("email").sql_type, SqlType::String(Some(120)));
}

#[test]
fn a_repr_with_repr_conversion_quotes_the_value() {
    let source = USER.replace("{self.name}", "{self.name!r}, id={self.id}");
    let m = models(&[("src/models/base.py", BASE), ("src/models/user.py", &source)]);
    let fields = vec![("id".to_string(), Value::Integer(7)), ("name".to_string(), Value::from("Jane"))];
    assert_eq!(m.class("User").unwrap().repr(&fields), "<User(name='Jane', id=7)>");
}
