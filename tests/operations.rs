//! Operations run on a real SQLite, checked against what Alembic does on SQLite: the statements it
//! emits, the failures SQLite gives for what it cannot do, and batch mode's "move and copy" keeping
//! every row (also for a table other tables point at). Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::engine::Engine;
use alembic_lab::migrate::apply::{apply_all, plan};
use alembic_lab::migrate::ops::{AlterColumn, Op};
use alembic_lab::migrate::reference;
use alembic_lab::schema::{Column, Index, SqlType};
use alembic_lab::{ErrorKind, Value};


fn seeded() -> Engine {
    let mut engine = Engine::open_in_memory().unwrap();
    engine
        .exec(
            "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\temail VARCHAR(120), \n\tPRIMARY KEY (id)\n);\
             CREATE UNIQUE INDEX ix_users_email ON users (email);\
             CREATE TABLE posts (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\tPRIMARY KEY (id), \n\t\
             FOREIGN KEY(user_id) REFERENCES users (id)\n);\
             INSERT INTO users VALUES (1, 'John Doe', 'john@example.com'), (2, 'Jane Doe', NULL);\
             INSERT INTO posts VALUES (10, 1), (11, 2);",
        )
        .unwrap();
    engine.take_log();
    engine
}

fn rows(engine: &mut Engine, sql: &str) -> Vec<Vec<Value>> {
    engine.exec(sql).unwrap().rows
}

fn schema(engine: &mut Engine) -> Vec<Vec<Value>> {
    rows(engine, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
}

fn nullable_name() -> AlterColumn {
    AlterColumn {
        table: "users".into(),
        column: "name".into(),
        nullable: Some(true),
        existing_type: Some(SqlType::upper(SqlType::String(None))),
        ..Default::default()
    }
}

#[test]
fn the_reference_revisions_upgrade_and_downgrade_with_data_kept() {
    let mut engine = Engine::open_in_memory().unwrap();
    let (scripts, mut python) = reference::scripts().unwrap();
    let revisions = scripts.map.in_order();
    let mut ops = |id: &String, function: &str| scripts.operations(&mut python, id, function).unwrap();
    apply_all(&mut engine, &ops(&revisions[0], "upgrade")).unwrap();
    engine.exec("INSERT INTO users (name) VALUES ('John Doe')").unwrap();
    apply_all(&mut engine, &ops(&revisions[1], "upgrade")).unwrap();
    apply_all(&mut engine, &ops(&revisions[2], "upgrade")).unwrap();
    let log: Vec<String> = engine.take_log().into_iter().map(|s| s.sql).collect();
    assert!(log.contains(&"ALTER TABLE users ADD COLUMN email VARCHAR(120)".to_string()));
    assert!(log.iter().any(|s| s.starts_with("CREATE TABLE posts (")));
    engine.exec("INSERT INTO posts (title, user_id) VALUES ('Hello', 1)").unwrap();
    assert_eq!(rows(&mut engine, "SELECT id, name, email FROM users"), vec![vec![Value::Integer(1), Value::from("John Doe"), Value::Null]]);
    for id in revisions.iter().rev() {
        apply_all(&mut engine, &ops(id, "downgrade")).unwrap();
    }
    assert!(schema(&mut engine).is_empty());
}

#[test]
fn a_plain_alter_column_fails_on_sqlite_as_it_does_for_real() {
    let mut engine = seeded();
    let before = schema(&mut engine);
    engine.take_log();
    let err = apply_all(&mut engine, &[Op::AlterColumn(nullable_name())]).unwrap_err();
    assert_eq!((err.kind(), err.message()), (ErrorKind::OperationalError, "near \"ALTER\": syntax error"));
    assert_eq!(engine.take_log()[0].sql, "ALTER TABLE users ALTER COLUMN name DROP NOT NULL");
    assert_eq!(schema(&mut engine), before, "nothing changed");
}

#[test]
fn alter_column_statements_follow_alembics_order() {
    let alter = AlterColumn {
        nullable: Some(false),
        type_: Some(SqlType::String(Some(50))),
        server_default: Some(Some(alembic_lab::schema::ServerDefault::Literal("x".into()))),
        new_column_name: Some("full_name".into()),
        ..nullable_name()
    };
    let sql: Vec<String> = plan(&Op::AlterColumn(alter), None).unwrap().into_iter().map(|s| s.offline_text()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TABLE users ALTER COLUMN name SET NOT NULL;",
            "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'x';",
            "ALTER TABLE users ALTER COLUMN name TYPE VARCHAR(50);",
            "ALTER TABLE users RENAME COLUMN name TO full_name;",
        ]
    );
    let rename = AlterColumn { table: "users".into(), column: "name".into(), new_column_name: Some("full_name".into()), ..Default::default() };
    let mut engine = seeded();
    apply_all(&mut engine, &[Op::AlterColumn(rename)]).unwrap();
    assert_eq!(rows(&mut engine, "SELECT full_name FROM users WHERE id = 1"), vec![vec![Value::from("John Doe")]]);
}

#[test]
fn constraint_changes_outside_batch_mode_are_refused_with_alembics_words() {
    let mut engine = seeded();
    let op = Op::CreateUniqueConstraint { table: "users".into(), name: Some("uq_users_name".into()), columns: vec!["name".into()], conv: false };
    let err = apply_all(&mut engine, &[op]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotImplementedError);
    assert_eq!(
        err.message(),
        "No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which allows \
         for SQLite migrations using a copy-and-move strategy."
    );
}

#[test]
fn batch_mode_moves_and_copies_keeping_rows_even_under_a_foreign_key() {
    let mut engine = seeded();
    let batch = Op::Batch { table: "users".into(), ops: vec![Op::AlterColumn(nullable_name())], options: Default::default() };
    apply_all(&mut engine, &[batch]).unwrap();
    let log: Vec<String> = engine.take_log().into_iter().map(|s| s.sql).collect();
    assert_eq!(
        log,
        [
            "CREATE TABLE _alembic_tmp_users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR, \n\temail VARCHAR(120), \n\tPRIMARY KEY (id)\n)",
            "INSERT INTO _alembic_tmp_users (id, name, email) SELECT users.id, users.name, users.email \nFROM users",
            "DROP TABLE users",
            "ALTER TABLE _alembic_tmp_users RENAME TO users",
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
        ]
    );
    assert_eq!(rows(&mut engine, "SELECT count(*) FROM users"), vec![vec![Value::Integer(2)]]);
    engine.exec("INSERT INTO users (id, name) VALUES (3, NULL)").unwrap();
    // posts still points at users, and foreign keys are enforced again afterwards.
    assert_eq!(rows(&mut engine, "PRAGMA foreign_key_check"), Vec::<Vec<Value>>::new());
    assert_eq!(engine.exec("INSERT INTO posts VALUES (12, 99)").unwrap_err().message(), "FOREIGN KEY constraint failed");
}

#[test]
fn batch_mode_changes_types_renames_and_constraints() {
    let mut engine = seeded();
    let ops = vec![
        Op::AlterColumn(AlterColumn {
            table: "users".into(),
            column: "name".into(),
            type_: Some(SqlType::String(Some(50))),
            new_column_name: Some("full_name".into()),
            existing_type: Some(SqlType::String(None)),
            ..Default::default()
        }),
        Op::AddColumn { table: "users".into(), column: Column::new("age", SqlType::Integer) },
        Op::CreateCheckConstraint { table: "users".into(), name: Some("ck_users_age".into()), sqltext: "age >= 0".into() },
        Op::CreateIndex {
            table: "users".into(),
            index: Index { name: "ix_users_full_name".into(), columns: vec!["full_name".into()], unique: false, auto_named: true },
        },
    ];
    apply_all(&mut engine, &[Op::Batch { table: "users".into(), ops, options: Default::default() }]).unwrap();
    let log = engine.take_log();
    assert_eq!(
        log[1].sql,
        "INSERT INTO _alembic_tmp_users (id, full_name, email) SELECT users.id, CAST(users.name AS VARCHAR(50)) AS full_name, users.email \nFROM users"
    );
    assert_eq!(rows(&mut engine, "SELECT full_name, age FROM users WHERE id = 1"), vec![vec![Value::from("John Doe"), Value::Null]]);
    assert_eq!(engine.exec("UPDATE users SET age = -1").unwrap_err().message(), "CHECK constraint failed: ck_users_age");
    let indexes = rows(&mut engine, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name");
    assert_eq!(indexes, vec![vec![Value::from("ix_users_email")], vec![Value::from("ix_users_full_name")]]);
}

#[test]
fn a_batch_that_only_adds_columns_uses_plain_alter_table() {
    let mut engine = seeded();
    let batch = Op::Batch {
        table: "users".into(),
        ops: vec![Op::AddColumn { table: "users".into(), column: Column::new("age", SqlType::Integer) }],
        options: Default::default(),
    };
    apply_all(&mut engine, &[batch]).unwrap();
    assert_eq!(engine.take_log()[0].sql, "ALTER TABLE users ADD COLUMN age INTEGER");
}

#[test]
fn dropping_an_indexed_column_in_batch_fails_as_alembic_does() {
    // Real Alembic re-creates the reflected index after the copy and SQLite refuses it.
    let mut engine = seeded();
    let before = schema(&mut engine);
    let batch = Op::Batch {
        table: "users".into(),
        ops: vec![Op::DropColumn { table: "users".into(), column: "email".into(), existing: None }],
        options: Default::default(),
    };
    let err = apply_all(&mut engine, &[batch]).unwrap_err();
    assert_eq!(err.message(), "no such column: email");
    assert_eq!(schema(&mut engine), before, "rolled back whole");
}

#[test]
fn batch_needs_a_live_database_in_offline_mode() {
    let batch = Op::Batch { table: "users".into(), ops: vec![Op::AlterColumn(nullable_name())], options: Default::default() };
    let err = plan(&batch, None).unwrap_err();
    assert!(err.message().starts_with("This operation cannot proceed in --sql mode; batch mode with dialect sqlite"));
}

#[test]
fn a_failing_operation_rolls_back_the_ones_before_it() {
    let mut engine = seeded();
    let before = schema(&mut engine);
    let ops = vec![
        Op::AddColumn { table: "users".into(), column: Column::new("age", SqlType::Integer) },
        Op::AddColumn { table: "users".into(), column: Column::new("nick", SqlType::String(None)).not_null() },
    ];
    let err = apply_all(&mut engine, &ops).unwrap_err();
    assert_eq!(err.message(), "Cannot add a NOT NULL column with default value NULL");
    assert_eq!(schema(&mut engine), before);
}

#[test]
fn bulk_insert_and_execute_run_as_written() {
    let mut engine = seeded();
    let ops = vec![
        Op::BulkInsert {
            table: "users".into(),
            columns: vec!["id".into(), "name".into()],
            rows: vec![vec![Some(Value::Integer(5)), Some(Value::from("O'Neil"))], vec![Some(Value::Integer(6)), Some(Value::from("Ann"))]],
        },
        Op::Execute { sql: "UPDATE users SET email = ? WHERE id = ?".into(), params: vec![Value::from("ann@example.com"), Value::Integer(6)] },
    ];
    apply_all(&mut engine, &ops).unwrap();
    assert_eq!(
        rows(&mut engine, "SELECT name, email FROM users WHERE id >= 5 ORDER BY id"),
        vec![vec![Value::from("O'Neil"), Value::Null], vec![Value::from("Ann"), Value::from("ann@example.com")]]
    );
}
