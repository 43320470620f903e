//! The lab's Python against CPython: every program of tests/python/programs runs as
//! `python NAME.py` in a Lab and must print what CPython 3.11 printed (tests/python/record.py).
//! A traceback compares on what was printed before it, its innermost `File …, line …`, and its
//! final line. A program that still differs is listed in tests/python/pending.txt with why; a
//! listed program that matches fails the test, so the list only shrinks.
#![cfg(not(target_family = "wasm"))]

use std::path::Path;

use alembic_lab::lab::{Lab, Sources};
use serde_json::Value as Json;

/// (printed before the traceback, innermost frame line, final line), or the whole output.
fn shape(lines: &[String]) -> (Vec<String>, Option<String>, Option<String>) {
    match lines.iter().position(|l| l == "Traceback (most recent call last):") {
        None => (lines.to_vec(), None, None),
        Some(at) => {
            let innermost = lines[at..].iter().filter(|l| l.starts_with("  File ")).last().cloned();
            (lines[..at].to_vec(), innermost, lines.last().cloned())
        }
    }
}

#[test]
fn every_program_prints_what_cpython_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
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
        let expected: Vec<String> =
            fixture["output"].as_array().into_iter().flatten().map(|l| l.as_str().unwrap_or_default().to_string()).collect();
        let mut lab = Lab::new(Sources::default());
        lab.write_file(program, &source).expect("write");
        let result = lab.run(&format!("python {program}"));
        let ok_expected = fixture["exit"].as_i64() == Some(0);
        let same = result.ok() == ok_expected && shape(&result.output) == shape(&expected);
        total += 1;
        let stem = program.trim_end_matches(".py").to_string();
        match (same, pending.contains(&stem)) {
            (true, false) => matched += 1,
            (true, true) => stale.push(stem),
            (false, true) => {}
            (false, false) => unexpected.push(format!(
                "{program} (exit {}, lab {}):\n--- CPython\n{}\n--- lab\n{}",
                fixture["exit"],
                if result.ok() { "ok" } else { "error" },
                expected.join("\n"),
                result.output.join("\n")
            )),
        }
    }
    println!("python: {matched}/{total} programs print what CPython prints ({} listed in pending.txt)", pending.len());
    assert!(unexpected.is_empty(), "{} programs differ from CPython:\n\n{}", unexpected.len(), unexpected.join("\n\n"));
    assert!(stale.is_empty(), "these programs now match; remove them from tests/python/pending.txt: {stale:?}");
}
