//! The ORM CRUD workload of `make bench` (bench/orm_crud.py: add + commit per row, add_all + one
//! commit, session.get, update + commit, delete + commit) run as Python in the lab, natively,
//! next to the same file under CPython with SQLAlchemy when the machine has them (the Python in
//! $SQLALCHEMY_PYTHON, else `python3`), in the same run. Prints milliseconds per phase and the
//! ratios; says so when there is no SQLAlchemy to compare with.
//!
//!     cargo run --release --example orm_bench [-- --rows N]

use alembic_lab::lab::{Lab, Sources};

const PROGRAM: &str = include_str!("../bench/orm_crud.py");

fn parse(output: &str) -> Vec<(String, f64)> {
    output
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(label, ms)| Some((label.to_string(), ms.trim().parse().ok()?)))
        .collect()
}

fn lab(rows: u32) -> Result<Vec<(String, f64)>, String> {
    let mut lab = Lab::new(Sources::default());
    lab.set_python_budget_ms(600_000.0);
    lab.set_statement_budget_ms(60_000.0);
    lab.write_file("orm_crud.py", PROGRAM).map_err(|e| e.message().to_string())?;
    let result = lab.run(&format!("python orm_crud.py {rows}"));
    if !result.ok() {
        return Err(result.output.join("\n"));
    }
    Ok(parse(&result.output.join("\n")))
}

fn cpython(rows: u32) -> Option<(String, Vec<(String, f64)>)> {
    let python = std::env::var("SQLALCHEMY_PYTHON").unwrap_or_else(|_| "python3".into());
    let path = std::env::temp_dir().join(format!("orm_crud_{}.py", std::process::id()));
    std::fs::write(&path, PROGRAM).ok()?;
    let version = std::process::Command::new(&python).args(["-c", "import sqlalchemy, sys; print(sys.version.split()[0], sqlalchemy.__version__)"]).output().ok()?;
    if !version.status.success() {
        return None;
    }
    let run = std::process::Command::new(&python).arg(&path).arg(rows.to_string()).output().ok()?;
    std::fs::remove_file(&path).ok();
    if !run.status.success() {
        return None;
    }
    let label = String::from_utf8_lossy(&version.stdout).trim().replace(' ', ", SQLAlchemy ");
    Some((label, parse(&String::from_utf8_lossy(&run.stdout))))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows = args.iter().position(|a| a == "--rows").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    println!("ORM CRUD as Python, {rows} users (bench/orm_crud.py), ms");
    let ours = match lab(rows) {
        Ok(phases) => phases,
        Err(e) => {
            println!("  the lab failed: {e}");
            std::process::exit(1);
        }
    };
    let theirs = cpython(rows);
    match &theirs {
        Some((label, _)) => println!("  {:<20}{:>14}  {:>36}{:>8}", "", "lab, native", format!("CPython {label}"), "ratio"),
        None => println!("  (no CPython with SQLAlchemy here: set SQLALCHEMY_PYTHON to a Python that has it to compare)"),
    }
    let (mut total_ours, mut total_theirs) = (0.0, 0.0);
    for (label, ms) in &ours {
        total_ours += ms;
        match theirs.as_ref().and_then(|(_, t)| t.iter().find(|(l, _)| l == label)) {
            Some((_, cms)) => {
                total_theirs += cms;
                println!("  {label:<20}{ms:>14.1}  {cms:>36.1}{:>8.2}", ms / cms);
            }
            None => println!("  {label:<20}{ms:>14.1}"),
        }
    }
    if theirs.is_some() {
        println!("  {:<20}{total_ours:>14.1}  {total_theirs:>36.1}{:>8.2}", "total", total_ours / total_theirs);
        println!("  (ratio: the lab's time over CPython's; below 1 the lab is faster — its SQLAlchemy is native Rust)");
    }
}
