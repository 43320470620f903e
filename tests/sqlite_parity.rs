//! The browser's SQLite (sqlite-wasm-rs, trimmed for size) and the native one (rusqlite's bundled
//! build) must behave alike, or a test that passes natively proves nothing about the page. Each test
//! here runs on both: natively with `cargo test`, in Chromium with `wasm-pack test`.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::engine::Engine;
use alembic_lab::Value;

fn one(engine: &mut Engine, sql: &str) -> Value {
    let result = engine.exec(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    result.rows[0][0].clone()
}

#[test]
fn foreign_keys_are_enforced() {
    let mut engine = Engine::open_in_memory().unwrap();
    assert_eq!(one(&mut engine, "PRAGMA foreign_keys"), Value::Integer(1));
    engine
        .exec("CREATE TABLE users (id INTEGER PRIMARY KEY); CREATE TABLE posts (user_id INTEGER REFERENCES users (id))")
        .unwrap();
    let err = engine.exec("INSERT INTO posts VALUES (7)").unwrap_err();
    assert_eq!(err.message(), "FOREIGN KEY constraint failed");
}

#[test]
fn math_functions_are_present() {
    let mut engine = Engine::open_in_memory().unwrap();
    assert_eq!(one(&mut engine, "SELECT sqrt(16)"), Value::Real(4.0));
    assert_eq!(one(&mut engine, "SELECT degrees(pi())"), Value::Real(180.0));
}

#[test]
fn the_features_migrations_rely_on_work() {
    let mut engine = Engine::open_in_memory().unwrap();
    engine.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)").unwrap();
    engine.exec("INSERT INTO t (a, b) VALUES ('x', 'y')").unwrap();
    engine.exec("ALTER TABLE t ADD COLUMN c INTEGER").unwrap();
    engine.exec("ALTER TABLE t RENAME COLUMN a TO a2").unwrap();
    engine.exec("ALTER TABLE t DROP COLUMN b").unwrap();
    engine.exec("ALTER TABLE t RENAME TO t2").unwrap();
    engine.exec("CREATE UNIQUE INDEX ix_t2_a2 ON t2 (a2)").unwrap();
    engine.exec("CREATE VIEW v AS SELECT a2 FROM t2").unwrap();
    engine.exec("CREATE TRIGGER tr AFTER INSERT ON t2 BEGIN UPDATE t2 SET c = 1; END").unwrap();
    assert_eq!(one(&mut engine, "INSERT INTO t2 (a2) VALUES ('z') RETURNING id"), Value::Integer(2));
    engine.exec("INSERT INTO t2 (id, a2) VALUES (2, 'w') ON CONFLICT (id) DO UPDATE SET a2 = excluded.a2").unwrap();
    assert_eq!(one(&mut engine, "SELECT group_concat(a2, ',' ORDER BY a2) FROM v"), Value::from("w,x"));
    assert_eq!(
        one(&mut engine, "WITH r AS (SELECT id, row_number() OVER (ORDER BY id DESC) AS n FROM t2) SELECT n FROM r WHERE id = 1"),
        Value::Integer(2)
    );
    assert_eq!(one(&mut engine, "SELECT count(*) FROM pragma_table_info('t2')"), Value::Integer(3));
    assert_eq!(one(&mut engine, "SELECT count(*) FROM pragma_index_list('t2')"), Value::Integer(1));
    engine.exec("VACUUM").unwrap_err(); // cannot VACUUM from within a transaction, on both sides
}

#[test]
fn json_functions_are_left_out_on_both_sides() {
    // Built without them to keep the page small (see .cargo/config.toml); the page says so.
    let mut engine = Engine::open_in_memory().unwrap();
    let err = engine.exec("SELECT json_extract('{\"a\": 1}', '$.a')").unwrap_err();
    assert_eq!(err.message(), "no such function: json_extract");
}

#[test]
fn double_quoted_strings_are_accepted_as_pythons_sqlite_does() {
    let mut engine = Engine::open_in_memory().unwrap();
    assert_eq!(one(&mut engine, "SELECT \"not a column\""), Value::from("not a column"));
}

#[test]
fn a_deep_expression_is_a_clean_error_not_a_crash() {
    let mut engine = Engine::open_in_memory().unwrap();
    let deep = format!("SELECT {}1{}", "(".repeat(5000), ")".repeat(5000));
    let err = engine.exec(&deep).unwrap_err();
    assert_eq!(err.kind(), alembic_lab::ErrorKind::OperationalError);
    assert_eq!(err.message(), "Recursion limit");
    assert_eq!(one(&mut engine, "SELECT 1"), Value::Integer(1));
}
