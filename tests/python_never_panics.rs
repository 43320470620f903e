//! No program makes the lab's Python panic or run past its budget: the corpus programs (plain
//! Python and SQLAlchemy's), damaged at random (characters inserted, deleted, lines repeated or
//! swapped), each run with a short budget, with the lab's `sqlalchemy` and the seed's files. `make test` runs a sample; `PYTHON_FUZZ_PROGRAMS=1000000 cargo test --release --test
//! python_never_panics` (make fuzz) runs a million.
#![cfg(not(target_family = "wasm"))]

use alembic_lab::Files;
use std::path::Path;
use std::time::Instant;

use alembic_lab::databases::Databases;
use alembic_lab::interp::Interpreter;
use alembic_lab::lab::SEED_FILES;

const PIECES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "'", "\"", "\\", "*", "**", "=", "==", "-1", "0", "None", "x",
    "def f(", "class C:", "return ", "yield ", "lambda: ", "while True:\n    pass\n", "for i in range(10**6):\n",
    "import ", "from . import x\n", "raise ", "try:\n", "except:\n", "finally:\n", "f\"{", "}\"", "é", "💥",
    "[x]*10**7", "'x'*10**9", "global ", "nonlocal ", "del ", "super()", "self", ".__init__", "print(", ")\n",
];

#[test]
fn no_program_panics_or_outlives_its_budget() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut corpus: Vec<String> = ["python/programs", "sqlalchemy/programs"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("programs"))
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    corpus.sort();
    let count: usize = std::env::var("PYTHON_FUZZ_PROGRAMS").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000);
    let mut seed: u64 = 0x5DEE_CE66_D1CE_4E5B;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut slowest = 0f64;
    let mut ran_clean = 0;
    for n in 0..count {
        let mut text: Vec<char> = corpus[(next() % corpus.len() as u64) as usize].chars().collect();
        for _ in 0..1 + next() % 5 {
            let at = (next() % (text.len() as u64 + 1)) as usize;
            match next() % 4 {
                0 => text.splice(at..at, PIECES[(next() % PIECES.len() as u64) as usize].chars()).for_each(drop),
                1 => {
                    let end = (at + 1 + (next() % 12) as usize).min(text.len());
                    text.drain(at.min(end)..end);
                }
                2 => {
                    let end = (at + (next() % 40) as usize).min(text.len());
                    let copy: Vec<char> = text[at.min(end)..end].to_vec();
                    text.splice(at..at, copy).for_each(drop);
                }
                _ => {
                    if let Some(c) = char::from_u32((next() % 0x3000) as u32) {
                        text.insert(at.min(text.len()), c);
                    }
                }
            }
        }
        let source: String = text.into_iter().collect();
        let mut files: Files = SEED_FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        files.insert("prog.py".to_string(), source.clone());
        let mut interpreter = Interpreter::new(files);
        interpreter.time_budget_ms = 30.0;
        alembic_lab::sqlalchemy::install(&mut interpreter, Databases::new(30.0));
        let start = Instant::now();
        let outcome = interpreter.run_main("prog.py");
        ran_clean += usize::from(outcome.error.is_none());
        let took = start.elapsed().as_secs_f64() * 1000.0;
        slowest = slowest.max(took);
        assert!(took < 1_000.0, "program {n} ran {took:.0} ms:\n{source}");
    }
    println!("python fuzz: {count} damaged programs ({ran_clean} ran to the end), no panic; slowest {slowest:.0} ms");
}
