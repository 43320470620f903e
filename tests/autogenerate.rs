//! Autogenerate against Alembic 1.20's own output for the same models and database
//! (`produce_migrations` + `render_python_code`): the operations, their order, the rendered text
//! of upgrade and downgrade, and the `Detected …` lines. Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::engine::Engine;
use alembic_lab::migrate::apply::apply_all;
use alembic_lab::migrate::compare::{as_batches, compare};
use alembic_lab::migrate::ops::reverse_all;
use alembic_lab::migrate::render::render_ops;
use alembic_lab::sqlalchemy::declared_metadata;

const BASE: &str = "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n";

const MODELS: &str = r#"from typing import Optional
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from src.models.base import Base


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=True)
    email = Column(String(120), nullable=False, index=True)
    nick = Column(String(20))


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
"#;

fn database() -> Engine {
    let mut engine = Engine::open_in_memory().unwrap();
    engine
        .exec(
            "CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR NOT NULL, email VARCHAR(120), age INTEGER, PRIMARY KEY (id));\
             CREATE INDEX ix_users_age ON users (age);\
             CREATE TABLE old (id INTEGER NOT NULL, PRIMARY KEY (id));\
             CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));",
        )
        .unwrap();
    engine
}

#[test]
fn autogenerate_finds_what_alembic_finds_in_the_same_order() {
    let models = metadata();
    let found = compare(&models, &database()).unwrap();
    assert_eq!(
        render_ops(&found.upgrade).join("\n"),
        "    op.create_table('posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.drop_table('old')
    op.add_column('users', sa.Column('nick', sa.String(length=20), nullable=True))
    op.alter_column('users', 'name',
               existing_type=sa.VARCHAR(),
               nullable=True)
    op.alter_column('users', 'email',
               existing_type=sa.VARCHAR(length=120),
               nullable=False)
    op.drop_index(op.f('ix_users_age'), table_name='users')
    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=False)
    op.drop_column('users', 'age')"
    );
    assert_eq!(
        render_ops(&reverse_all(&found.upgrade).unwrap()).join("\n"),
        "    op.add_column('users', sa.Column('age', sa.INTEGER(), nullable=True))
    op.drop_index(op.f('ix_users_email'), table_name='users')
    op.create_index(op.f('ix_users_age'), 'users', ['age'], unique=False)
    op.alter_column('users', 'email',
               existing_type=sa.VARCHAR(length=120),
               nullable=True)
    op.alter_column('users', 'name',
               existing_type=sa.VARCHAR(),
               nullable=False)
    op.drop_column('users', 'nick')
    op.create_table('old',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.drop_table('posts')"
    );
    assert_eq!(
        found.log,
        [
            "INFO  [alembic.autogenerate.compare.tables] Detected added table 'posts'",
            "INFO  [alembic.autogenerate.compare.tables] Detected removed table 'old'",
            "INFO  [alembic.autogenerate.compare.tables] Detected added column 'users.nick'",
            "INFO  [alembic.autogenerate.compare.constraints] Detected NULL on column 'users.name'",
            "INFO  [alembic.autogenerate.compare.constraints] Detected NOT NULL on column 'users.email'",
            "INFO  [alembic.autogenerate.compare.constraints] Detected removed index 'ix_users_age' on 'users'",
            "INFO  [alembic.autogenerate.compare.constraints] Detected added index 'ix_users_email' on '('email',)'",
            "INFO  [alembic.autogenerate.compare.tables] Detected removed column 'users.age'",
        ]
    );
}

#[test]
fn models_and_database_in_step_give_no_operations() {
    let models = metadata();
    let mut engine = Engine::open_in_memory().unwrap();
    let first = compare(&models, &engine).unwrap();
    apply_all(&mut engine, &first.upgrade).unwrap();
    let again = compare(&models, &engine).unwrap();
    assert!(again.upgrade.is_empty(), "{:?}", again.upgrade);
}

#[test]
fn render_as_batch_groups_each_tables_changes() {
    let models = metadata();
    let found = compare(&models, &database()).unwrap();
    let text = render_ops(&as_batches(found.upgrade)).join("\n");
    assert!(text.contains(
        "    op.drop_table('old')\n    with op.batch_alter_table('users', schema=None) as batch_op:\n        \
         batch_op.add_column(sa.Column('nick', sa.String(length=20), nullable=True))\n        \
         batch_op.alter_column('name',\n               existing_type=sa.VARCHAR(),\n               nullable=True)"
    ), "{text}");
    assert!(text.contains("        batch_op.drop_index(batch_op.f('ix_users_age'))\n        batch_op.create_index(batch_op.f('ix_users_email'), ['email'], unique=False)\n        batch_op.drop_column('age')\n"));
}

/// The models' MetaData, the model files executed by the lab's Python.
fn metadata() -> alembic_lab::schema::MetaData {
    let files = [("src/models/base.py", BASE), ("src/models/models.py", MODELS)].iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    declared_metadata(files, &["src.models.models"], "src.models.base").unwrap_or_else(|e| panic!("{}", e.message()))
}

/// Alembic 1.20 against a `Uuid` model (recorded by hand with the real tools): `sa.Uuid()` /
/// `sa.Uuid(as_uuid=False)` in `create_table`, and the `CHAR(32)` SQLite reads back is no change.
#[test]
fn a_uuid_column_is_created_as_uuid_and_read_back_as_the_same() {
    const UUID_MODELS: &str = "import uuid\nfrom sqlalchemy import String, Uuid\nfrom sqlalchemy.orm import Mapped, mapped_column\nfrom src.models.base import Base\n\n\nclass Thing(Base):\n    __tablename__ = \"things\"\n    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)\n    other: Mapped[uuid.UUID | None] = mapped_column(Uuid(as_uuid=False))\n    name: Mapped[str] = mapped_column(String(20))\n";
    let files = [("src/models/base.py", BASE), ("src/models/things.py", UUID_MODELS)].iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    let models = declared_metadata(files, &["src.models.things"], "src.models.base").unwrap_or_else(|e| panic!("{}", e.message()));
    let mut engine = Engine::open_in_memory().unwrap();
    let first = compare(&models, &engine).unwrap();
    let text = render_ops(&first.upgrade).join("\n");
    assert!(
        text.contains("    op.create_table('things',\n    sa.Column('id', sa.Uuid(), nullable=False),\n    sa.Column('other', sa.Uuid(as_uuid=False), nullable=True),\n    sa.Column('name', sa.String(length=20), nullable=False),"),
        "{text}"
    );
    apply_all(&mut engine, &first.upgrade).unwrap();
    let again = compare(&models, &engine).unwrap();
    assert!(again.upgrade.is_empty(), "{:?}", again.upgrade);
}
