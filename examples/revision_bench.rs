//! How long the revision graph takes over 10,000 revisions (part of `make bench`): building the
//! map, resolving a partial id, and planning `upgrade head` from base and `downgrade base` from head.
//! Every 100th revision opens a short branch that a merge joins back, so paths cross merges.
//! Then 500 revision files end to end through the lab's `alembic` command: each file is Python
//! that the lab loads and runs (a table with an index and a data migration per revision).
//!
//!     cargo run --release --example revision_bench [-- N]

use std::time::Instant;

use alembic_lab::lab::{Lab, Sources};
use alembic_lab::migrate::revision::{Node, RevisionMap};

/// Revision file `n` of the end-to-end run: a table, an index in a loop, rows from a helper.
fn revision_file(n: usize) -> String {
    let down = if n == 0 { "None".to_string() } else { format!("'{:012x}'", n - 1) };
    [
        format!("\"\"\"table {n}\n\nRevision ID: {n:012x}\n\"\"\""),
        "from alembic import op".into(),
        "import sqlalchemy as sa".into(),
        String::new(),
        format!("revision = '{n:012x}'"),
        format!("down_revision = {down}"),
        "branch_labels = None".into(),
        "depends_on = None".into(),
        String::new(),
        String::new(),
        "def rows(count):".into(),
        "    return [{'id': i, 'name': f'row {i}'} for i in range(1, count + 1)]".into(),
        String::new(),
        String::new(),
        "def upgrade():".into(),
        format!("    table = op.create_table('t{n}',"),
        "        sa.Column('id', sa.Integer(), nullable=False),".into(),
        "        sa.Column('name', sa.String(length=50), nullable=False),".into(),
        "        sa.PrimaryKeyConstraint('id'))".into(),
        "    for column in ['name']:".into(),
        format!("        op.create_index(op.f(f'ix_t{n}_{{column}}'), 't{n}', [column])"),
        "    op.bulk_insert(table, rows(3))".into(),
        String::new(),
        String::new(),
        "def downgrade():".into(),
        format!("    op.drop_index(op.f('ix_t{n}_name'), table_name='t{n}')"),
        format!("    op.drop_table('t{n}')"),
        String::new(),
    ]
    .join("\n")
}

/// `alembic history`, `upgrade head` and `downgrade base` over `count` revision files, in the lab.
fn files_end_to_end(count: usize) {
    let mut lab = Lab::new(Sources { now: Box::new(|| "2026-11-30 09:00:00.000000".to_string()), seed: 7 });
    let setup = [lab.run("alembic init migrations").ok(), lab.read_file("alembic.ini").is_ok()];
    let ini = lab.read_file("alembic.ini").unwrap_or_default().replace("driver://user:pass@localhost/dbname", "sqlite:///sqlite.db");
    let written = lab.write_file("alembic.ini", &ini).is_ok()
        && (0..count).all(|n| lab.write_file(&format!("migrations/versions/{n:012x}_table_{n}.py"), &revision_file(n)).is_ok());
    if setup.contains(&false) || !written {
        eprintln!("could not set up the project");
        std::process::exit(1);
    }
    println!("{count} revision files, loaded and run as Python through `alembic` (release build)");
    for line in ["alembic history", "alembic upgrade head", "alembic downgrade base", "alembic upgrade head --sql"] {
        let start = Instant::now();
        let result = lab.run(line);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        if !result.ok() {
            eprintln!("{line} failed: {}", result.output.join("\n"));
            std::process::exit(1);
        }
        println!("  {line:<44} {ms:>8.2} ms   ({} lines)", result.output.len());
    }
}

fn id(n: usize) -> String {
    format!("{:012x}", (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) & 0xffff_ffff_ffff)
}

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let mut nodes: Vec<Node> = Vec::with_capacity(count);
    let mut previous: Option<String> = None;
    let mut n = 0;
    while nodes.len() < count {
        let this = id(n);
        let mut node = Node { revision: this.clone(), down_revisions: previous.iter().cloned().collect(), branch_labels: vec![], dependencies: vec![] };
        if n % 100 == 99 && nodes.len() + 2 < count {
            // A side branch from the previous revision, merged right after.
            let side = id(n + 1_000_000);
            nodes.push(Node { revision: side.clone(), down_revisions: previous.iter().cloned().collect(), branch_labels: vec![], dependencies: vec![] });
            node.down_revisions.push(side);
        }
        nodes.push(node);
        previous = Some(this);
        n += 1;
    }
    let head = previous.unwrap_or_default();
    let time = |label: &str, body: &mut dyn FnMut() -> usize| {
        let start = Instant::now();
        let size = body();
        println!("  {label:<44} {:>8.2} ms   ({size})", start.elapsed().as_secs_f64() * 1000.0);
    };
    println!("Revision graph, {} revisions (release build)", nodes.len());
    let mut map = None;
    time("build the map (topological order)", &mut || {
        map = RevisionMap::new(nodes.clone()).ok();
        map.as_ref().map_or(0, RevisionMap::len)
    });
    let Some(map) = map else {
        eprintln!("the generated graph was refused");
        std::process::exit(1);
    };
    time("resolve a partial id", &mut || map.resolve(&head[..8]).map_or(0, |r| r.len()));
    time("resolve 'head'", &mut || map.resolve("head").map_or(0, |r| r.len()));
    time("plan upgrade base -> head", &mut || map.upgrade_path(&[], "head").map_or(0, |p| p.len()));
    let top = vec![head.clone()];
    time("plan downgrade head -> base", &mut || map.downgrade_path(&top, "base").map_or(0, |p| p.len()));
    time("plan downgrade -1", &mut || map.downgrade_path(&top, "-1").map_or(0, |p| p.len()));
    files_end_to_end(500);
}
