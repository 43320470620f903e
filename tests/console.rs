//! The Python console on the Lab: the seed's main() typed line by line, the errors the seed's code
//! raises, and the `create_all` pitfall shared with alembic through one named database.
//! Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::lab::{Lab, Sources};
use alembic_lab::{ErrorKind, Value};

fn lab() -> Lab {
    Lab::new(Sources { now: Box::new(|| "2026-11-20 09:14:03.118042".to_string()), seed: 7 })
}

fn ok(lab: &mut Lab, line: &str) -> Vec<String> {
    let result = lab.run(line);
    assert!(result.ok(), "{line}: {}", result.output.join("\n"));
    result.output
}

fn error(lab: &mut Lab, line: &str) -> (ErrorKind, String) {
    let result = lab.run(line);
    let err = result.error.unwrap_or_else(|| panic!("{line} should fail"));
    assert_eq!(result.output.last(), Some(&err.traceback_line()));
    (err.kind(), err.message().to_string())
}

#[test]
fn the_seed_main_typed_line_by_line() {
    let mut lab = lab();
    assert!(ok(&mut lab, "db = Database(\"sqlite.db\")").is_empty());
    ok(&mut lab, "db.create_tables()");
    for name in ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"] {
        let echoed = ok(&mut lab, &format!("db.create_user(User(name=\"{name}\"))"));
        assert_eq!(echoed, [format!("<User(name={name})>")], "the REPL echoes the returned user");
    }
    assert!(ok(&mut lab, "user = db.get_user(1)").is_empty());
    assert_eq!(ok(&mut lab, "print(user)"), ["<User(name=John Doe)>"]);
    assert_eq!(ok(&mut lab, "user.id"), ["1"]);
    assert_eq!(ok(&mut lab, "user.name"), ["'John Doe'"]);
    ok(&mut lab, "db.update_user(user_id=user.id, name=\"John Smith\")");
    ok(&mut lab, "db.delete_user(user_id=user.id)");
    let rows = lab.engine("sqlite.db").unwrap().borrow_mut().exec("SELECT id, name FROM users").unwrap().rows;
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], vec![Value::Integer(2), Value::from("Jane Doe")]);
    ok(&mut lab, "db.drop_tables()");
    assert!(lab.engine("sqlite.db").unwrap().borrow_mut().tables().unwrap().is_empty());
}

#[test]
fn mistakes_raise_what_python_and_sqlalchemy_raise() {
    let mut lab = lab();
    let undefined = lab.run("db.create_tables()");
    assert_eq!(undefined.output.last().map(String::as_str), Some("NameError: name 'db' is not defined"));
    ok(&mut lab, "db = Database(\"sqlite.db\")");
    ok(&mut lab, "db.create_tables()");
    ok(&mut lab, "db.create_user(User(name=\"John Doe\"))");
    assert_eq!(
        error(&mut lab, "db.update_user(1, email=\"x\")"),
        (ErrorKind::AttributeError, "User does not have attribute email".into())
    );
    assert_eq!(
        error(&mut lab, "db.delete_user(user_id=999)"),
        (ErrorKind::UnmappedInstanceError, "Class 'builtins.NoneType' is not mapped".into())
    );
    assert_eq!(error(&mut lab, "User(email=\"x\")"), (ErrorKind::TypeError, "'email' is an invalid keyword argument for User".into()));
    assert_eq!(error(&mut lab, "db.create_user(User())").1, "NOT NULL constraint failed: users.name");
    assert_eq!(error(&mut lab, "db.get_user(1)").0, ErrorKind::PendingRollbackError);
    ok(&mut lab, "db.session.rollback()");
    assert_eq!(ok(&mut lab, "db.get_user(1)"), ["<User(name=John Doe)>"]);
    assert_eq!(error(&mut lab, "nobody = db.get_user(5)\nnobody.id").1, "'NoneType' object has no attribute 'id'");
    assert_eq!(ok(&mut lab, "1 + 1"), ["2"], "plain Python runs in the console's Python session");
    assert!(lab.run("db.create_user(User(name=\"x\")").more, "an open bracket asks for more, as Python's REPL does");
}

#[test]
fn create_tables_then_alembic_upgrade_head_meets_the_same_database() {
    let mut lab = lab();
    ok(&mut lab, "alembic init migrations");
    let ini = lab.read_file("alembic.ini").unwrap().replace("driver://user:pass@localhost/dbname", "sqlite:///sqlite.db");
    lab.write_file("alembic.ini", &ini).unwrap();
    let env = lab.read_file("migrations/env.py").unwrap().replace(
        "target_metadata = None",
        "from src.models.base import Base\nimport src.models.user\n\ntarget_metadata = Base.metadata",
    );
    lab.write_file("migrations/env.py", &env).unwrap();
    ok(&mut lab, "alembic revision --autogenerate -m \"Add User table\"");
    ok(&mut lab, "db = Database(\"sqlite.db\")");
    ok(&mut lab, "db.create_tables()");
    ok(&mut lab, "db.create_user(User(name=\"John Doe\"))");
    let result = lab.run("alembic upgrade head");
    assert!(result.output.last().unwrap().contains("table users already exists"));
    ok(&mut lab, "alembic stamp head");
    assert_eq!(ok(&mut lab, "alembic upgrade head").len(), 2);
    assert_eq!(ok(&mut lab, "db.get_user(1)"), ["<User(name=John Doe)>"], "the data is still there");
}
