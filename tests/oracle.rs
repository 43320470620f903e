//! The real tools are the judge: every fixture that tests/oracle/record.py recorded under real
//! Alembic 1.20.1 and SQLAlchemy 2.1.9 is replayed through the Lab, step by step, and compared
//! line for line — exit status, what the terminal shows, the schema (`sqlite_master`), the rows,
//! the files a step created or removed, and the code of the revision files it wrote.
//!
//! A step that differs fails the test unless tests/oracle/pending.txt lists it with the reason;
//! a listed step that now matches fails too, so the list only shrinks. Prints
//! `oracle: M/N steps match`.
#![cfg(not(target_family = "wasm"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use alembic_lab::lab::{Lab, Sources};
use alembic_lab::Value;
use serde_json::{json, Value as Json};

const DATE: &str = "2026-11-20 09:00:00.000000";

fn lab() -> Lab {
    Lab::new(Sources { now: Box::new(|| DATE.to_string()), seed: 42 })
}

/// `Create Date: …` and Alembic's other timestamps differ from run to run: compare without them.
fn normalise(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        let is_date = bytes.len() >= i + 19
            && bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && bytes[i + 4] == b'-'
            && bytes[i + 7] == b'-'
            && bytes[i + 10] == b' '
            && bytes[i + 13] == b':'
            && bytes[i + 16] == b':';
        if is_date {
            out.push_str("<DATE>");
            i += 19;
            if bytes.get(i) == Some(&b'.') {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            continue;
        }
        let ch = line[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn lines(texts: &[String]) -> Vec<String> {
    texts.iter().flat_map(|t| t.split('\n')).map(normalise).collect()
}

fn json_lines(value: &Json) -> Vec<String> {
    value.as_array().map(|a| a.iter().map(|l| normalise(l.as_str().unwrap_or(""))).collect()).unwrap_or_default()
}

/// The items of a Python list's repr, split at the commas outside brackets and quotes.
fn top_level_items(list: &str) -> Vec<String> {
    let (mut items, mut depth, mut quote, mut start) = (Vec::new(), 0i32, false, 0);
    for (i, c) in list.char_indices() {
        match c {
            '\'' => quote = !quote,
            '(' | '[' | '{' if !quote => depth += 1,
            ')' | ']' | '}' if !quote => depth -= 1,
            ',' if !quote && depth == 0 => {
                items.push(list[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(list[start..].trim().to_string());
    items
}

/// Where Alembic prints a Python set, any order is right: the lines `current` prints, the
/// branches `branches` lists, and the ids after `Branches into:` are compared sorted.
fn set_order(line: &str, mut terminal: Vec<String>) -> Vec<String> {
    for l in terminal.iter_mut() {
        if let Some(ids) = l.strip_prefix("Branches into: ") {
            let mut ids: Vec<&str> = ids.split(", ").collect();
            ids.sort();
            *l = format!("Branches into: {}", ids.join(", "));
        }
    }
    // Autogenerate finds removed tables through a set: a run of them comes in any order, and so
    // do the diff tuples of `check`'s message.
    // Alembic also asks include_name about the database's tables in a set's order: the
    // autogenerate_hooks scenario's hook prints them as `include_name table NAME`.
    for unordered in ["Detected removed table", "include_name table "] {
        let mut i = 0;
        while i < terminal.len() {
            let run = terminal[i..].iter().take_while(|l| l.contains(unordered)).count();
            terminal[i..i + run].sort();
            i += run.max(1);
        }
    }
    // Foreign keys are compared through sets of their signatures: each removed (or added) key
    // comes as a chunk — what include_object printed, then its Detected line — in a set's order,
    // so the chunks are sorted (a chunk without a hook is the Detected line alone).
    for detected in ["Detected removed foreign key", "Detected added foreign key"] {
        let mut i = 0;
        while i < terminal.len() {
            let in_chunk = |l: &String| l.contains(detected) || l.starts_with("include_object foreign_key_constraint");
            let run = terminal[i..].iter().take_while(|l| in_chunk(l)).count();
            let mut chunks: Vec<Vec<String>> = Vec::new();
            let mut current = Vec::new();
            for line in &terminal[i..i + run] {
                current.push(line.clone());
                if line.contains(detected) {
                    chunks.push(std::mem::take(&mut current));
                }
            }
            if chunks.len() > 1 {
                chunks.sort_by(|a, b| a.last().cmp(&b.last()));
                let flat: Vec<String> = chunks.into_iter().flatten().chain(current).collect();
                terminal.splice(i..i + run, flat);
            }
            i += run.max(1);
        }
    }
    // Python shows some objects by their address, which differs from run to run.
    for l in terminal.iter_mut() {
        let mut from = 0;
        while let Some(at) = l[from..].find("object at 0x").map(|n| from + n) {
            let start = at + "object at 0x".len();
            let end = l[start..].find(|c: char| !c.is_ascii_hexdigit()).map_or(l.len(), |n| start + n);
            l.replace_range(start..end, "…");
            from = start;
        }
    }
    for l in terminal.iter_mut() {
        if let Some((head, list)) = l.split_once("New upgrade operations detected: [") {
            let mut items = top_level_items(list.strip_suffix(']').unwrap_or(list));
            items.sort();
            *l = format!("{head}New upgrade operations detected: [{}]", items.join(", "));
        }
    }
    // Merging two heads while a third exists, Alembic picks the row it keeps from a set: which of
    // the two is DELETEd and which UPDATEd may go either way.
    let version = |l: &str, prefix: &str| l.strip_prefix(prefix).and_then(|r| r.strip_suffix("';")).map(String::from);
    for i in 0..terminal.len().saturating_sub(2) {
        let deleted = version(&terminal[i], "DELETE FROM alembic_version WHERE alembic_version.version_num = '");
        let updated = terminal[i + 2]
            .strip_prefix("UPDATE alembic_version SET version_num='")
            .and_then(|r| r.split_once("' WHERE alembic_version.version_num = '"))
            .and_then(|(to, from)| from.strip_suffix("';").map(|f| (to.to_string(), f.to_string())));
        if let (Some(deleted), Some((to, from))) = (deleted, updated) {
            let mut pair = [deleted, from];
            pair.sort();
            terminal[i] = format!("(merge of {} and {} into {to})", pair[0], pair[1]);
            terminal[i + 2] = String::new();
        }
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.get(1).is_some_and(|w| *w == "current" || *w == "branches") {
        terminal.sort();
    }
    terminal
}

fn cell(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Integer(i) => json!(i),
        Value::Real(f) => json!(f),
        Value::Text(t) => json!(t),
        Value::Blob(b) => json!({ "blob": b.iter().map(|x| format!("{x:02x}")).collect::<String>() }),
    }
}

/// The lab's database as the recorder reads a SQLite file: schema rows and every table's rows.
fn database_state(lab: &mut Lab) -> (Json, Json) {
    let name = lab.database_name();
    let shared = lab.engine(&name).expect("engine");
    let mut engine = shared.borrow_mut();
    let schema = engine.exec("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name, type").expect("schema");
    let schema_json = Json::Array(schema.rows.iter().map(|r| Json::Array(r.iter().map(cell).collect())).collect());
    let mut rows = serde_json::Map::new();
    let tables = engine.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").expect("tables");
    for row in &tables.rows {
        let Value::Text(table) = &row[0] else { continue };
        if table.starts_with("sqlite_") {
            continue;
        }
        let found = engine.exec(&format!("SELECT * FROM \"{table}\"")).expect("rows");
        let mut list: Vec<Json> = found.rows.iter().map(|r| Json::Array(r.iter().map(cell).collect())).collect();
        list.sort_by_key(|r| r.to_string());
        rows.insert(table.clone(), Json::Array(list));
    }
    (schema_json, Json::Object(rows))
}

fn project_files(lab: &Lab) -> BTreeMap<String, String> {
    lab.files().iter().filter(|(p, _)| !p.ends_with(".gitkeep")).map(|(p, t)| (p.clone(), t.clone())).collect()
}

/// upgrade() and downgrade() as code, as record.py keeps them: no docstrings, comments or blanks.
fn revision_bodies(text: &str) -> String {
    let mut out = Vec::new();
    let mut keep = false;
    for line in text.lines() {
        if line.starts_with("def ") {
            keep = line.starts_with("def upgrade") || line.starts_with("def downgrade");
        } else if !line.is_empty() && !line.starts_with([' ', '\t']) {
            keep = false;
        }
        let stripped = line.trim();
        if !keep || stripped.starts_with('#') || stripped.starts_with("\"\"\"") || stripped.is_empty() {
            continue;
        }
        out.push(line.trim_end());
    }
    out.join("\n")
}

/// Autogenerate compares foreign keys through Python sets: a run of foreign-key drops, or of
/// foreign-key creations, in a revision file comes in any order, so such runs compare sorted.
fn foreign_key_lines_sorted(body: &str) -> String {
    let kind = |line: &str| {
        let op = line.trim_start().trim_start_matches("batch_").trim_start_matches("op.");
        if op.starts_with("drop_constraint(") && op.contains("type_='foreignkey'") {
            Some(0)
        } else if op.starts_with("create_foreign_key(") {
            Some(1)
        } else {
            None
        }
    };
    let mut lines: Vec<&str> = body.split('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        match kind(lines[i]) {
            None => i += 1,
            Some(k) => {
                let run = lines[i..].iter().take_while(|l| kind(l) == Some(k)).count();
                lines[i..i + run].sort();
                i += run;
            }
        }
    }
    lines.join("\n")
}

/// Batch mode rebuilds a table (`CREATE TABLE "name"`, as SQLite records the renamed copy) from
/// its constraints as Alembic gathers them from a Python set: named ones first, then unnamed
/// ones, each group in any order. A run of named (`CONSTRAINT …`) lines, or of unnamed
/// (`FOREIGN KEY(…`, `UNIQUE (…`, `CHECK (…`) lines, compares sorted.
fn constraint_lines_sorted(sql: &str) -> String {
    let lines: Vec<String> = sql.split('\n').map(|l| l.trim_end_matches(", ").to_string()).collect();
    let ends_with_comma: Vec<bool> = sql.split('\n').map(|l| l.ends_with(", ")).collect();
    let kind = |line: &str| {
        let line = line.trim_start();
        if line.starts_with("CONSTRAINT ") {
            Some(0)
        } else if sql.starts_with("CREATE TABLE \"") && ["FOREIGN KEY(", "UNIQUE (", "CHECK ("].iter().any(|p| line.starts_with(p)) {
            Some(1)
        } else {
            None
        }
    };
    let mut sorted = lines.clone();
    let mut i = 0;
    while i < lines.len() {
        let Some(k) = kind(&lines[i]) else {
            i += 1;
            continue;
        };
        let run = lines[i..].iter().take_while(|l| kind(l) == Some(k)).count();
        sorted[i..i + run].sort();
        i += run;
    }
    sorted.iter().zip(ends_with_comma).map(|(l, comma)| if comma { format!("{l}, ") } else { l.clone() }).collect::<Vec<_>>().join("\n")
}

fn sorted_schema(schema: &Json) -> Json {
    let mut list: Vec<Json> = schema
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|row| match row {
            Json::Array(mut cells) => {
                if let Some(Json::String(sql)) = cells.get(3) {
                    cells[3] = Json::String(constraint_lines_sorted(sql));
                }
                Json::Array(cells)
            }
            other => other,
        })
        .collect();
    list.sort_by_key(|r| r.to_string());
    Json::Array(list)
}

/// A public project's files for an unpack step (record.py's `unpacked_files`): one file, or a
/// folder's `.py` files, from the project's wheel as `make real-projects` unpacked it.
fn unpacked_files(project: &str, from: &str, to: &str) -> Vec<(String, String)> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/real-projects").join(project).join(from);
    let read = |path: &Path| {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}; run `make real-projects` first", path.display()))
    };
    if !source.is_dir() {
        return vec![(to.to_string(), read(&source))];
    }
    let mut paths: Vec<_> = std::fs::read_dir(&source)
        .unwrap_or_else(|e| panic!("{}: {e}; run `make real-projects` first", source.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    paths.iter().map(|p| (format!("{to}/{}", p.file_name().unwrap_or_default().to_string_lossy()), read(p))).collect()
}

/// Replays one fixture; returns (steps, differences as "scenario#index: what").
fn replay(fixture: &Json) -> (usize, Vec<(String, String)>) {
    let name = fixture["name"].as_str().unwrap_or("?");
    let mut lab = lab();
    if let Some(files) = fixture["files"].as_object() {
        for (path, text) in files {
            lab.write_file(path, text.as_str().unwrap_or("")).expect("scenario file");
        }
    }
    let mut steps = 0;
    let mut differences = Vec::new();
    for (index, step) in fixture["steps"].as_array().into_iter().flatten().enumerate() {
        if let Some(path) = step["write"].as_str() {
            lab.write_file(path, step["text"].as_str().unwrap_or("")).expect("write");
            continue;
        }
        if let Some(path) = step["remove"].as_str() {
            lab.remove_file(path).expect("remove");
            continue;
        }
        if let Some(project) = step["unpack"].as_str() {
            for (path, text) in unpacked_files(project, step["from"].as_str().unwrap_or(""), step["to"].as_str().unwrap_or("")) {
                lab.write_file(&path, &text).expect("unpacked file");
            }
            continue;
        }
        let line = step["run"].as_str().unwrap_or("");
        steps += 1;
        let before = project_files(&lab);
        let result = lab.run(line);
        let after = project_files(&lab);
        let mut what = Vec::new();
        let expected_ok = step["exit"].as_i64() == Some(0);
        if result.ok() != expected_ok {
            what.push(format!("exit: real {} / lab {}", step["exit"], if result.ok() { "ok" } else { "failed" }));
        }
        let real_terminal = set_order(line, json_lines(&step["terminal"]));
        let lab_terminal = set_order(line, lines(&result.output));
        if real_terminal != lab_terminal {
            what.push(format!("terminal:\n--- real\n{}\n--- lab\n{}", real_terminal.join("\n"), lab_terminal.join("\n")));
        }
        let (schema, rows) = database_state(&mut lab);
        if sorted_schema(&schema) != sorted_schema(&step["schema"]) {
            what.push(format!("schema:\n--- real\n{}\n--- lab\n{}", step["schema"], schema));
        }
        if rows != step["rows"] {
            what.push(format!("rows:\n--- real\n{}\n--- lab\n{}", step["rows"], rows));
        }
        let created: BTreeSet<&String> = after.keys().filter(|p| !before.contains_key(*p)).collect();
        let removed: BTreeSet<&String> = before.keys().filter(|p| !after.contains_key(*p)).collect();
        let real_created: BTreeSet<String> = json_lines(&step["created"]).into_iter().collect();
        let real_removed: BTreeSet<String> = json_lines(&step["removed"]).into_iter().collect();
        if created.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>() != real_created
            || removed.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>() != real_removed
        {
            what.push(format!("files: real +{real_created:?} -{real_removed:?} / lab +{created:?} -{removed:?}"));
        }
        if let Some(revisions) = step["revisions"].as_object() {
            for (path, body) in revisions {
                let lab_body = after.get(path).map(|t| revision_bodies(t)).unwrap_or_default();
                if foreign_key_lines_sorted(&lab_body) != foreign_key_lines_sorted(body.as_str().unwrap_or("")) {
                    what.push(format!("{path}:\n--- real\n{}\n--- lab\n{lab_body}", body.as_str().unwrap_or("")));
                }
            }
        }
        if let Some(texts) = step["revision_texts"].as_object() {
            // Whole files, for scenarios about the template; the creation date is the run's own.
            for (path, text) in texts {
                let lab_text = after.get(path).map(|t| {
                    t.lines().map(|l| if l.starts_with("Create Date: ") { "Create Date: <now>" } else { l }).collect::<Vec<_>>().join("\n") + "\n"
                });
                if lab_text.as_deref() != text.as_str() {
                    what.push(format!("{path} (whole file):\n--- real\n{}\n--- lab\n{}", text.as_str().unwrap_or(""), lab_text.unwrap_or_default()));
                }
            }
        }
        if !what.is_empty() {
            differences.push((format!("{name}#{index}"), format!("$ {line}\n{}", what.join("\n"))));
        }
    }
    (steps, differences)
}

/// `scenario#index  reason` lines: steps known to differ, each with why.
fn pending() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/pending.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(char::is_whitespace).map(|(k, v)| (k.to_string(), v.trim().to_string())))
        .collect()
}

#[test]
fn every_recorded_step_matches_real_alembic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let pending = pending();
    let (mut total, mut scenarios) = (0, 0);
    let mut unexpected = Vec::new();
    let mut known = BTreeSet::new();
    let mut all = Vec::new();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let fixture: Json = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        let (steps, differences) = replay(&fixture);
        total += steps;
        scenarios += 1;
        for (key, text) in differences {
            all.push(format!("{key}\n{text}"));
            if pending.contains_key(&key) {
                known.insert(key);
            } else {
                unexpected.push(format!("{key}\n{text}"));
            }
        }
    }
    let stale: Vec<&String> = pending.keys().filter(|k| !known.contains(*k)).collect();
    println!("oracle: {}/{total} steps match ({scenarios} scenarios; {} listed in pending.txt)", total - known.len() - unexpected.len(), known.len());
    // ORACLE_DUMP=path writes every difference, listed or not, for a developer to read.
    if let Ok(path) = std::env::var("ORACLE_DUMP") {
        std::fs::write(path, all.join("\n\n")).ok();
    }
    assert!(unexpected.is_empty(), "{} steps differ from real Alembic:\n\n{}", unexpected.len(), unexpected.join("\n\n"));
    assert!(stale.is_empty(), "these steps now match; remove them from tests/oracle/pending.txt: {stale:?}");
}
