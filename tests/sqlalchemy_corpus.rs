//! The lab's SQLAlchemy against the real one: every program of tests/sqlalchemy/programs runs as
//! `python NAME.py` in a Lab and must print, line for line, what CPython 3.11 with SQLAlchemy
//! 2.1.9 printed (tests/sqlalchemy/record.py) — the echo log's clock and timings and object
//! addresses aside. A program that still differs is listed in tests/sqlalchemy/pending.txt with
//! why; a listed program that matches fails the test, so the list only shrinks.
#![cfg(not(target_family = "wasm"))]

use std::path::Path;

use serde_json::Value as Json;

#[path = "sqlalchemy/compare.rs"]
mod compare;

#[test]
fn every_program_prints_what_sqlalchemy_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sqlalchemy");
    let pending: Vec<String> = std::fs::read_to_string(root.join("pending.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("fixtures")).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let (mut matched, mut total) = (0, 0);
    let mut unexpected = Vec::new();
    let mut stale = Vec::new();
    for path in paths {
        let fixture: Json = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let program = fixture["program"].as_str().unwrap_or_default();
        let source = std::fs::read_to_string(root.join("programs").join(program)).expect("program");
        let report = compare::differs(program, &source, &fixture);
        total += 1;
        let stem = program.trim_end_matches(".py").to_string();
        match (report, pending.contains(&stem)) {
            (None, false) => matched += 1,
            (None, true) => stale.push(stem),
            (Some(_), true) => {}
            (Some(report), false) => unexpected.push(report),
        }
    }
    println!("sqlalchemy: {matched}/{total} programs print what SQLAlchemy 2.1.9 prints ({} listed in pending.txt)", pending.len());
    assert!(unexpected.is_empty(), "{} programs differ from SQLAlchemy:\n\n{}", unexpected.len(), unexpected.join("\n\n"));
    assert!(stale.is_empty(), "these programs now match; remove them from tests/sqlalchemy/pending.txt: {stale:?}");
}
