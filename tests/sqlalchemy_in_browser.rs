//! A sample of the SQLAlchemy corpus (tests/sqlalchemy/) replayed in the browser, where the lab's
//! SQLite is sqlite-wasm-rs and the clock is the browser's: the same programs must print, line for
//! line, what SQLAlchemy 2.1.9 printed. Runs natively too, so a difference points at the target.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "sqlalchemy/compare.rs"]
mod compare;

macro_rules! sample {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("sqlalchemy/programs/", $name, ".py")), include_str!(concat!("sqlalchemy/fixtures/", $name, ".json")))),*]
    };
}

/// The seed with and without echo, the ORM quick start, sessions, the legacy Query, Core, errors
/// with their tracebacks, and the loader options.
const SAMPLE: &[(&str, &str, &str)] = sample![
    "seed_main",
    "seed_main_echo",
    "seed_update_uncaught",
    "orm_quickstart_full",
    "orm_quickstart_insert",
    "orm_quickstart_remove_orphan",
    "session_expire_on_commit_echo",
    "session_integrity_pending_rollback",
    "query_filter_first_echo",
    "core_table_ddl_echo",
    "core_text_binds",
    "orm_column_types",
    "errors_not_null_uncaught",
    "orm_selectinload_echo",
    "orm_joinedload_echo",
    "session_merge_echo",
];

#[test]
fn a_sample_of_the_corpus_prints_what_sqlalchemy_prints() {
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    alembic_lab::wasm::install_browser_float_text();
    let mut reports = Vec::new();
    for (name, source, fixture) in SAMPLE {
        let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
        reports.extend(compare::differs(&format!("{name}.py"), source, &fixture));
    }
    assert!(reports.is_empty(), "{}", reports.join("\n\n"));
}
