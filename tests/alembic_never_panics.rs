//! Any `alembic …` line, however mangled, answers: a result or a clean error, never a panic, and
//! the lab keeps working. Thousands of lines built from the command line's own words, on a project
//! with a branch, a merge and a label.

use alembic_lab::lab::{Lab, Sources};

fn project() -> Lab {
    let mut lab = Lab::new(Sources { now: Box::new(|| "2026-11-20 09:00:00.000000".into()), seed: 7 });
    for line in [
        "alembic init migrations",
        "alembic revision -m one --rev-id aaaa00000001",
        "alembic revision -m two --rev-id bbbb00000002",
        "alembic revision -m side --rev-id cccc00000003 --head aaaa00000001 --splice --branch-label side",
        "alembic merge heads -m join --rev-id dddd00000004",
    ] {
        assert!(lab.run(line).ok(), "{line}");
    }
    let ini = lab.read_file("alembic.ini").unwrap().replace("driver://user:pass@localhost/dbname", "sqlite:///sqlite.db");
    lab.write_file("alembic.ini", &ini).unwrap();
    lab
}

#[test]
fn no_alembic_line_panics_and_the_lab_keeps_working() {
    let words = [
        "upgrade", "downgrade", "stamp", "current", "history", "heads", "branches", "show", "merge", "revision", "check",
        "edit", "init", "ensure_version", "list_templates", "head", "heads", "base", "+1", "-1", "+9", "-9", "aaaa",
        "bbbb00000002", "side@head", "side@-1", "side@base", "dddd:base", "aaaa00000001:head", "-r", "-r-2:current",
        "--sql", "--purge", "-v", "-i", "-m", "x", "--rev-id", "ffff00000009", "--head", "--splice", "-x", "a=b", "-q",
        "--raiseerr", "--help", "-c", "nope.ini", "é", "@", ":", "::", "current:", "+0", "-0", "abc", "zzzz@head",
    ];
    let mut lab = project();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..3_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let count = 1 + (seed % 4) as usize;
        let mut line = String::from("alembic");
        for k in 0..count {
            line.push(' ');
            line.push_str(words[((seed >> (9 * k)) % words.len() as u64) as usize]);
        }
        let result = lab.run(&line);
        assert!(result.ok() || !result.output.is_empty(), "{line}: a failure always says why");
    }
    let last = lab.run("alembic heads");
    assert!(last.ok(), "the lab still answers: {:?}", last.output);
}

/// env.py, a revision file and script.py.mako are Python (and Mako) the learner edits: damaged
/// any way, a command answers with an error, never a panic, and the lab keeps working.
#[test]
fn damaged_env_py_revisions_and_template_never_panic() {
    let tokens = [
        "(", ")", ":", "\n", "    ", "op.", "context.", "sa.", "None", "'", "\"\"\"", "${", "}", "% if x:", "% endif", "<%text>",
        "raise ValueError('x')", "import nothing", "1/0", "while True: pass", "op.drop_table('users')", "[", "]", "#", "\\",
        "def upgrade():\n    pass\n", "context.run_migrations()", "fileConfig('nope.ini')",
    ];
    let mut lab = project();
    let targets = ["migrations/env.py", "migrations/versions/", "migrations/script.py.mako"];
    let commands = ["alembic upgrade head", "alembic downgrade base", "alembic history", "alembic check", "alembic revision -m n", "alembic upgrade head --sql", "alembic current"];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let fresh = project();
        let target = targets[(seed % 3) as usize];
        let path = if target.ends_with('/') {
            fresh.files().keys().find(|p| p.starts_with(target) && p.ends_with(".py")).cloned().unwrap_or_default()
        } else {
            target.to_string()
        };
        let mut text: Vec<char> = fresh.read_file(&path).unwrap_or("").chars().collect();
        for k in 0..(1 + seed % 3) {
            let at = ((seed >> (7 * k + 3)) as usize) % (text.len() + 1);
            match (seed >> (5 * k)) % 3 {
                0 if at < text.len() => {
                    text.remove(at);
                }
                _ => {
                    let token = tokens[((seed >> (11 * k)) % tokens.len() as u64) as usize];
                    for (i, c) in token.chars().enumerate() {
                        text.insert(at + i, c);
                    }
                }
            }
        }
        lab.write_file(&path, &text.into_iter().collect::<String>()).unwrap();
        let line = commands[((seed >> 17) % commands.len() as u64) as usize];
        let result = lab.run(line);
        assert!(result.ok() || !result.output.is_empty(), "round {round}: {line} on a damaged {path}: a failure always says why");
        // Put the project back for the next round (a command may have written a new revision).
        lab.write_file(&path, fresh.read_file(&path).unwrap_or("")).unwrap();
        let written: Vec<String> = lab.files().keys().filter(|p| !fresh.files().contains_key(*p)).cloned().collect();
        for extra in written {
            lab.remove_file(&extra).unwrap();
        }
    }
    let last = lab.run("alembic heads");
    assert!(last.ok(), "the lab still answers: {:?}", last.output);
}
