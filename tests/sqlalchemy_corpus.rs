//! The lab's SQLAlchemy against the real one: every program of tests/sqlalchemy/programs runs as
//! `python NAME.py` in a Lab and must print, line for line, what CPython 3.11 with SQLAlchemy
//! 2.1.9 printed (tests/sqlalchemy/record.py) — the echo log's clock and timings and object
//! addresses aside. A program that still differs is listed in tests/sqlalchemy/pending.txt with
//! why; a listed program that matches fails the test, so the list only shrinks.
#![cfg(not(target_family = "wasm"))]

use std::path::Path;

#[path = "python/compare.rs"]
mod corpus;
#[path = "sqlalchemy/compare.rs"]
mod compare;

#[test]
fn every_program_prints_what_sqlalchemy_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sqlalchemy");
    let r = corpus::replay(&root, compare::differs);
    println!("sqlalchemy: {}/{} programs print what SQLAlchemy 2.1.9 prints ({} listed in pending.txt)", r.matched, r.total, r.pending);
    assert!(r.unexpected.is_empty(), "{} programs differ from SQLAlchemy:\n\n{}", r.unexpected.len(), r.unexpected.join("\n\n"));
    assert!(r.stale.is_empty(), "these programs now match; remove them from tests/sqlalchemy/pending.txt: {:?}", r.stale);
}
