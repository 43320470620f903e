//! How long the revision graph takes over 10,000 revisions (part of `make bench`): building the
//! map, resolving a partial id, and planning `upgrade head` from base and `downgrade base` from head.
//! Every 100th revision opens a short branch that a merge joins back, so paths cross merges.
//!
//!     cargo run --release --example revision_bench [-- N]

use std::time::Instant;

use alembic_lab::migrate::revision::{Node, RevisionMap};

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
}
