//! A sample of the CPython corpus (tests/python/) replayed in the browser, where floats are printed
//! by the browser's number formatting and the budgets meet wasm's speed: the same programs must
//! print the same text there. Runs natively too, so a difference points at the target.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "python/compare.rs"]
mod compare;

/// Floats and formatting, arithmetic, classes, exceptions and tracebacks, recursion, dicts, text,
/// generators, and datetime (whose clock and time zone come from the browser there).
const SAMPLE: &[(&str, &str, &str)] = &[
    ("float_format_general.py", include_str!("python/programs/float_format_general.py"), include_str!("python/fixtures/float_format_general.json")),
    ("basics_arithmetic.py", include_str!("python/programs/basics_arithmetic.py"), include_str!("python/fixtures/basics_arithmetic.json")),
    ("numbers_more.py", include_str!("python/programs/numbers_more.py"), include_str!("python/fixtures/numbers_more.json")),
    ("basics_fstrings.py", include_str!("python/programs/basics_fstrings.py"), include_str!("python/fixtures/basics_fstrings.json")),
    ("printing.py", include_str!("python/programs/printing.py"), include_str!("python/fixtures/printing.json")),
    ("classes_special.py", include_str!("python/programs/classes_special.py"), include_str!("python/fixtures/classes_special.json")),
    ("exceptions_more.py", include_str!("python/programs/exceptions_more.py"), include_str!("python/fixtures/exceptions_more.json")),
    ("uncaught_nested_calls.py", include_str!("python/programs/uncaught_nested_calls.py"), include_str!("python/fixtures/uncaught_nested_calls.json")),
    ("recursion_limit.py", include_str!("python/programs/recursion_limit.py"), include_str!("python/fixtures/recursion_limit.json")),
    ("dicts_more.py", include_str!("python/programs/dicts_more.py"), include_str!("python/fixtures/dicts_more.json")),
    ("sorting.py", include_str!("python/programs/sorting.py"), include_str!("python/fixtures/sorting.json")),
    ("text_processing.py", include_str!("python/programs/text_processing.py"), include_str!("python/fixtures/text_processing.json")),
    ("gen_try_finally.py", include_str!("python/programs/gen_try_finally.py"), include_str!("python/fixtures/gen_try_finally.json")),
    ("module_datetime.py", include_str!("python/programs/module_datetime.py"), include_str!("python/fixtures/module_datetime.json")),
    ("markers_subscript_in_a_sum.py", include_str!("python/programs/markers_subscript_in_a_sum.py"), include_str!("python/fixtures/markers_subscript_in_a_sum.json")),
    ("markers_comprehension_frames.py", include_str!("python/programs/markers_comprehension_frames.py"), include_str!("python/fixtures/markers_comprehension_frames.json")),
];

#[test]
fn a_sample_of_the_corpus_prints_what_cpython_prints() {
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    alembic_lab::wasm::install_browser_float_text();
    let mut reports = Vec::new();
    for (program, source, fixture) in SAMPLE {
        let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
        reports.extend(compare::differs(program, source, &fixture));
    }
    assert!(reports.is_empty(), "{}", reports.join("\n\n"));
}
