//! The CRUD workload of `make bench`, natively: 10,000 users inserted, read, renamed and deleted,
//! one call per row, through the lab's `Database` — the seed's own `src/db.py` run by the lab's
//! Python, the same code the page runs in wasm — and through
//! plain rusqlite prepared statements (the floor). Prints milliseconds per phase; `--json` prints
//! them as JSON for bench/bench.mjs.
//!
//!     cargo run --release --example crud_bench [-- --json] [-- --rows N]

use std::time::Instant;

use alembic_lab::seed_database::SeedDatabase;
use alembic_lab::Value;
use rusqlite::Connection;

type Phases = [(&'static str, f64); 4];

fn time(mut body: impl FnMut(i64), n: i64) -> f64 {
    let start = Instant::now();
    for id in 1..=n {
        body(id);
    }
    start.elapsed().as_secs_f64() * 1000.0
}

fn lab_database(n: i64) -> Result<Phases, alembic_lab::Error> {
    let mut db = SeedDatabase::open_seed("bench.db")?;
    db.create_tables()?;
    let name = |prefix: &str, id: i64| vec![("name".to_string(), Value::Text(format!("{prefix} {id}")))];
    let mut failed = None;
    let mut check = |r: Result<(), alembic_lab::Error>| {
        if let Err(e) = r {
            failed.get_or_insert(e);
        }
    };
    let insert = time(
        |id| {
            check(db.create_user(name("User", id)).map(|_| ()));
            if id % 1000 == 0 {
                // What the page does as it redraws: the log lines and SQL are taken.
                db.take_output();
                db.take_sql_log();
            }
        },
        n,
    );
    let get = time(|id| check(db.get_user(id).map(|_| ())), n);
    let update = time(|id| check(db.update_user(id, name("Renamed", id)).map(|_| ())), n);
    let delete = time(|id| check(db.delete_user(id)), n);
    db.take_output();
    match failed {
        Some(e) => Err(e),
        None => Ok([("insert", insert), ("get", get), ("update", update), ("delete", delete)]),
    }
}

fn plain_rusqlite(n: i64) -> rusqlite::Result<Phases> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch("CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id))")?;
    let mut insert = conn.prepare("INSERT INTO users (name) VALUES (?1)")?;
    let mut select = conn.prepare("SELECT id, name FROM users WHERE id = ?1")?;
    let mut update = conn.prepare("UPDATE users SET name = ?1 WHERE id = ?2")?;
    let mut delete = conn.prepare("DELETE FROM users WHERE id = ?1")?;
    let t_insert = time(|id| drop(insert.execute([format!("User {id}")])), n);
    let t_get = time(
        |id| drop(select.query_row([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))),
        n,
    );
    let t_update = time(|id| drop(update.execute(rusqlite::params![format!("Renamed {id}"), id])), n);
    let t_delete = time(|id| drop(delete.execute([id])), n);
    Ok([("insert", t_insert), ("get", t_get), ("update", t_update), ("delete", t_delete)])
}

fn as_json(phases: &Phases) -> String {
    let fields: Vec<String> = phases.iter().map(|(k, v)| format!("\"{k}\": {v:.3}")).collect();
    format!("{{{}}}", fields.join(", "))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json = args.iter().any(|a| a == "--json");
    let rows = args
        .iter()
        .position(|a| a == "--rows")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    // Warm up once, then keep the best of three runs of each.
    let best = |run: &dyn Fn() -> Phases| {
        let mut best = run();
        for _ in 0..2 {
            for (slot, (_, t)) in best.iter_mut().zip(run()) {
                slot.1 = slot.1.min(t);
            }
        }
        best
    };
    let lab = || lab_database(rows).unwrap_or_else(|e| panic!("lab Database failed: {e}"));
    let plain = || plain_rusqlite(rows).unwrap_or_else(|e| panic!("rusqlite failed: {e}"));
    lab_database(1000).ok();
    let (lab, plain) = (best(&lab), best(&plain));
    if json {
        println!("{{\"rows\": {rows}, \"database\": {}, \"rusqlite\": {}}}", as_json(&lab), as_json(&plain));
    } else {
        println!("native, {rows} rows, ms (best of 3):");
        for ((phase, a), (_, b)) in lab.iter().zip(plain.iter()) {
            println!("  {phase:<7} lab Database {a:>8.2}   plain rusqlite {b:>8.2}");
        }
    }
}
