//! The lab's Python against CPython: every program of tests/python/programs runs as
//! `python NAME.py` in a Lab and must print what CPython 3.11 printed (tests/python/record.py).
//! A traceback compares on what was printed before it, its innermost `File …, line …`, and its
//! final line. A program that still differs is listed in tests/python/pending.txt with why; a
//! listed program that matches fails the test, so the list only shrinks.
#![cfg(not(target_family = "wasm"))]

use std::path::Path;

#[path = "python/compare.rs"]
mod compare;

#[test]
fn every_program_prints_what_cpython_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
    let r = compare::replay(&root, compare::differs);
    println!("python: {}/{} programs print what CPython prints ({} listed in pending.txt)", r.matched, r.total, r.pending);
    assert!(r.unexpected.is_empty(), "{} programs differ from CPython:\n\n{}", r.unexpected.len(), r.unexpected.join("\n\n"));
    assert!(r.stale.is_empty(), "these programs now match; remove them from tests/python/pending.txt: {:?}", r.stale);
}
