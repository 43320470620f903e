//! The seed's `Database` class, method by method, against what real SQLAlchemy 2.1 does with the
//! seed's Python: the same SQL in the same order (its `echo=True` log), the same results and the
//! same exceptions. Runs natively and, through wasm-bindgen-test, in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::{Database, ErrorKind, LoggedStatement, Value};

const SELECT_USER: &str = "SELECT users.id, users.name \nFROM users \nWHERE users.id = ?";
const CREATE_USERS: &str =
    "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)";

fn name(n: &str) -> Vec<(String, Value)> {
    vec![("name".to_string(), Value::from(n))]
}

fn marker(sql: &str) -> LoggedStatement {
    LoggedStatement { sql: sql.into(), params: None }
}

fn stmt(sql: &str, params: Vec<Value>) -> LoggedStatement {
    LoggedStatement { sql: sql.into(), params: Some(params) }
}

fn fresh() -> Database {
    let mut db = Database::open("sqlite.db").unwrap();
    db.create_tables().unwrap();
    db.take_sql_log();
    db
}

fn names(db: &Database) -> Vec<(i64, String)> {
    db.users()
        .unwrap()
        .into_iter()
        .map(|u| match (u.get("id"), u.get("name")) {
            (Some(Value::Integer(id)), Some(Value::Text(name))) => (*id, name.clone()),
            other => panic!("unexpected user {other:?}"),
        })
        .collect()
}

/// The seed's `main()`, line by line, with the log real SQLAlchemy prints for each line.
#[test]
fn main_runs_the_same_sql_as_sqlalchemy() {
    let mut db = Database::open("sqlite.db").unwrap();

    db.create_tables().unwrap();
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt("PRAGMA main.table_info(\"users\")", vec![]),
            stmt("PRAGMA temp.table_info(\"users\")", vec![]),
            stmt(CREATE_USERS, vec![]),
            marker("COMMIT"),
        ]
    );
    assert_eq!(db.tables().unwrap()[0].sql, CREATE_USERS);

    for (i, n) in ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"].into_iter().enumerate() {
        let user = db.create_user(name(n)).unwrap();
        assert_eq!(user.get("id"), Some(&Value::Integer(i as i64 + 1)));
        assert_eq!(
            db.take_sql_log(),
            vec![
                marker("BEGIN (implicit)"),
                stmt("INSERT INTO users (name) VALUES (?)", vec![Value::from(n)]),
                marker("COMMIT"),
            ]
        );
    }

    let user = db.get_user(1).unwrap().unwrap();
    assert_eq!(db.take_sql_log(), vec![marker("BEGIN (implicit)"), stmt(SELECT_USER, vec![Value::Integer(1)])]);
    assert_eq!(db.repr(&user), "<User(name=John Doe)>");

    let updated = db.update_user(1, name("John Smith")).unwrap().unwrap();
    assert_eq!(updated.get("name"), Some(&Value::from("John Smith")));
    assert_eq!(
        db.take_sql_log(),
        vec![
            stmt("UPDATE users SET name=? WHERE users.id = ?", vec![Value::from("John Smith"), Value::Integer(1)]),
            marker("COMMIT"),
        ],
        "the user was loaded in this transaction, so update_user's get_user runs no SQL"
    );

    db.delete_user(1).unwrap();
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt(SELECT_USER, vec![Value::Integer(1)]),
            stmt("DELETE FROM users WHERE users.id = ?", vec![Value::Integer(1)]),
            marker("COMMIT"),
        ]
    );
    assert_eq!(names(&db), [(2, "Jane Doe".into()), (3, "Jack Doe".into()), (4, "Jill Doe".into())]);

    db.drop_tables().unwrap();
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt("PRAGMA main.table_info(\"users\")", vec![]),
            stmt("DROP TABLE users", vec![]),
            marker("COMMIT"),
        ]
    );
    assert!(db.tables().unwrap().is_empty());
}

#[test]
fn create_tables_leaves_an_existing_table_alone() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    db.create_tables().unwrap();
    assert_eq!(names(&db), [(1, "John Doe".into())]);
    assert_eq!(
        db.take_sql_log()[3..],
        [marker("BEGIN (implicit)"), stmt("PRAGMA main.table_info(\"users\")", vec![]), marker("COMMIT")]
    );
}

#[test]
fn drop_tables_never_fails_when_the_table_is_absent() {
    let mut db = Database::open("sqlite.db").unwrap();
    db.drop_tables().unwrap();
    db.drop_tables().unwrap();
    assert_eq!(
        db.take_sql_log()[..4],
        [
            marker("BEGIN (implicit)"),
            stmt("PRAGMA main.table_info(\"users\")", vec![]),
            stmt("PRAGMA temp.table_info(\"users\")", vec![]),
            marker("COMMIT"),
        ]
    );
}

#[test]
fn get_user_is_none_for_a_missing_id_and_keeps_the_transaction_open() {
    let mut db = fresh();
    assert!(db.get_user(999).unwrap().is_none());
    db.create_user(name("Jane Doe")).unwrap();
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt(SELECT_USER, vec![Value::Integer(999)]),
            stmt("INSERT INTO users (name) VALUES (?)", vec![Value::from("Jane Doe")]),
            marker("COMMIT"),
        ],
        "the session's transaction began with the SELECT, so the INSERT needs no new BEGIN"
    );
}

#[test]
fn update_user_with_an_unknown_field_is_the_seeds_attribute_error() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    let err = db.update_user(1, vec![("email".into(), Value::from("x"))]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AttributeError);
    assert_eq!(err.message(), "User does not have attribute email");
    assert_eq!(names(&db), [(1, "John Doe".into())]);
}

#[test]
fn update_user_of_a_missing_user_is_an_attribute_error_on_none() {
    let mut db = fresh();
    let err = db.update_user(999, name("x")).unwrap_err();
    assert_eq!(err.to_string(), "AttributeError: User does not have attribute name");
    assert!(db.update_user(999, vec![]).unwrap().is_none(), "no fields: nothing to fail on");
}

#[test]
fn update_user_with_the_same_value_runs_no_update() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    db.take_sql_log();
    db.update_user(1, name("John Doe")).unwrap();
    assert_eq!(
        db.take_sql_log(),
        vec![marker("BEGIN (implicit)"), stmt(SELECT_USER, vec![Value::Integer(1)]), marker("COMMIT")]
    );
}

#[test]
fn a_field_set_before_an_attribute_error_is_flushed_by_the_next_commit() {
    // As in real SQLAlchemy: the loop set `name` before failing on `email`; the object stays dirty.
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    let mut fields = name("Johnny");
    fields.push(("email".into(), Value::from("x")));
    db.update_user(1, fields).unwrap_err();
    assert_eq!(names(&db), [(1, "John Doe".into())], "nothing reached the database yet");
    db.create_user(name("Jane Doe")).unwrap();
    assert_eq!(names(&db), [(1, "Johnny".into()), (2, "Jane Doe".into())]);
}

#[test]
fn delete_user_of_a_missing_user_is_unmapped_instance_error() {
    let mut db = fresh();
    let err = db.delete_user(999).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnmappedInstanceError);
    assert_eq!(err.message(), "Class 'builtins.NoneType' is not mapped");
    assert_eq!(err.traceback_line(), "sqlalchemy.orm.exc.UnmappedInstanceError: Class 'builtins.NoneType' is not mapped");
}

#[test]
fn a_null_name_fails_the_flush_and_the_session_needs_rollback() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    db.take_sql_log();
    let err = db.create_user(vec![("name".into(), Value::Null)]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IntegrityError);
    assert_eq!(err.message(), "NOT NULL constraint failed: users.name");
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt("INSERT INTO users (name) VALUES (?)", vec![Value::Null]),
            marker("ROLLBACK"),
        ]
    );
    assert_eq!(names(&db), [(1, "John Doe".into())]);

    let err = db.get_user(1).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PendingRollbackError);
    assert_eq!(
        err.message(),
        "This Session's transaction has been rolled back due to a previous exception during flush. To begin a \
         new transaction with this Session, first issue Session.rollback(). Original exception was: \
         (sqlite3.IntegrityError) NOT NULL constraint failed: users.name"
    );
    db.create_tables().unwrap(); // the engine is not the session: create_all still works

    db.rollback();
    db.take_sql_log();
    db.create_user(name("Jane Doe")).unwrap();
    assert_eq!(names(&db), [(1, "John Doe".into()), (2, "Jane Doe".into())]);
}

#[test]
fn a_missing_name_is_inserted_as_null_like_user_with_no_arguments() {
    let mut db = fresh();
    let err = db.create_user(vec![]).unwrap_err();
    assert_eq!(err.message(), "NOT NULL constraint failed: users.name");
}

#[test]
fn an_update_to_null_is_rolled_back() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    db.take_sql_log();
    let err = db.update_user(1, vec![("name".into(), Value::Null)]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IntegrityError);
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt(SELECT_USER, vec![Value::Integer(1)]),
            stmt("UPDATE users SET name=? WHERE users.id = ?", vec![Value::Null, Value::Integer(1)]),
            marker("ROLLBACK"),
        ]
    );
    db.rollback();
    assert_eq!(names(&db), [(1, "John Doe".into())]);
}

#[test]
fn an_unknown_keyword_is_the_constructors_type_error() {
    let mut db = fresh();
    let err = db.create_user(vec![("email".into(), Value::from("x"))]).unwrap_err();
    assert_eq!(err.to_string(), "TypeError: 'email' is an invalid keyword argument for User");
    assert!(db.take_sql_log().is_empty(), "the constructor fails before any SQL");
}

#[test]
fn changing_the_primary_key_to_a_taken_one_is_a_unique_violation() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    db.create_user(name("Jane Doe")).unwrap();
    let err = db.update_user(1, vec![("id".into(), Value::Integer(2))]).unwrap_err();
    assert_eq!(err.message(), "UNIQUE constraint failed: users.id");
    db.rollback();
    db.update_user(1, vec![("id".into(), Value::Integer(5))]).unwrap();
    assert_eq!(names(&db), [(2, "Jane Doe".into()), (5, "John Doe".into())]);
}

#[test]
fn methods_on_a_dropped_table_fail_with_sqlites_words_and_change_nothing() {
    let mut db = Database::open("sqlite.db").unwrap();
    let err = db.create_user(name("John Doe")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OperationalError);
    assert_eq!(err.message(), "no such table: users");
    db.rollback();
    let err = db.get_user(1).unwrap_err();
    assert_eq!(err.message(), "no such table: users");
    assert!(db.tables().unwrap().is_empty());
}

#[test]
fn learner_text_is_stored_verbatim() {
    let mut db = fresh();
    let tricky = ["'); DROP TABLE users;--", "<img src=x onerror=alert(1)>", "名前 🎉", "a\0b"];
    for t in tricky {
        db.create_user(name(t)).unwrap();
    }
    let big = "x".repeat(1 << 20);
    db.create_user(name(&big)).unwrap();
    let stored: Vec<String> = names(&db).into_iter().map(|(_, n)| n).collect();
    assert_eq!(stored[..4], tricky.map(String::from));
    assert_eq!(stored[4].len(), 1 << 20);
}

#[test]
fn exec_answers_with_sqlite_and_is_logged() {
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    db.take_sql_log();
    let result = db.exec("SELECT id, upper(name) AS shout FROM users").unwrap();
    assert_eq!(result.columns, ["id", "shout"]);
    assert_eq!(result.rows, vec![vec![Value::Integer(1), Value::from("JOHN DOE")]]);
    assert_eq!(db.take_sql_log(), vec![stmt("SELECT id, upper(name) AS shout FROM users", vec![])]);
    assert_eq!(db.exec("SELECT * FROM nope").unwrap_err().message(), "no such table: nope");
}

#[test]
fn a_flush_of_several_statements_is_all_or_nothing() {
    // A pending rename and a failing INSERT flush together: neither reaches the database.
    let mut db = fresh();
    db.create_user(name("John Doe")).unwrap();
    let mut fields = name("Johnny");
    fields.push(("email".into(), Value::from("x")));
    db.update_user(1, fields).unwrap_err(); // leaves the rename pending
    db.take_sql_log();
    let err = db.create_user(vec![("name".into(), Value::Null)]).unwrap_err();
    assert_eq!(err.message(), "NOT NULL constraint failed: users.name");
    assert_eq!(
        db.take_sql_log(),
        vec![
            stmt("UPDATE users SET name=? WHERE users.id = ?", vec![Value::from("Johnny"), Value::Integer(1)]),
            stmt("INSERT INTO users (name) VALUES (?)", vec![Value::Null]),
            marker("ROLLBACK"),
        ]
    );
    assert_eq!(names(&db), [(1, "John Doe".into())]);
}
