//! The lab's Python next to CPython on the machine (part of `make bench`): four micro-programs —
//! a loop of 1,000,000 additions, 100,000 function calls, a 100,000-item dict, string formatting —
//! each run natively through the lab's interpreter and, when `python3` is on the PATH, by CPython
//! in the same run. Prints milliseconds and the ratio (budget: within 10× of CPython).
//!
//!     cargo run --release --example python_bench

use alembic_lab::Files;
use std::time::Instant;

use alembic_lab::interp::Interpreter;

/// The micro-programs, shared with the browser half of the benchmark (bench/bench.mjs).
const PROGRAMS_JSON: &str = include_str!("../bench/python-programs.json");

fn lab_ms(source: &str) -> (f64, String) {
    let mut best = f64::INFINITY;
    let mut output = String::new();
    for _ in 0..3 {
        let mut files = Files::new();
        files.insert("bench.py".to_string(), source.to_string());
        let mut interpreter = Interpreter::new(files);
        let start = Instant::now();
        let outcome = interpreter.run_main("bench.py");
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        output = outcome.output.trim().to_string();
    }
    (best, output)
}

/// CPython's time for the program alone (interpreter start-up left out), best of 3.
fn cpython_ms(source: &str) -> Option<f64> {
    let timed = format!(
        "import time, io, contextlib\nsrc = {source:?}\nbest = 1e9\nfor _ in range(3):\n    t = time.perf_counter()\n    \
         with contextlib.redirect_stdout(io.StringIO()):\n        exec(compile(src, 'bench.py', 'exec'), {{'__name__': '__main__'}})\n    \
         best = min(best, time.perf_counter() - t)\nprint(best * 1000)\n"
    );
    let out = std::process::Command::new("python3").arg("-c").arg(timed).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn main() {
    println!("The lab's Python (native, release build) next to CPython on this machine, ms (best of 3)");
    println!("  {:<38} {:>9} {:>9} {:>7}", "program", "lab", "CPython", "ratio");
    let programs: Vec<(String, String)> = serde_json::from_str(PROGRAMS_JSON).unwrap_or_default();
    for (label, source) in &programs {
        let (lab, output) = lab_ms(source);
        match cpython_ms(source) {
            Some(cpython) => println!("  {label:<38} {lab:>9.1} {cpython:>9.1} {:>6.1}×   (budget ≤ 10×)  -> {output}", lab / cpython),
            None => println!("  {label:<38} {lab:>9.1} {:>9} {:>7}   (python3 not found: no CPython figure)  -> {output}", "-", "-"),
        }
    }
}
