//! Model files, executed by the lab's Python on its `sqlalchemy` → MetaData → DDL, against what
//! SQLAlchemy 2.1 prints for the same Python (`CreateTable(t).compile(dialect=sqlite.dialect())`).
//! Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);


use alembic_lab::lab::{Lab, Sources};
use alembic_lab::schema::{MetaData, SqlType};
use alembic_lab::sql::{create_index, create_table};
use alembic_lab::sqlalchemy::declared_metadata;
use alembic_lab::ErrorKind;

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

fn module_of(path: &str) -> String {
    path.trim_end_matches(".py").replace('/', ".")
}

fn try_models(files: &[(&str, &str)]) -> alembic_lab::Result<MetaData> {
    let map: alembic_lab::Files = files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    let modules: Vec<String> = files.iter().map(|(p, _)| module_of(p)).collect();
    let modules: Vec<&str> = modules.iter().map(String::as_str).collect();
    declared_metadata(map, &modules, "src.models.base")
}

fn models(files: &[(&str, &str)]) -> MetaData {
    try_models(files).unwrap_or_else(|e| panic!("{}", e.message()))
}

fn ddl(metadata: &MetaData, table: &str) -> String {
    create_table(metadata.table(table).unwrap())
}

/// What `python -c CODE` prints in a lab whose project has these model files.
fn python(files: &[(&str, &str)], code: &str) -> Vec<String> {
    let mut lab = Lab::new(Sources::default());
    for (path, text) in files {
        lab.write_file(path, text).unwrap();
    }
    lab.write_file("check.py", code).unwrap();
    lab.run("python check.py").output
}

#[test]
fn the_tutorial_models_give_sqlalchemys_ddl() {
    let m = models(&[("src/models/base.py", BASE), ("src/models/user.py", USER), ("src/models/post.py", POST)]);
    assert_eq!(
        ddl(&m, "users"),
        "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\temail VARCHAR(120), \n\tPRIMARY KEY (id)\n)"
    );
    let users = m.table("users").unwrap();
    assert_eq!(create_index("users", &users.indexes[0]), "CREATE UNIQUE INDEX ix_users_email ON users (email)");
    assert_eq!(
        ddl(&m, "posts"),
        "CREATE TABLE posts (\n\tid INTEGER NOT NULL, \n\ttitle VARCHAR NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\t\
         PRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES users (id)\n)"
    );
    let names: Vec<&str> = m.sorted_tables().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["users", "posts"]);
    let printed = python(
        &[("src/models/base.py", BASE), ("src/models/user.py", USER)],
        "from src.models.user import User\nprint(User.__module__, User(id=1, name='John Doe'))\n",
    );
    assert_eq!(printed, ["src.models.user <User(name=John Doe)>"]);
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
    let things = m.table("things").unwrap();
    let indexes: Vec<String> = things.indexes.iter().map(|i| create_index("things", i)).collect();
    assert_eq!(indexes, ["CREATE INDEX ix_things_c ON things (c)", "CREATE INDEX ix_things_p ON things (p)"]);
    assert_eq!(
        ddl(&m, "tags"),
        "CREATE TABLE tags (\n\tpost_id INTEGER NOT NULL, \n\tlabel VARCHAR(20) NOT NULL, \n\t\
         PRIMARY KEY (post_id, label), \n\tFOREIGN KEY(post_id) REFERENCES posts (id)\n)"
    );
    let names: Vec<&str> = m.sorted_tables().iter().map(|t| t.name.as_str()).collect();
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
    // (model source, where the traceback ends, its last line)
    let cases: Vec<(String, &str, &str)> = vec![
        (forgot_import, "  File \"src/models/user.py\", line 13, in User", "NameError: name 'String' is not defined"),
        (
            USER.replace("Mapped[int] = mapped_column(Integer, primary_key=True)", "Mapped[int] = mapped_column(Integer)"),
            "  File \"src/models/user.py\", line 9, in <module>",
            "sqlalchemy.exc.ArgumentError: Mapper Mapper[User(users)] could not assemble any primary key columns for mapped table 'users'",
        ),
        (
            USER.replace("name: Mapped[str] = mapped_column(String)", "name: Mapped[dict]"),
            "  File \"src/models/user.py\", line 9, in <module>",
            "sqlalchemy.orm.exc.MappedAnnotationError: Could not locate SQLAlchemy Core type when resolving for Python type indicated by \
             '<class 'dict'>' inside the Mapped[] annotation for the 'name' attribute; the type object is not resolvable by the registry",
        ),
    ];
    for (source, frame, last) in cases {
        let err = try_models(&[("src/models/base.py", BASE), ("src/models/user.py", &source)]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::PythonException);
        let lines: Vec<&str> = err.message().lines().collect();
        assert_eq!(lines.last().copied(), Some(last), "{}", err.message());
        assert!(lines.contains(&frame), "{}", err.message());
    }
    let err = try_models(&[("src/models/base.py", BASE), ("src/models/user.py", &USER.replace("class User(Base):", "class User(Base)"))]).unwrap_err();
    assert!(err.message().contains("src/models/user.py\", line 9") && err.message().lines().last().unwrap().starts_with("SyntaxError: "), "{}", err.message());
    // A foreign key to a table no model declares is found when the tables are created.
    let dangling = POST.replace("users.id", "accounts.id");
    let printed = python(
        &[("src/models/base.py", BASE), ("src/models/post.py", &dangling)],
        "from sqlalchemy import create_engine\nfrom src.models.base import Base\nimport src.models.post\n\
         try:\n    Base.metadata.create_all(create_engine('sqlite://'))\nexcept Exception as e:\n    print(type(e).__name__, e)\n",
    );
    assert_eq!(
        printed,
        ["NoReferencedTableError Foreign key associated with column 'posts.user_id' could not find table 'accounts' with which to generate a foreign key to target column 'id'"]
    );
}

#[test]
fn types_and_nullability_follow_sqlalchemys_rules() {
    let m = models(&[("src/models/base.py", BASE), ("src/models/user.py", USER)]);
    let users = m.table("users").unwrap();
    let col = |n: &str| users.column(n).unwrap();
    assert_eq!((col("id").nullable, col("id").primary_key), (false, true));
    assert!(!col("name").nullable, "Mapped[str] is NOT NULL");
    assert!(col("email").nullable, "Optional[str] is nullable");
    assert_eq!(col("email").sql_type, SqlType::String(Some(120)));
}

#[test]
fn a_repr_with_repr_conversion_quotes_the_value() {
    let source = USER.replace("{self.name}", "{self.name!r}, id={self.id}");
    let printed = python(
        &[("src/models/base.py", BASE), ("src/models/user.py", &source)],
        "from src.models.user import User\nprint(repr(User(id=7, name='Jane')))\n",
    );
    assert_eq!(printed, ["<User(name='Jane', id=7)>"]);
}
