//! The JS API of DESIGN §4 in Chromium: `Database` as the page and learners' scripts call it, with
//! the bad values a browser can hand it. Run with `wasm-pack test --headless --chrome` (or `make
//! test-browser`).
#![cfg(all(target_family = "wasm", target_os = "unknown"))]

use alembic_lab::wasm::JsDatabase;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CREATE_USERS: &str =
    "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)";

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn json(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

/// `(name, message)` of a thrown JS error.
fn thrown(err: JsValue) -> (String, String) {
    let err: js_sys::Error = err.dyn_into().expect("an Error object");
    (err.name().into(), err.message().into())
}

fn seeded() -> JsDatabase {
    let db = JsDatabase::new("sqlite.db".into()).unwrap();
    db.create_tables().unwrap();
    for name in ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"] {
        db.create_user(js(&format!("{{\"name\": \"{name}\"}}"))).unwrap();
    }
    db
}

#[wasm_bindgen_test]
fn create_tables_stores_sqlalchemys_exact_ddl() {
    let db = JsDatabase::new("sqlite.db".into()).unwrap();
    assert_eq!(db.name().unwrap(), "sqlite.db");
    db.create_tables().unwrap();
    let tables = db.tables().unwrap();
    let first = Array::from(&tables).get(0);
    assert_eq!(get(&first, "name").as_string().unwrap(), "users");
    assert_eq!(get(&first, "sql").as_string().unwrap(), CREATE_USERS);
    assert_eq!(json(&get(&first, "columns")), r#"["id","name"]"#);
}

#[wasm_bindgen_test]
fn the_four_seed_users_get_ids_one_to_four() {
    let db = JsDatabase::new("sqlite.db".into()).unwrap();
    db.create_tables().unwrap();
    for (i, name) in ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"].iter().enumerate() {
        let user = db.create_user(js(&format!("{{\"name\": \"{name}\"}}"))).unwrap();
        assert_eq!(json(&user), format!("{{\"id\":{},\"name\":\"{name}\"}}", i + 1));
    }
    assert_eq!(
        json(&db.users().unwrap()),
        r#"[{"id":1,"name":"John Doe"},{"id":2,"name":"Jane Doe"},{"id":3,"name":"Jack Doe"},{"id":4,"name":"Jill Doe"}]"#
    );
}

#[wasm_bindgen_test]
fn get_update_delete_and_print() {
    let db = seeded();
    let user = db.get_user(1.into()).unwrap();
    assert_eq!(db.repr(user).unwrap(), "<User(name=John Doe)>");
    assert!(db.get_user(999.into()).unwrap().is_null());
    let updated = db.update_user(1.into(), js(r#"{"name": "John Smith"}"#)).unwrap();
    assert_eq!(json(&updated), r#"{"id":1,"name":"John Smith"}"#);
    db.delete_user(1.into()).unwrap();
    assert!(db.get_user(1.into()).unwrap().is_null());
    db.drop_tables().unwrap();
    assert_eq!(Array::from(&db.tables().unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn the_sql_log_has_each_statement_and_its_parameters() {
    let db = seeded();
    db.take_sql_log().unwrap();
    db.update_user(2.into(), js(r#"{"name": "Jane Smith"}"#)).unwrap();
    assert_eq!(
        json(&db.take_sql_log().unwrap()),
        concat!(
            r#"[{"sql":"BEGIN (implicit)","params":null},"#,
            r#"{"sql":"SELECT users.id AS users_id, users.name AS users_name \nFROM users \nWHERE users.id = ?\n LIMIT ? OFFSET ?","params":[2,1,0]},"#,
            r#"{"sql":"UPDATE users SET name=? WHERE users.id = ?","params":["Jane Smith",2]},"#,
            r#"{"sql":"COMMIT","params":null},"#,
            r#"{"sql":"BEGIN (implicit)","params":null},"#,
            r#"{"sql":"SELECT users.id, users.name \nFROM users \nWHERE users.id = ?","params":[2]},"#,
            r#"{"sql":"ROLLBACK","params":null},"#,
            r#"{"sql":"BEGIN (implicit)","params":null},"#,
            r#"{"sql":"SELECT users.id AS users_id, users.name AS users_name \nFROM users \nWHERE users.id = ?\n LIMIT ? OFFSET ?","params":[2,1,0]},"#,
            r#"{"sql":"ROLLBACK","params":null}]"#
        )
    );
}

#[wasm_bindgen_test]
fn errors_carry_the_python_class_as_name_and_the_tools_message() {
    let db = seeded();
    let cases: Vec<(Result<JsValue, JsValue>, &str, &str)> = vec![
        (db.update_user(1.into(), js(r#"{"email": "x"}"#)), "AttributeError", "User does not have attribute email"),
        (db.update_user(999.into(), js(r#"{"name": "x"}"#)), "AttributeError", "User does not have attribute name"),
        (
            db.delete_user(999.into()).map(|_| JsValue::NULL),
            "UnmappedInstanceError",
            "Class 'builtins.NoneType' is not mapped",
        ),
        (db.create_user(js(r#"{"email": "x"}"#)), "TypeError", "'email' is an invalid keyword argument for User"),
    ];
    for (outcome, name, message) in cases {
        assert_eq!(thrown(outcome.unwrap_err()), (name.to_string(), message.to_string()));
    }
    let (name, message) = thrown(db.create_user(js(r#"{"name": null}"#)).unwrap_err());
    assert_eq!(name, "IntegrityError");
    assert!(message.starts_with("(sqlite3.IntegrityError) NOT NULL constraint failed: users.name\n[SQL: INSERT INTO users (name) VALUES (?)]"), "{message}");
    // Each of the seed's methods has a session of its own: the next call works.
    assert_eq!(json(&db.get_user(1.into()).unwrap()), r#"{"id":1,"name":"John Doe"}"#);
    assert_eq!(Array::from(&db.users().unwrap()).length(), 4, "nothing changed");
}

#[wasm_bindgen_test]
fn bad_ids_are_type_errors_and_the_module_keeps_working() {
    let db = seeded();
    let bad: Vec<(JsValue, &str)> = vec![
        (JsValue::from_f64(f64::NAN), "NaN"),
        (JsValue::from_f64(1.5), "1.5"),
        (JsValue::from_f64(-1.0), "-1"),
        (JsValue::from_f64(f64::INFINITY), "Infinity"),
        (JsValue::from_f64(1e300), "1e+300"),
        ("1".into(), "a string (\"1\")"),
        (JsValue::NULL, "null"),
        (JsValue::UNDEFINED, "undefined"),
        (js("{}"), "a value of type object"),
        (js("[1]"), "an array"),
    ];
    for (id, shown) in bad {
        let expected = format!("getUser: user_id must be a whole number ≥ 0, got {shown}");
        assert_eq!(thrown(db.get_user(id.clone()).unwrap_err()), ("TypeError".into(), expected));
        let (name, _) = thrown(db.delete_user(id.clone()).unwrap_err());
        assert_eq!(name, "TypeError");
        let (name, _) = thrown(db.update_user(id, js(r#"{"name": "x"}"#)).unwrap_err());
        assert_eq!(name, "TypeError");
    }
    assert_eq!(json(&db.get_user(4.into()).unwrap()), r#"{"id":4,"name":"Jill Doe"}"#);
}

#[wasm_bindgen_test]
fn bad_field_objects_are_type_errors() {
    let db = seeded();
    let bad: Vec<(JsValue, &str)> = vec![
        (JsValue::NULL, "createUser expects an object of fields like { name: \"John Doe\" }, got null"),
        ("John".into(), "createUser expects an object of fields like { name: \"John Doe\" }, got a string (\"John\")"),
        (js(r#"["John"]"#), "createUser expects an object of fields like { name: \"John Doe\" }, got an array"),
        (js(r#"{"name": {"first": "J"}}"#), "name must be a string, a number, true, false or null, got a value of type object"),
    ];
    for (fields, message) in bad {
        assert_eq!(thrown(db.create_user(fields).unwrap_err()), ("TypeError".into(), message.to_string()));
    }
    let (name, message) = thrown(db.create_user(js(r#"{"name": "J", "email": [1]}"#)).unwrap_err());
    assert_eq!((name.as_str(), message.as_str()), ("TypeError", "email must be a string, a number, true, false or null, got an array"));
    assert_eq!(thrown(JsDatabase::new(5.into()).err().unwrap()).0, "TypeError");
    assert_eq!(Array::from(&db.users().unwrap()).length(), 4);
}

#[wasm_bindgen_test]
fn hostile_and_huge_strings_are_stored_verbatim() {
    let db = seeded();
    let injection = "'); DROP TABLE users;--";
    let user = db.create_user(js(&format!("{{\"name\": {}}}", json(&injection.into())))).unwrap();
    assert_eq!(get(&user, "name").as_string().unwrap(), injection);
    let huge = "é".repeat(1 << 19); // 1 MB of UTF-8
    let fields = js_sys::Object::new();
    Reflect::set(&fields, &"name".into(), &huge.clone().into()).unwrap();
    let user = db.create_user(fields.into()).unwrap();
    let id = get(&user, "id");
    assert_eq!(get(&db.get_user(id).unwrap(), "name").as_string().unwrap(), huge);
    assert_eq!(Array::from(&db.tables().unwrap()).length(), 1, "users still there");
}

#[wasm_bindgen_test]
fn exec_runs_free_sql_and_reports_sqlites_own_errors() {
    let db = seeded();
    let result = db.exec("SELECT count(*) AS n, max(id) FROM users".into()).unwrap();
    assert_eq!(json(&result), r#"{"columns":["n","max(id)"],"rows":[[4,4]],"truncated":false}"#);
    let blob = db.exec("SELECT x'00ff', 9007199254740993, 1.5, NULL".into()).unwrap();
    let row = Array::from(&get(&blob, "rows")).get(0);
    // Bytes as an array of numbers; an integer past 2^53 as its exact digits.
    assert_eq!(json(&row), r#"[[0,255],"9007199254740993",1.5,null]"#);
    assert_eq!(
        thrown(db.exec("SELEC 1".into()).unwrap_err()),
        ("OperationalError".into(), "near \"SELEC\": syntax error".into())
    );
    assert_eq!(thrown(db.exec(JsValue::NULL).unwrap_err()).0, "TypeError");
    let stopped = db.exec("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c".into());
    assert_eq!(thrown(stopped.unwrap_err()), ("LabLimit".into(), "the lab stopped this statement after 0.5 s: an endless query?".into()));
    assert_eq!(json(&get(&db.exec("SELECT 1".into()).unwrap(), "rows")), "[[1]]");
}

#[wasm_bindgen_test]
fn floats_print_like_python_with_the_browsers_digits() {
    alembic_lab::wasm::install_browser_float_text();
    for (value, expected) in [(1.5, "1.5"), (3.0, "3.0"), (1e16, "1e+16"), (0.00001, "1e-05"), (0.1 + 0.2, "0.30000000000000004")] {
        assert_eq!(alembic_lab::Value::Real(value).python_str(), expected);
    }
}

fn lab_run(lab: &alembic_lab::wasm::JsLab, line: &str) -> JsValue {
    lab.run(line.into()).unwrap()
}

#[wasm_bindgen_test]
fn the_lab_runs_alembic_commands_and_keeps_its_state() {
    use alembic_lab::wasm::JsLab;
    let lab = JsLab::new();
    let init = lab_run(&lab, "alembic init migrations");
    assert_eq!(get(&init, "ok").as_bool(), Some(true));
    assert!(get(&init, "output").as_string().unwrap().starts_with("Creating directory migrations ...  done"));
    let ini = lab.read_file("alembic.ini".into()).unwrap().replace("driver://user:pass@localhost/dbname", "sqlite:///sqlite.db");
    lab.write_file("alembic.ini".into(), ini.into()).unwrap();
    let env = lab.read_file("migrations/env.py".into()).unwrap().replace(
        "target_metadata = None",
        "from src.models.base import Base\nimport src.models.user\ntarget_metadata = Base.metadata",
    );
    lab.write_file("migrations/env.py".into(), env.into()).unwrap();
    let made = lab_run(&lab, "alembic revision --autogenerate -m \"Add User table\"");
    assert!(get(&made, "output").as_string().unwrap().contains("Detected added table 'users'"), "{}", json(&made));
    let revisions = Array::from(&lab.revisions().unwrap());
    assert_eq!(revisions.length(), 1);
    let first = revisions.get(0);
    assert_eq!(get(&first, "message").as_string().unwrap(), "Add User table");
    assert_eq!((get(&first, "isHead").as_bool(), get(&first, "isCurrent").as_bool()), (Some(true), Some(false)));
    let id = get(&first, "revision").as_string().unwrap();
    assert_eq!(id.len(), 12);

    let before = lab.snapshot().unwrap();
    lab_run(&lab, "alembic upgrade head");
    assert_eq!(json(&lab.current().unwrap()), format!("[\"{id}\"]"));
    assert!(json(&lab.tables().unwrap()).contains("\"name\":\"users\""));
    assert!(json(&lab.take_sql_log().unwrap()).contains("CREATE TABLE users"));
    let file = lab.export_db().unwrap();
    assert_eq!(&file.to_vec()[..16], b"SQLite format 3\0");

    lab.restore(before.into()).unwrap();
    assert_eq!(json(&lab.current().unwrap()), "[]", "back to before the upgrade");
    lab.import_db(file.into()).unwrap();
    assert_eq!(json(&lab.current().unwrap()), format!("[\"{id}\"]"), "the exported file carries alembic_version");

    let failed = lab_run(&lab, "alembic upgrade zzzz");
    assert_eq!(get(&failed, "ok").as_bool(), Some(false));
    assert_eq!(get(&get(&failed, "error"), "message").as_string().unwrap(), "Can't locate revision identified by 'zzzz'");
    let refused = lab_run(&lab, "rm -rf /");
    assert_eq!(get(&refused, "ok").as_bool(), Some(false));
    assert!(get(&refused, "output").as_string().unwrap().starts_with("rm: it is dangerous to operate recursively on '/'"));
    let unknown = lab_run(&lab, "sudo rm -rf /");
    assert_eq!(get(&get(&unknown, "error"), "name").as_string().unwrap(), "NotAvailable", "a shell command the lab does not run");
    assert!(get(&unknown, "output").as_string().unwrap().starts_with("not available in this lab: the shell command `sudo`"));
    let printed = lab_run(&lab, "print(\"hi\")");
    assert_eq!(get(&printed, "output").as_string().unwrap(), "hi");
}

#[wasm_bindgen_test]
fn the_lab_refuses_bad_values_cleanly() {
    use alembic_lab::wasm::JsLab;
    let lab = JsLab::new();
    assert_eq!(thrown(lab.run(5.into()).unwrap_err()).0, "TypeError");
    assert_eq!(thrown(lab.write_file("../x".into(), "y".into()).unwrap_err()).0, "ValueError");
    assert_eq!(thrown(lab.read_file("nope".into()).unwrap_err()).0, "FileNotFoundError");
    assert_eq!(thrown(lab.restore("x".into()).unwrap_err()).0, "TypeError");
    let junk = js_sys::Uint8Array::from(&b"junk"[..]);
    assert_eq!(thrown(lab.restore(junk.clone().into()).unwrap_err()).1, "not a lab snapshot");
    assert_eq!(thrown(lab.import_db(junk.into()).unwrap_err()).1, "file is not a database");
    let unclosed = lab_run(&lab, "alembic revision -m \"open");
    assert_eq!(get(&get(&unclosed, "error"), "name").as_string().unwrap(), "SyntaxError");
    assert!(lab.read_file("main.py".into()).unwrap().contains("def main():"), "still working");
}

/// Calls `object.method(...args)` through JavaScript, as the page does, so wasm-bindgen's own
/// entry point (and its borrow of the object) is part of the call.
fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(object, &method.into())?.dyn_into()?;
    function.apply(object, &args.iter().cloned().collect::<Array>())
}

/// Values that throw when looked at, and ones that call back into the object being called.
fn hostile_values() -> Vec<JsValue> {
    [
        "({ get name() { throw new Error('a getter that throws') } })",
        "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()",
        "new Proxy({}, { ownKeys() { throw new Error('trap') }, get() { throw new Error('trap') } })",
        "({ get name() { hostileLab.run('ls'); hostileDb.getUser(1); return 'Ann'; } })",
        "({ get users() { return hostileLab.files(); } })",
        "new Proxy(new Uint8Array(4), { getPrototypeOf() { throw new Error('trap') } })",
    ]
    .iter()
    .map(|source| js_sys::eval(source).expect("a hostile value"))
    .collect()
}

#[wasm_bindgen_test]
fn throwing_getters_proxies_and_callbacks_never_lock_an_object() {
    let lab: JsValue = alembic_lab::wasm::JsLab::new().into();
    let db: JsValue = JsDatabase::new("sqlite.db".into()).unwrap().into();
    let global = js_sys::global();
    Reflect::set(&global, &"hostileLab".into(), &lab).unwrap();
    Reflect::set(&global, &"hostileDb".into(), &db).unwrap();
    call(&db, "createTables", &[]).unwrap();
    let lab_methods = [
        "run", "writeFile", "removeFile", "readFile", "files", "revisions", "current", "tables", "tablesWindow",
        "databaseName", "databaseNames", "cellBytes", "takeSqlLog", "exec", "setStatementBudget", "snapshot", "restore", "exportDb", "importDb",
    ];
    let db_methods = ["createTables", "createUser", "getUser", "updateUser", "deleteUser", "users", "repr", "tables", "takeSqlLog", "exec"];
    for value in hostile_values() {
        for method in lab_methods {
            let _ = call(&lab, method, &[value.clone(), value.clone()]);
            let _ = call(&lab, method, &["alembic.ini".into(), value.clone()]);
        }
        for method in db_methods {
            let _ = call(&db, method, &[value.clone(), value.clone()]);
            let _ = call(&db, method, &[1.into(), value.clone()]);
        }
    }
    // The same objects still answer, and still hold their state.
    let result = call(&lab, "run", &["ls".into()]).expect("the lab still runs lines");
    assert_eq!(get(&result, "output").as_string().unwrap(), "main.py  src/");
    assert!(call(&lab, "snapshot", &[]).is_ok());
    let user = call(&db, "createUser", &[js(r#"{"name": "Still here"}"#)]).expect("the database still works");
    assert_eq!(get(&user, "name").as_string().unwrap(), "Still here");
    // A callback into the same object works too.
    let nested = js_sys::eval("({ get name() { return hostileDb.users().length + ' users' } })").unwrap();
    let user = call(&db, "createUser", &[nested]).unwrap();
    assert!(get(&user, "name").as_string().unwrap().ends_with(" users"));
}

#[wasm_bindgen_test]
fn an_endless_query_is_stopped_and_the_lab_keeps_working() {
    let lab = alembic_lab::wasm::JsLab::new();
    lab.set_statement_budget(100.into()).unwrap();
    let err = lab.exec("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c".into()).unwrap_err();
    assert_eq!(thrown(err), ("LabLimit".into(), "the lab stopped this statement after 0.1 s: an endless query?".into()));
    assert!(lab.exec("SELECT 1".into()).is_ok());
}

#[wasm_bindgen_test]
fn a_huge_value_reaches_the_page_as_its_size_and_first_part() {
    let lab = alembic_lab::wasm::JsLab::new();
    let (name, message) = thrown(lab.exec("SELECT zeroblob(135000000)".into()).unwrap_err());
    assert_eq!((name.as_str(), message.as_str()), ("OperationalError", "string or blob too big"));
    let result = lab.exec("SELECT zeroblob(2000), printf('%.*c', 20000, 'x'), x'00ff'".into()).unwrap();
    let row = Reflect::get(&get(&result, "rows"), &0.into()).unwrap();
    let blob = Reflect::get(&row, &0.into()).unwrap();
    assert_eq!(get(&blob, "blob").as_f64(), Some(2000.0));
    assert_eq!(Array::from(&get(&blob, "head")).length(), 32);
    let text = Reflect::get(&row, &1.into()).unwrap();
    assert_eq!(get(&text, "length").as_f64(), Some(20000.0));
    assert_eq!(get(&text, "text").as_string().unwrap().len(), 10_000);
    assert_eq!(json(&Reflect::get(&row, &2.into()).unwrap()), "[0,255]", "small blobs come whole");
    assert!(lab.run("ls".into()).is_ok(), "and the lab keeps working");
}

#[wasm_bindgen_test]
fn a_value_handed_over_cut_downloads_whole() {
    let lab = alembic_lab::wasm::JsLab::new();
    lab.exec("CREATE TABLE files (id INTEGER PRIMARY KEY, body); INSERT INTO files (body) VALUES (zeroblob(5000)), ('short')".into()).unwrap();
    assert_eq!(lab.cell_bytes("files".into(), "body".into(), 0.into(), JsValue::UNDEFINED).unwrap().length(), 5000);
    assert_eq!(lab.cell_bytes("files".into(), "body".into(), 1.into(), JsValue::UNDEFINED).unwrap().to_vec(), b"short");
    assert_eq!(thrown(lab.cell_bytes("files".into(), "body".into(), (-1).into(), JsValue::UNDEFINED).unwrap_err()).0, "TypeError");
    assert_eq!(thrown(lab.cell_bytes("nope".into(), "body".into(), 0.into(), JsValue::UNDEFINED).unwrap_err()).0, "OperationalError");
}

#[wasm_bindgen_test]
fn looking_at_a_fresh_lab_creates_no_database() {
    use alembic_lab::wasm::JsLab;
    let lab = JsLab::new();
    assert_eq!(json(&lab.tables().unwrap()), "[]");
    assert_eq!(json(&lab.tables_window(JsValue::NULL, 200.into(), JsValue::UNDEFINED).unwrap()), "[]");
    assert_eq!(json(&lab.current().unwrap()), "[]");
    assert_eq!(json(&lab.database_names().unwrap()), "[]");
    let snapshot = lab.snapshot().unwrap().to_vec();
    // The snapshot's last part: no database in it (a count of 0 before the random seed's 8 bytes).
    assert_eq!(&snapshot[snapshot.len() - 12..snapshot.len() - 8], &[0, 0, 0, 0], "no database was made by looking");
    lab_run(&lab, "from src.db import Database");
    lab_run(&lab, "Database(\"sqlite.db\").create_tables()");
    assert!(json(&lab.tables().unwrap()).contains("\"name\":\"users\""));
}

#[wasm_bindgen_test]
fn the_tables_of_a_database_the_learner_named_can_be_shown() {
    use alembic_lab::wasm::JsLab;
    let lab = JsLab::new();
    lab.write_file("blog.py".into(), "from sqlalchemy import create_engine, text\nengine = create_engine('sqlite:///blog.db')\nwith engine.begin() as c:\n    c.execute(text('CREATE TABLE posts (id INTEGER PRIMARY KEY, body)'))\n    c.execute(text(\"INSERT INTO posts (body) VALUES ('hello')\"))\n".into()).unwrap();
    lab_run(&lab, "python blog.py");
    assert_eq!(lab.database_name().unwrap(), "sqlite.db");
    assert_eq!(json(&lab.database_names().unwrap()), "[\"blog.db\"]", "the lab's own database was never opened");
    assert_eq!(json(&lab.tables_window(JsValue::NULL, 200.into(), JsValue::UNDEFINED).unwrap()), "[]");
    let blog = json(&lab.tables_window(JsValue::NULL, 200.into(), "blog.db".into()).unwrap());
    assert!(blog.contains("\"name\":\"posts\"") && blog.contains("hello"), "{blog}");
    assert_eq!(lab.cell_bytes("posts".into(), "body".into(), 0.into(), "blog.db".into()).unwrap().to_vec(), b"hello");
    lab_run(&lab, "from src.db import Database");
    lab_run(&lab, "Database(\"sqlite.db\").create_tables()");
    assert_eq!(json(&lab.database_names().unwrap()), "[\"sqlite.db\",\"blog.db\"]", "the lab's own first");
    assert_eq!(json(&lab.tables_window(JsValue::NULL, 200.into(), "nothing.db".into()).unwrap()), json(&lab.tables_window(JsValue::NULL, 200.into(), JsValue::UNDEFINED).unwrap()), "an unknown name shows the lab's own");
}
