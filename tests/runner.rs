//! The runner against what real Alembic 1.20 printed and did for the same revisions on SQLite
//! (`alembic upgrade`, `downgrade`, `stamp`, `--sql`): output lines, `alembic_version`, schema and
//! rows. Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::cell::RefCell;
use std::rc::Rc;

use alembic_lab::databases::SharedEngine;
use alembic_lab::engine::Engine;
use alembic_lab::interp::object::Obj;
use alembic_lab::interp::Interpreter;
use alembic_lab::migrate::reference;
use alembic_lab::migrate::runner::{self, current_heads, Scripts};
use alembic_lab::Result;
use alembic_lab::{ErrorKind, Value};

const R1: &str = "3f1a9c2b7d40";
const R2: &str = "8e2d41b6c0f3";
const R3: &str = "c47a0e9b2d15";

/// The reference revision files, with the interpreter that runs them.
struct Loaded {
    scripts: Scripts,
    python: RefCell<Interpreter>,
}

fn scripts() -> Loaded {
    let (scripts, python) = reference::scripts().unwrap();
    Loaded { scripts, python: RefCell::new(python) }
}

fn open() -> SharedEngine {
    Rc::new(RefCell::new(Engine::open_in_memory().unwrap()))
}

/// What a run printed, and the data its downgrades dropped.
#[derive(Debug)]
struct Report {
    output: Vec<String>,
    data_lost: Vec<(String, i64)>,
}

/// Runs the runner as env.py's `run_migrations()` does: inside a Python run whose logging shows
/// Alembic's lines as alembic.ini's format writes them.
fn run(loaded: &Loaded, body: impl FnOnce(&mut Interpreter, &Scripts, &mut Vec<String>) -> Result<Vec<(String, i64)>>) -> Result<Report> {
    let mut python = loaded.python.borrow_mut();
    let mut result = None;
    let (_, outcome) = python.run_host(|py| {
        let logging = py.import("logging")?;
        let basic = py.get_attr(&logging, "basicConfig")?;
        py.call(basic, Vec::new(), vec![("format".into(), Obj::str("%(levelname)-5.5s [%(name)s] %(message)s")), ("level".into(), Obj::Int(20))])?;
        let mut out = Vec::new();
        let ran = body(py, &loaded.scripts, &mut out);
        let flushed = loaded.scripts.flush(py, &mut out);
        if let Some(raised) = loaded.scripts.take_pending() {
            return Err(raised);
        }
        result = Some(ran.and_then(|lost| flushed.map(|()| lost)));
        Ok(Obj::None)
    });
    let text = outcome.output;
    if let Some((class, traceback)) = outcome.error {
        return Err(runner::python_error(&class, &traceback));
    }
    let lost = result.unwrap_or_else(|| Ok(Vec::new()))?;
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let output = if text.is_empty() { Vec::new() } else { text.split('\n').map(str::to_string).collect() };
    Ok(Report { output, data_lost: lost })
}

fn upgrade(db: &SharedEngine, loaded: &Loaded, target: &str, sql: bool) -> Result<Report> {
    run(loaded, |py, scripts, out| runner::upgrade(py, db, scripts, target, sql, out))
}

fn downgrade(db: &SharedEngine, loaded: &Loaded, target: &str, sql: bool) -> Result<Report> {
    run(loaded, |py, scripts, out| runner::downgrade(py, db, scripts, target, sql, out))
}

fn stamp(db: &SharedEngine, loaded: &Loaded, target: &str, purge: bool, sql: bool) -> Result<Report> {
    run(loaded, |_, scripts, out| runner::stamp(&mut db.borrow_mut(), scripts, &[target.to_string()], purge, sql, out).map(|()| Vec::new()))
}

fn running(lines: &[String]) -> Vec<&str> {
    lines.iter().filter(|l| l.contains("Running ")).map(|l| l.as_str()).collect()
}

fn tables(engine: &SharedEngine) -> Vec<String> {
    engine.borrow().tables().unwrap().into_iter().map(|t| t.name).collect()
}

#[test]
fn upgrade_current_downgrade_and_stamp_print_what_alembic_prints() {
    let scripts = scripts();
    let db = open();
    let report = upgrade(&db, &scripts, R1, false).unwrap();
    // The context's opening lines are context.configure()'s (tests/oracle has them).
    assert_eq!(report.output, ["INFO  [alembic.runtime.migration] Running upgrade  -> 3f1a9c2b7d40, Add User table"]);
    assert_eq!(tables(&db), ["alembic_version", "users"]);
    let log: Vec<String> = db.borrow_mut().take_log().into_iter().map(|s| s.sql).collect();
    assert!(log.contains(&"INSERT INTO alembic_version (version_num) VALUES ('3f1a9c2b7d40') RETURNING version_num".to_string()));
    assert_eq!(
        db.borrow().tables().unwrap()[0].sql,
        "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"
    );

    let report = upgrade(&db, &scripts, "head", false).unwrap();
    assert_eq!(
        running(&report.output),
        [
            "INFO  [alembic.runtime.migration] Running upgrade 3f1a9c2b7d40 -> 8e2d41b6c0f3, Add email to users",
            "INFO  [alembic.runtime.migration] Running upgrade 8e2d41b6c0f3 -> c47a0e9b2d15, Add posts table",
        ]
    );
    assert_eq!(current_heads(&mut db.borrow_mut()).unwrap(), [R3]);

    let report = downgrade(&db, &scripts, "-1", false).unwrap();
    assert_eq!(running(&report.output), ["INFO  [alembic.runtime.migration] Running downgrade c47a0e9b2d15 -> 8e2d41b6c0f3, Add posts table"]);
    assert_eq!(current_heads(&mut db.borrow_mut()).unwrap(), [R2]);

    let err = downgrade(&db, &scripts, "-5", false).unwrap_err();
    assert_eq!((err.kind(), err.message()), (ErrorKind::CommandError, "Relative revision -5 didn't produce 5 migrations"));
    let err = upgrade(&db, &scripts, "zzzz", false).unwrap_err();
    assert_eq!(err.message(), "Can't locate revision identified by 'zzzz'");

    let report = downgrade(&db, &scripts, "base", false).unwrap();
    assert_eq!(
        running(&report.output),
        [
            "INFO  [alembic.runtime.migration] Running downgrade 8e2d41b6c0f3 -> 3f1a9c2b7d40, Add email to users",
            "INFO  [alembic.runtime.migration] Running downgrade 3f1a9c2b7d40 -> , Add User table",
        ]
    );
    assert_eq!(tables(&db), ["alembic_version"], "downgrade base empties alembic_version but keeps it");
    assert!(current_heads(&mut db.borrow_mut()).unwrap().is_empty());

    let report = upgrade(&db, &scripts, "+2", false).unwrap();
    assert_eq!(running(&report.output).len(), 2);
    assert_eq!(current_heads(&mut db.borrow_mut()).unwrap(), [R2]);

    let report = stamp(&db, &scripts, "head", false, false).unwrap();
    assert_eq!(report.output, ["INFO  [alembic.runtime.migration] Running stamp_revision 8e2d41b6c0f3 -> c47a0e9b2d15"]);
    assert_eq!(current_heads(&mut db.borrow_mut()).unwrap(), [R3]);
    assert!(!tables(&db).contains(&"posts".to_string()), "stamp runs nothing");
    stamp(&db, &scripts, "base", false, false).unwrap();
    assert!(current_heads(&mut db.borrow_mut()).unwrap().is_empty());
}

#[test]
fn create_all_then_upgrade_head_fails_and_stamping_the_matching_revision_fixes_it() {
    // In the walkthrough only the first revision exists at this point, so `stamp head` is the fix there.
    let scripts = scripts();
    let db = open();
    db.borrow_mut().exec("CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)").unwrap();
    db.borrow_mut().exec("INSERT INTO users (name) VALUES ('John Doe')").unwrap();
    let err = upgrade(&db, &scripts, "head", false).unwrap_err().traceback_line();
    assert!(err.starts_with("sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) table users already exists\n[SQL: \nCREATE TABLE users ("), "{err}");
    assert!(err.ends_with("(Background on this error at: https://sqlalche.me/e/21/e3q8)"));
    assert!(current_heads(&mut db.borrow_mut()).unwrap().is_empty(), "nothing recorded");
    stamp(&db, &scripts, R1, false, false).unwrap();
    upgrade(&db, &scripts, "head", false).unwrap();
    assert_eq!(current_heads(&mut db.borrow_mut()).unwrap(), [R3]);
    assert_eq!(db.borrow_mut().exec("SELECT name, email FROM users").unwrap().rows, vec![vec![Value::from("John Doe"), Value::Null]]);
}

#[test]
fn a_failing_revision_rolls_back_its_writes_and_keeps_the_last_good_one() {
    let mut files: alembic_lab::Files = reference::FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    let broken = reference::FILES[4].1.replace(
        "    op.add_column('users', sa.Column('email', sa.String(length=120), nullable=True))",
        "    op.add_column('users', sa.Column('email', sa.String(length=120), nullable=True))\n    op.execute('INSERT INTO nowhere VALUES (1)')",
    );
    files.insert(reference::FILES[4].0.to_string(), broken);
    let paths: Vec<String> = files.keys().filter(|p| p.contains("/versions/")).cloned().collect();
    let (scripts, python) = Scripts::from_files(files, alembic_lab::databases::Databases::new(5_000.0), &paths).unwrap();
    let scripts = Loaded { scripts, python: RefCell::new(python) };
    let db = open();
    let err = upgrade(&db, &scripts, "head", false).unwrap_err();
    assert_eq!(
        err.traceback_line(),
        "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: nowhere\n[SQL: INSERT INTO nowhere VALUES (1)]\n(Background on this error at: https://sqlalche.me/e/21/e3q8)"
    );
    assert!(err.message().contains("line 25, in upgrade\n    op.execute('INSERT INTO nowhere VALUES (1)')"), "the traceback points at the revision's line: {}", err.message());
    assert_eq!(current_heads(&mut db.borrow_mut()).unwrap(), [R1]);
    let columns = db.borrow().tables().unwrap().into_iter().find(|t| t.name == "users").unwrap().columns;
    // As on the learner's machine: Python's sqlite3 runs DDL at once and opens a transaction only
    // at the first write, so the column added before the failing INSERT stays (recorded in
    // tests/oracle/fixtures/python_in_revisions.json, step 3).
    assert_eq!(columns, ["id", "name", "email"]);
}

#[test]
fn downgrading_a_drop_reports_the_data_lost() {
    let scripts = scripts();
    let db = open();
    upgrade(&db, &scripts, "head", false).unwrap();
    db.borrow_mut().exec("INSERT INTO users (name, email) VALUES ('John', 'j@example.com'), ('Jane', NULL); INSERT INTO posts (title, user_id) VALUES ('Hi', 1)")
        .unwrap();
    let report = downgrade(&db, &scripts, R1, false).unwrap();
    assert_eq!(report.data_lost, vec![("posts".to_string(), 1), ("users.email".to_string(), 1)]);
}

#[test]
fn offline_sql_is_what_alembic_writes() {
    let scripts = scripts();
    let db = open();
    let report = upgrade(&db, &scripts, "head", true).unwrap();
    let text = report.output.join("\n");
    assert!(text.starts_with(
        "CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);\n"
    ));
    assert!(text.contains(
        "-- Running upgrade  -> 3f1a9c2b7d40\n\nCREATE TABLE users (\n    id INTEGER NOT NULL, \n    name VARCHAR NOT NULL, \n    PRIMARY KEY (id)\n);\n\n\
         INSERT INTO alembic_version (version_num) VALUES ('3f1a9c2b7d40') RETURNING version_num;\n\n\
         INFO  [alembic.runtime.migration] Running upgrade 3f1a9c2b7d40 -> 8e2d41b6c0f3, Add email to users\n\
         -- Running upgrade 3f1a9c2b7d40 -> 8e2d41b6c0f3\n\nALTER TABLE users ADD COLUMN email VARCHAR(120);\n\n\
         UPDATE alembic_version SET version_num='8e2d41b6c0f3' WHERE alembic_version.version_num = '3f1a9c2b7d40';\n"
    ), "{text}");
    assert!(db.borrow().tables().unwrap().is_empty(), "--sql runs nothing");
    let report = downgrade(&db, &scripts, "c47a0e9b2d15:base", true).unwrap();
    assert!(report.output.join("\n").contains("-- Running downgrade 3f1a9c2b7d40 -> \n\nDROP TABLE users;\n\nDELETE FROM alembic_version WHERE alembic_version.version_num = '3f1a9c2b7d40';"));
}
