//! The Python console on the Lab: the seed's main() typed line by line, the errors the seed's code
//! raises, and the `create_all` pitfall shared with alembic through one named database.
//! Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::lab::{Lab, Sources};
use alembic_lab::Value;

fn lab() -> Lab {
    Lab::new(Sources { now: Box::new(|| "2026-11-20 09:14:03.118042".to_string()), seed: 7 })
}

fn ok(lab: &mut Lab, line: &str) -> Vec<String> {
    let result = lab.run(line);
    assert!(result.ok(), "{line}: {}", result.output.join("\n"));
    result.output
}


/// The tutorial's imports, as a Python session in the project folder starts.
fn imports(lab: &mut Lab) {
    ok(lab, "from src.db import Database");
    ok(lab, "from src.models.user import User");
}

#[test]
fn the_seed_main_typed_line_by_line() {
    let mut lab = lab();
    imports(&mut lab);
    assert_eq!(ok(&mut lab, "db = Database(\"sqlite.db\")"), ["INFO:src.db:Database connection established at sqlite.db"]);
    ok(&mut lab, "db.create_tables()");
    for name in ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"] {
        let logged = ok(&mut lab, &format!("db.create_user(User(name=\"{name}\"))"));
        assert_eq!(logged, [format!("INFO:src.db:User <User(name={name})> created in the database")], "the seed's log line");
    }
    assert_eq!(ok(&mut lab, "user = db.get_user(1)"), ["INFO:src.db:User <User(name=John Doe)> retrieved from the database"]);
    assert_eq!(ok(&mut lab, "print(user)"), ["<User(name=John Doe)>"]);
    assert_eq!(ok(&mut lab, "user.id"), ["1"]);
    assert_eq!(ok(&mut lab, "user.name"), ["'John Doe'"]);
    let updated = ok(&mut lab, "db.update_user(user_id=user.id, name=\"John Smith\")");
    assert_eq!(updated.last().map(String::as_str), Some("<User(name=John Smith)>"), "update_user returns the user: the REPL echoes it");
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
    imports(&mut lab);
    ok(&mut lab, "db = Database(\"sqlite.db\")");
    ok(&mut lab, "db.create_tables()");
    ok(&mut lab, "db.create_user(User(name=\"John Doe\"))");
    let last = |lab: &mut Lab, line: &str| {
        let result = lab.run(line);
        assert!(!result.ok(), "{line} should fail");
        result.error.map(|e| e.traceback_line()).unwrap_or_default()
    };
    assert_eq!(last(&mut lab, "db.update_user(1, email=\"x\")"), "AttributeError: User does not have attribute email");
    assert_eq!(last(&mut lab, "db.delete_user(user_id=999)"), "sqlalchemy.orm.exc.UnmappedInstanceError: Class 'builtins.NoneType' is not mapped");
    assert_eq!(last(&mut lab, "User(email=\"x\")"), "TypeError: 'email' is an invalid keyword argument for User");
    assert!(last(&mut lab, "db.create_user(User())").starts_with("sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: users.name"));
    // Each method opens its own session: the failed one leaves nothing behind.
    assert_eq!(ok(&mut lab, "db.get_user(1)").last().map(String::as_str), Some("<User(name=John Doe)>"));
    assert_eq!(last(&mut lab, "nobody = db.get_user(5)\nnobody.id"), "AttributeError: 'NoneType' object has no attribute 'id'");
    assert_eq!(ok(&mut lab, "1 + 1"), ["2"], "plain Python runs in the same session");
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
    imports(&mut lab);
    ok(&mut lab, "db = Database(\"sqlite.db\")");
    ok(&mut lab, "db.create_tables()");
    ok(&mut lab, "db.create_user(User(name=\"John Doe\"))");
    let result = lab.run("alembic upgrade head");
    assert!(result.error.as_ref().unwrap().traceback_line().contains("table users already exists"));
    ok(&mut lab, "alembic stamp head");
    assert_eq!(ok(&mut lab, "alembic upgrade head").len(), 2);
    assert_eq!(ok(&mut lab, "db.get_user(1)").last().map(String::as_str), Some("<User(name=John Doe)>"), "the data is still there");
}
