//! The seed's `Database` class called from the host (the page's JS `Database`, the benchmark):
//! each method runs the project's own `src/db.py` through the lab's Python, so the SQL it runs,
//! its results and its errors are what that file does with SQLAlchemy 2.1 (the seed programs of
//! tests/sqlalchemy check its printed output against the real library). Runs natively and, through
//! wasm-bindgen-test, in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::databases::Databases;
use alembic_lab::lab::SEED_FILES;
use alembic_lab::seed_database::SeedDatabase;
use alembic_lab::{LoggedStatement, Value};

const CREATE_USERS: &str = "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)";
const QUERY_USER: &str = "SELECT users.id AS users_id, users.name AS users_name \nFROM users \nWHERE users.id = ?\n LIMIT ? OFFSET ?";
const REFRESH_USER: &str = "SELECT users.id, users.name \nFROM users \nWHERE users.id = ?";

fn name(n: &str) -> Vec<(String, Value)> {
    vec![("name".to_string(), Value::from(n))]
}

fn marker(sql: &str) -> LoggedStatement {
    LoggedStatement { sql: sql.into(), params: None }
}

fn stmt(sql: &str, params: Vec<Value>) -> LoggedStatement {
    LoggedStatement { sql: sql.into(), params: Some(params) }
}

fn seeded() -> SeedDatabase {
    let mut db = SeedDatabase::open_seed("sqlite.db").unwrap();
    db.create_tables().unwrap();
    for n in ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"] {
        db.create_user(name(n)).unwrap();
    }
    db.take_sql_log();
    db.take_output();
    db
}

fn names(db: &SeedDatabase) -> Vec<(i64, String)> {
    db.users()
        .unwrap()
        .into_iter()
        .map(|u| match (u.get("id"), u.get("name")) {
            (Some(Value::Integer(id)), Some(Value::Text(name))) => (*id, name.clone()),
            other => panic!("unexpected row {other:?}"),
        })
        .collect()
}

#[test]
fn create_tables_runs_sqlalchemys_ddl_and_the_seed_logs_it() {
    let mut db = SeedDatabase::open_seed("sqlite.db").unwrap();
    assert_eq!(db.take_output(), "INFO:src.db:Database connection established at sqlite.db\n");
    db.create_tables().unwrap();
    assert_eq!(db.tables().unwrap()[0].sql, CREATE_USERS);
    assert_eq!(db.take_output(), "INFO:src.db:All tables created in the database\n");
    db.create_tables().unwrap();
    assert_eq!(db.tables().unwrap().len(), 1, "create_all leaves an existing table alone");
}

#[test]
fn users_get_ids_from_sqlite_and_come_back_as_records() {
    let mut db = SeedDatabase::open_seed("sqlite.db").unwrap();
    db.create_tables().unwrap();
    let john = db.create_user(name("John Doe")).unwrap();
    assert_eq!(john.fields, vec![("id".to_string(), Value::Integer(1)), ("name".to_string(), Value::from("John Doe"))]);
    db.create_user(name("Jane Doe")).unwrap();
    assert_eq!(names(&db), [(1, "John Doe".to_string()), (2, "Jane Doe".to_string())]);
    assert_eq!(db.get_user(2).unwrap().unwrap().get("name"), Some(&Value::from("Jane Doe")));
    assert_eq!(db.get_user(99).unwrap(), None);
    assert_eq!(db.repr(name("Ann")).unwrap(), "<User(name=Ann)>");
}

#[test]
fn update_user_runs_the_sql_sqlalchemy_runs_for_the_seed() {
    let mut db = seeded();
    let user = db.update_user(1, name("John Smith")).unwrap().unwrap();
    assert_eq!(user.get("name"), Some(&Value::from("John Smith")));
    assert_eq!(
        db.take_sql_log(),
        vec![
            marker("BEGIN (implicit)"),
            stmt(QUERY_USER, vec![Value::Integer(1), Value::Integer(1), Value::Integer(0)]),
            stmt("UPDATE users SET name=? WHERE users.id = ?", vec![Value::from("John Smith"), Value::Integer(1)]),
            marker("COMMIT"),
            // The log line after commit reads the expired user: a refresh SELECT.
            marker("BEGIN (implicit)"),
            stmt(REFRESH_USER, vec![Value::Integer(1)]),
            marker("ROLLBACK"),
            // `return self.get_user(user_id)`.
            marker("BEGIN (implicit)"),
            stmt(QUERY_USER, vec![Value::Integer(1), Value::Integer(1), Value::Integer(0)]),
            marker("ROLLBACK"),
        ]
    );
    assert_eq!(
        db.take_output(),
        "INFO:src.db:User <User(name=John Smith)> updated in the database\nINFO:src.db:User <User(name=John Smith)> retrieved from the database\n"
    );
}

#[test]
fn the_seeds_errors_are_python_exceptions_and_change_nothing() {
    let mut db = seeded();
    let err = db.update_user(1, vec![("age".to_string(), Value::Integer(3))]).unwrap_err();
    assert_eq!(err.class_name(), "AttributeError");
    assert_eq!(err.traceback_line(), "AttributeError: User does not have attribute age");
    let err = db.delete_user(42).unwrap_err();
    assert_eq!(err.class_name(), "sqlalchemy.orm.exc.UnmappedInstanceError");
    assert_eq!(err.traceback_line(), "sqlalchemy.orm.exc.UnmappedInstanceError: Class 'builtins.NoneType' is not mapped");
    let err = db.create_user(vec![("email".to_string(), Value::from("x"))]).unwrap_err();
    assert_eq!(err.traceback_line(), "TypeError: 'email' is an invalid keyword argument for User");
    let err = db.create_user(vec![("name".to_string(), Value::Null)]).unwrap_err();
    assert!(err.traceback_line().starts_with("sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: users.name"), "{}", err.traceback_line());
    assert_eq!(names(&db).len(), 4, "nothing changed");
    db.delete_user(4).unwrap();
    assert_eq!(names(&db).len(), 3, "the next call works");
}

#[test]
fn an_edit_to_src_db_py_changes_what_the_methods_do() {
    let mut files: alembic_lab::Files = SEED_FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    let db_py = files.get("src/db.py").expect("the seed has src/db.py").replace("logger.info(f\"User {user} created in the database\")", "logger.info(f\"Welcome, {user.name}!\")");
    files.insert("src/db.py".into(), db_py);
    let mut db = SeedDatabase::open(files, Databases::new(800.0), "edited.db").unwrap();
    db.create_tables().unwrap();
    db.take_output();
    db.create_user(name("Ann")).unwrap();
    assert_eq!(db.take_output(), "INFO:src.db:Welcome, Ann!\n");
}

#[test]
fn learner_text_is_stored_verbatim() {
    let mut db = seeded();
    for text in ["Robert'); DROP TABLE users;--", "<script>alert(1)</script>", "Zoë 🦀", ""] {
        let user = db.create_user(name(text)).unwrap();
        assert_eq!(user.get("name"), Some(&Value::from(text)));
    }
    assert_eq!(names(&db).len(), 8);
}

#[test]
fn exec_answers_with_sqlite() {
    let db = seeded();
    let result = db.exec("SELECT count(*) FROM users").unwrap();
    assert_eq!(result.rows, vec![vec![Value::Integer(4)]]);
    assert_eq!(db.exec("SELECT * FROM nope").unwrap_err().message(), "no such table: nope");
}
