//! The console as Python's REPL: each session of tests/python/sessions and tests/sqlalchemy/sessions
//! is typed into a Lab line by line, as a learner types it, and the transcript — prompts (`>>> `,
//! and `... ` while the console asks for more), output and tracebacks — must be what `python -i`
//! printed for the same lines in the project folder (recorded by tests/python/record.py with
//! CPython 3.11, and tests/sqlalchemy/record.py with SQLAlchemy 2.1.9: the echo log's clock and
//! timings and object addresses aside).
#![cfg(not(target_family = "wasm"))]

use std::path::Path;

use alembic_lab::lab::{Lab, Sources};
use serde_json::Value as Json;

/// What the console shows for `lines`, typed one by one; it stops where Python would exit.
fn transcript(lines: &str) -> String {
    let mut lab = Lab::new(Sources::default());
    let mut shown = String::new();
    let mut pending: Vec<&str> = Vec::new();
    for line in lines.lines() {
        shown.push_str(if pending.is_empty() { ">>> " } else { "... " });
        if pending.is_empty() && line.is_empty() {
            continue;
        }
        pending.push(line);
        let mut entry = pending.join("\n");
        if line.is_empty() {
            entry.push('\n');
        }
        let result = lab.run(&entry);
        if result.more {
            continue;
        }
        pending.clear();
        for text in &result.output {
            shown.push_str(text);
            shown.push('\n');
        }
        if entry.trim() == "exit()" {
            return shown;
        }
    }
    shown.push_str(">>> \n");
    shown
}

#[path = "sqlalchemy/compare.rs"]
mod compare;

#[test]
fn sessions_show_what_python_dash_i_shows() {
    let mut differ = Vec::new();
    let mut total = 0;
    for folder in ["tests/python/sessions", "tests/sqlalchemy/sessions"] {
        let (count, failed) = replay(folder);
        total += count;
        differ.extend(failed);
    }
    println!("python sessions: {}/{total} show what `python -i` shows", total - differ.len());
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

fn normalized(text: &str) -> String {
    text.split('\n').map(compare::normalize).collect::<Vec<_>>().join("\n")
}

fn replay(folder: &str) -> (usize, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .expect("sessions")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut differ = Vec::new();
    for path in &paths {
        let fixture: Json = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        let name = fixture["session"].as_str().unwrap_or_default();
        let lines = std::fs::read_to_string(root.join(name)).expect("session lines");
        let expected = normalized(fixture["transcript"].as_str().unwrap_or_default());
        let shown = normalized(&transcript(&lines));
        if shown != expected {
            differ.push(format!("{name}\n--- python -i\n{expected}\n--- lab\n{shown}"));
        }
    }
    assert!(!paths.is_empty(), "no recorded sessions in {folder}");
    (paths.len(), differ)
}

#[test]
fn the_result_says_when_more_is_needed_and_where_an_error_is() {
    let mut lab = Lab::new(Sources::default());
    assert!(lab.run("def f(n):").more);
    assert!(lab.run("items = [1,").more);
    let ran = lab.run("def f(n):\n    return 1 / n\n");
    assert!(!ran.more && ran.ok(), "{ran:?}");
    let failed = lab.run("f(0)");
    assert_eq!(failed.error_at, Some(("<stdin>".to_string(), 2)));
    assert_eq!(failed.error.map(|e| e.class_name().to_string()).as_deref(), Some("ZeroDivisionError"));
    lab.write_file("helpers.py", "def half(n):\n    return n / 2\n\nbroken = 1 +\n").unwrap();
    let syntax = lab.run("import helpers");
    assert_eq!(syntax.error_at, Some(("helpers.py".to_string(), 4)));
}

#[test]
fn the_session_lasts_until_exit_or_an_undo() {
    let mut lab = Lab::new(Sources::default());
    assert!(lab.run("kept = 'yes'").ok());
    assert_eq!(lab.run("kept").output, ["'yes'"]);
    let snapshot = lab.snapshot().expect("snapshot");
    assert!(lab.run("exit()").ok());
    assert_eq!(lab.run("kept").output.last().map(String::as_str), Some("NameError: name 'kept' is not defined"));
    assert!(lab.run("kept = 'again'").ok());
    lab.restore(&snapshot).expect("restore");
    assert!(!lab.run("kept").ok(), "a restored lab starts a fresh session");
}

#[test]
fn a_module_imported_in_the_session_stays_as_it_was_until_exit() {
    let mut lab = Lab::new(Sources::default());
    lab.write_file("greeting.py", "WORD = 'hello'\n").unwrap();
    assert!(lab.run("import greeting").ok());
    lab.write_file("greeting.py", "WORD = 'changed'\n").unwrap();
    assert_eq!(lab.run("greeting.WORD").output, ["'hello'"], "Python keeps the module it imported");
    assert_eq!(lab.run("python greeting.py").output, Vec::<String>::new());
    lab.run("exit()");
    assert!(lab.run("import greeting").ok());
    assert_eq!(lab.run("greeting.WORD").output, ["'changed'"]);
}

#[test]
fn shell_lines_and_python_lines_are_told_apart() {
    let mut lab = Lab::new(Sources::default());
    assert_eq!(lab.run("ls = [3, 1, 2]").output, Vec::<String>::new());
    assert_eq!(lab.run("sorted(ls)").output, ["[1, 2, 3]"]);
    assert!(lab.run("ls").output.join(" ").contains("main.py"), "a bare `ls` is the shell's");
    let help = lab.run("help").output.join("\n");
    assert!(help.contains("terminal in the project folder"));
    assert!(help.contains("init, revision, upgrade, downgrade"), "help names alembic's subcommands: {help}");
    assert!(help.contains("Not available in this lab"));
    assert!(lab.run("clear").clear);
    assert!(!lab.run("help(len)").output[0].contains("terminal"), "help(...) is Python's");
    let missing = lab.run("rm nothing.py");
    assert_eq!(missing.output, ["rm: cannot remove 'nothing.py': No such file or directory"]);
    assert!(!missing.ok());
    assert!(lab.run("rm main.py").ok());
    assert!(lab.read_file("main.py").is_err());
    assert_eq!(lab.run("rm src").output, ["rm: cannot remove 'src': Is a directory"]);
    assert_eq!(lab.run("cat nothing.py").output, ["cat: nothing.py: No such file or directory"]);
    assert!(lab.run("rm -f nothing.py").ok(), "-f: nothing to remove is fine");
    assert_eq!(lab.run("rm -x main.py").output, ["rm: invalid option -- 'x'", "Try 'rm --help' for more information."]);
    assert_eq!(lab.run("rm /etc/passwd").output, ["rm: cannot remove '/etc/passwd': not available in this lab (only the project's own files)"]);
    assert!(lab.run("rm -r src/models").ok());
    assert!(lab.read_file("src/models/user.py").is_err() && lab.read_file("src/db.py").is_ok());
}

#[test]
fn an_unknown_module_is_python_s_error_with_one_lab_note() {
    let mut lab = Lab::new(Sources::default());
    let result = lab.run("import requests");
    assert_eq!(result.output.last().map(String::as_str), Some("ModuleNotFoundError: No module named 'requests'"));
    assert_eq!(result.notes.len(), 1);
    assert!(result.notes[0].contains("datetime, decimal, enum, functools, heapq, itertools, json, logging") && result.notes[0].contains("sqlalchemy"), "{:?}", result.notes);
    assert!(lab.run("import datetime, os.path, sys, time, contextlib").ok());
}

#[test]
fn python_takes_a_file_with_arguments_code_with_c_and_says_its_version() {
    let mut lab = Lab::new(Sources::default());
    lab.write_file("args.py", "import sys\nprint(sys.argv)\n").unwrap();
    assert_eq!(lab.run("python args.py one 'two words'").output, ["['args.py', 'one', 'two words']"]);
    assert_eq!(lab.run("python -c 'import sys; print(sys.argv, 6 * 7)' x").output, ["['-c', 'x'] 42"]);
    let failed = lab.run("python -c '1/0'");
    assert_eq!(failed.output, ["Traceback (most recent call last):", "  File \"<string>\", line 1, in <module>", "ZeroDivisionError: division by zero"]);
    assert_eq!(lab.run("python -m args first").output, ["['args.py', 'first']"]);
    assert_eq!(lab.run("python -m nowhere").output, ["python: No module named nowhere"]);
    assert!(lab.run("python -V").output[0].starts_with("Python 3.11"));
    assert!(lab.run("python -i main.py").output[0].starts_with("not available in this lab: python -i"));
}

#[test]
fn other_shell_commands_are_said_to_be_unavailable_and_python_stays_python() {
    let mut lab = Lab::new(Sources::default());
    for line in ["pip install requests", "cd migrations", "cd ..", "git status", "sqlite3 sqlite.db", "echo \"hi\"", "mkdir -p x"] {
        let result = lab.run(line);
        assert!(!result.ok(), "{line}");
        let word = line.split(' ').next().unwrap_or_default();
        assert!(result.output[0].starts_with(&format!("not available in this lab: the shell command `{word}`")), "{line}: {:?}", result.output);
    }
    // The same words as Python: a name alone, assigned, called, or in an expression.
    assert!(lab.run("cd = 3").ok());
    assert_eq!(lab.run("cd").output, ["3"]);
    assert_eq!(lab.run("cd - 1").output, ["2"]);
    assert_eq!(lab.run("cd if cd else 0").output, ["3"]);
    assert_eq!(lab.run("echo = print").output, Vec::<String>::new());
    assert_eq!(lab.run("echo (1)").output, ["1"]);
    assert!(lab.run("pwd").output.join("\n").ends_with("NameError: name 'pwd' is not defined"));
}

/// A module's own `__getattr__` (PEP 562) answers for the names it lacks; CPython 3.11 printed
/// these lines for the same module and session.
#[test]
fn a_module_getattr_answers_for_missing_names() {
    let mut lab = Lab::new(Sources::default());
    let module = "_moved = {\"OldName\": \"NewName\"}\n\n\ndef __getattr__(name):\n    if name in _moved:\n        return f\"{name} is now {_moved[name]}\"\n    raise AttributeError(f\"module {__name__!r} has no attribute {name!r}\")\n";
    lab.write_file("legacy_names.py", module).unwrap();
    assert!(lab.run("import legacy_names").ok());
    assert_eq!(lab.run("from legacy_names import OldName; print(legacy_names.OldName, OldName == legacy_names.OldName)").output, ["OldName is now NewName True"]);
    assert_eq!(
        lab.run("print(getattr(legacy_names, 'missing', 'default'), hasattr(legacy_names, 'OldName'), hasattr(legacy_names, 'other'))").output,
        ["default True False"]
    );
    let missing = lab.run("legacy_names.other");
    assert_eq!(missing.output.last().map(String::as_str), Some("AttributeError: module 'legacy_names' has no attribute 'other'"));
}
