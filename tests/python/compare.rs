//! How a lab run is compared with what CPython printed (shared by the corpus replays).

/// The output with CPython's own frames left out — a file outside the project (an absolute
/// path) or `<frozen …>`, with its source and `^^^^` lines — as the lab shows the learner's
/// frames only. Everything else, `^^^^` lines included, is compared as printed.
#[allow(dead_code)]
pub fn shape(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in lines {
        if line.starts_with("  File ") {
            skipping = line.starts_with("  File \"/") || line.starts_with("  File \"<frozen");
            if skipping {
                continue;
            }
        } else if skipping && line.starts_with("    ") {
            continue;
        } else {
            skipping = false;
        }
        // The lab's recursion limit is lower than CPython's (README): the count is not compared.
        match line.strip_prefix("  [Previous line repeated ") {
            Some(_) => out.push("  [Previous line repeated N more times]".to_string()),
            None => out.push(line.clone()),
        }
    }
    out
}

/// `python PROGRAM` in a fresh lab; Some(report) when it differs from the recorded fixture.
#[allow(dead_code)]
pub fn differs(program: &str, source: &str, fixture: &serde_json::Value) -> Option<String> {
    use alembic_lab::lab::{Lab, Sources};
    let expected: Vec<String> =
        fixture["output"].as_array().into_iter().flatten().map(|l| l.as_str().unwrap_or_default().to_string()).collect();
    let mut lab = Lab::new(Sources::default());
    if let Err(e) = lab.write_file(program, source) {
        return Some(format!("{program}: cannot write: {e:?}"));
    }
    let result = lab.run(&format!("python {program}"));
    let ok_expected = fixture["exit"].as_i64() == Some(0);
    if result.ok() == ok_expected && shape(&result.output) == shape(&expected) {
        return None;
    }
    Some(format!(
        "{program} (exit {}, lab {}):\n--- CPython\n{}\n--- lab\n{}",
        fixture["exit"],
        if result.ok() { "ok" } else { "error" },
        expected.join("\n"),
        result.output.join("\n")
    ))
}

/// What replaying a recorded corpus found.
#[allow(dead_code)]
pub struct Replay {
    pub matched: usize,
    pub total: usize,
    pub pending: usize,
    /// Reports of programs that differ and are not listed in pending.txt.
    pub unexpected: Vec<String>,
    /// Programs listed in pending.txt that now match.
    pub stale: Vec<String>,
}

/// Replays every fixture of `root/fixtures` (its program in `root/programs`) with `differs`,
/// against the programs `root/pending.txt` lists as still differing, with why.
#[allow(dead_code)]
pub fn replay(root: &std::path::Path, differs: fn(&str, &str, &serde_json::Value) -> Option<String>) -> Replay {
    let pending: Vec<String> = std::fs::read_to_string(root.join("pending.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("fixtures")).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let mut out = Replay { matched: 0, total: 0, pending: pending.len(), unexpected: Vec::new(), stale: Vec::new() };
    for path in paths {
        let fixture: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let program = fixture["program"].as_str().unwrap_or_default();
        let source = std::fs::read_to_string(root.join("programs").join(program)).expect("program");
        let report = differs(program, &source, &fixture);
        out.total += 1;
        let stem = program.trim_end_matches(".py").to_string();
        match (report, pending.contains(&stem)) {
            (None, false) => out.matched += 1,
            (None, true) => out.stale.push(stem),
            (Some(_), true) => {}
            (Some(report), false) => out.unexpected.push(report),
        }
    }
    out
}
