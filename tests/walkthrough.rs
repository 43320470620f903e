//! The tutorial replayed on the Lab, command by command, checking what each prints and leaves, as
//! real Alembic 1.20 prints and leaves it on SQLite. Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::lab::{Lab, Sources};
use alembic_lab::migrate::reference;
use alembic_lab::migrate::runner::current_heads;
use alembic_lab::{ErrorKind, Value};

fn lab() -> Lab {
    Lab::new(Sources { now: Box::new(|| "2026-11-20 09:14:03.118042".to_string()), seed: 42 })
}

/// The code of a revision file's `upgrade()` and `downgrade()`: their lines without docstrings,
/// comments and blank lines.
fn operations(text: &str) -> Vec<String> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("def ") {
            inside = line.starts_with("def upgrade") || line.starts_with("def downgrade");
        } else if !line.is_empty() && !line.starts_with([' ', '\t']) {
            inside = false;
        }
        let code = line.trim();
        if inside && !code.is_empty() && !code.starts_with('#') && !code.starts_with("\"\"\"") {
            out.push(line.trim_end().to_string());
        }
    }
    out
}

fn ok(lab: &mut Lab, line: &str) -> Vec<String> {
    let result = lab.run(line);
    assert!(result.ok(), "{line}: {:?}\n{}", result.error, result.output.join("\n"));
    result.output
}

fn failed(lab: &mut Lab, line: &str) -> String {
    let result = lab.run(line);
    assert!(!result.ok(), "{line} should fail: {}", result.output.join("\n"));
    result.output.last().cloned().unwrap_or_default()
}

fn edit(lab: &mut Lab, path: &str, from: &str, to: &str) {
    let text = lab.read_file(path).unwrap().to_string();
    assert!(text.contains(from), "{path} has no {from:?}");
    lab.write_file(path, &text.replacen(from, to, 1)).unwrap();
}

/// `alembic init`, then the two settings the tutorial makes.
fn configured() -> Lab {
    let mut lab = lab();
    ok(&mut lab, "alembic init migrations");
    edit(&mut lab, "alembic.ini", "sqlalchemy.url = driver://user:pass@localhost/dbname", "sqlalchemy.url = sqlite:///sqlite.db");
    edit(
        &mut lab,
        "migrations/env.py",
        "target_metadata = None",
        "from src.models.base import Base\nimport src.models.user  # noqa: F401\n\ntarget_metadata = Base.metadata",
    );
    lab
}

fn rows(lab: &mut Lab, sql: &str) -> Vec<Vec<Value>> {
    lab.engine("sqlite.db").unwrap().borrow_mut().exec(sql).unwrap().rows
}

#[test]
fn init_writes_the_script_directory() {
    let mut lab = lab();
    assert_eq!(
        ok(&mut lab, "alembic init migrations"),
        [
            "Creating directory migrations ...  done",
            "Creating directory migrations/versions ...  done",
            "Generating migrations/script.py.mako ...  done",
            "Generating migrations/README ...  done",
            "Generating migrations/env.py ...  done",
            "Generating alembic.ini ...  done",
            "Please edit configuration/connection/logging settings in alembic.ini before proceeding.",
        ]
    );
    assert_eq!(failed(&mut lab, "alembic init migrations"), "FAILED: Directory migrations already exists and is not empty");
    assert_eq!(
        failed(&mut lab, "alembic upgrade head"),
        "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:driver"
    );
}

#[test]
fn autogenerate_needs_target_metadata() {
    let mut lab = lab();
    ok(&mut lab, "alembic init migrations");
    edit(&mut lab, "alembic.ini", "driver://user:pass@localhost/dbname", "sqlite:///sqlite.db");
    assert_eq!(
        failed(&mut lab, "alembic revision --autogenerate -m \"Add User table\""),
        "FAILED: Can't proceed with --autogenerate option; environment script migrations/env.py does not provide a \
         MetaData object or sequence of objects to the context."
    );
}

#[test]
fn the_tutorial_from_first_revision_to_upgrade_plus_two() {
    let mut lab = configured();
    let out = ok(&mut lab, "alembic revision --autogenerate -m \"Add User table\" --rev-id 3f1a9c2b7d40");
    assert_eq!(
        out[8..],
        [
            "INFO  [alembic.autogenerate.compare.tables] Detected added table 'users'",
            "Generating migrations/versions/3f1a9c2b7d40_add_user_table.py ...  done",
        ]
    );
    let written = lab.read_file("migrations/versions/3f1a9c2b7d40_add_user_table.py").unwrap();
    assert_eq!(written, reference::FILES[3].1, "the lab writes exactly the reference revision");
    assert!(rows(&mut lab, "SELECT name FROM sqlite_master WHERE name = 'users'").is_empty(), "nothing applied yet");

    let out = ok(&mut lab, "alembic upgrade head");
    assert_eq!(out[2], "INFO  [alembic.runtime.migration] Running upgrade  -> 3f1a9c2b7d40, Add User table");
    assert_eq!(ok(&mut lab, "alembic current")[2..], ["3f1a9c2b7d40 (head)"]);
    assert_eq!(ok(&mut lab, "alembic history"), ["<base> -> 3f1a9c2b7d40 (head), Add User table"]);

    edit(&mut lab, "src/models/user.py", "    name: Mapped[str] = mapped_column(String)\n", "    name: Mapped[str] = mapped_column(String)\n    email: Mapped[str | None] = mapped_column(String(120))\n");
    let out = ok(&mut lab, "alembic revision --autogenerate -m \"Add email to users\" --rev-id 8e2d41b6c0f3");
    assert_eq!(out[8], "INFO  [alembic.autogenerate.compare.tables] Detected added column 'users.email'");
    let written = lab.read_file("migrations/versions/8e2d41b6c0f3_add_email_to_users.py").unwrap();
    assert_eq!(operations(written), operations(reference::FILES[4].1));

    assert_eq!(failed(&mut lab, "alembic revision --autogenerate -m again"), "FAILED: Target database is not up to date.");
    ok(&mut lab, "alembic upgrade head");
    ok(&mut lab, "alembic check");
    assert_eq!(ok(&mut lab, "alembic check").last().unwrap(), "No new upgrade operations detected.");
    lab.engine("sqlite.db").unwrap().borrow_mut().exec("INSERT INTO users (name, email) VALUES ('John Doe', 'john@example.com')").unwrap();

    let result = lab.run("alembic downgrade -1");
    assert_eq!(result.output[2], "INFO  [alembic.runtime.migration] Running downgrade 8e2d41b6c0f3 -> 3f1a9c2b7d40, Add email to users");
    assert_eq!(result.output.len(), 3, "the terminal shows what Alembic prints");
    assert_eq!(result.notes, ["the downgrade dropped users.email with 1 row of data"]);
    let out = ok(&mut lab, "alembic downgrade base");
    assert_eq!(out[2], "INFO  [alembic.runtime.migration] Running downgrade 3f1a9c2b7d40 -> , Add User table");
    assert_eq!(rows(&mut lab, "SELECT count(*) FROM alembic_version"), vec![vec![Value::Integer(0)]]);
    assert_eq!(failed(&mut lab, "alembic downgrade -1"), "FAILED: Relative revision -1 didn't produce 1 migrations");
    let out = ok(&mut lab, "alembic upgrade +2");
    assert_eq!(out.len(), 4);
    assert_eq!(ok(&mut lab, "alembic current")[2..], ["8e2d41b6c0f3 (head)"]);
    ok(&mut lab, "alembic downgrade 3f1a");
    assert_eq!(ok(&mut lab, "alembic current")[2..], ["3f1a9c2b7d40"]);
    assert_eq!(failed(&mut lab, "alembic upgrade zzzz"), "FAILED: Can't locate revision identified by 'zzzz'");
    ok(&mut lab, "alembic stamp head");
    assert_eq!(ok(&mut lab, "alembic current")[2..], ["8e2d41b6c0f3 (head)"]);
    assert!(failed(&mut lab, "alembic check").starts_with("FAILED: New upgrade operations detected: [('add_column', None, 'users', Column('email', String(length=120), table=<users>))"));
}

#[test]
fn create_all_before_alembic_fails_until_stamp_head() {
    let mut lab = configured();
    ok(&mut lab, "alembic revision --autogenerate -m \"Add User table\"");
    // What db.create_tables() does before the learner meets Alembic:
    lab.engine("sqlite.db")
        .unwrap()
        .borrow_mut()
        .exec("CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)")
        .unwrap();
    let result = lab.run("alembic upgrade head");
    assert_eq!(result.error.as_ref().map(|e| e.class_name()), Some("sqlalchemy.exc.OperationalError"));
    assert!(result.error.as_ref().unwrap().traceback_line().starts_with("sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) table users already exists"));
    ok(&mut lab, "alembic stamp head");
    assert_eq!(ok(&mut lab, "alembic upgrade head").len(), 2, "nothing left to run");
}

#[test]
fn two_heads_refuse_upgrade_head_until_merged() {
    let mut lab = configured();
    ok(&mut lab, "alembic revision -m base --rev-id aaaa00000001");
    ok(&mut lab, "alembic revision -m \"b one\" --rev-id bbbb00000002");
    assert_eq!(
        failed(&mut lab, "alembic revision -m c --rev-id cccc00000003 --head aaaa00000001"),
        "FAILED: Revision aaaa00000001 is not a head revision; please specify --splice to create a new branch from this revision"
    );
    ok(&mut lab, "alembic revision -m c2 --rev-id cccc00000003 --head aaaa00000001 --splice");
    assert_eq!(ok(&mut lab, "alembic heads"), ["bbbb00000002 (head)", "cccc00000003 (head)"]);
    assert_eq!(ok(&mut lab, "alembic branches"), ["aaaa00000001 (branchpoint)\n             -> cccc00000003 (head)\n             -> bbbb00000002 (head)\n"]);
    assert_eq!(
        ok(&mut lab, "alembic history"),
        [
            "aaaa00000001 -> bbbb00000002 (head), b one",
            "aaaa00000001 -> cccc00000003 (head), c2",
            "<base> -> aaaa00000001 (branchpoint), base",
        ]
    );
    assert_eq!(
        failed(&mut lab, "alembic upgrade head"),
        "FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target \
         revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"
    );
    ok(&mut lab, "alembic merge heads -m \"merge them\" --rev-id dddd00000004");
    assert_eq!(ok(&mut lab, "alembic history")[0], "bbbb00000002, cccc00000003 -> dddd00000004 (head) (mergepoint), merge them");
    let out = ok(&mut lab, "alembic upgrade head");
    assert_eq!(
        out[2..],
        [
            "INFO  [alembic.runtime.migration] Running upgrade  -> aaaa00000001, base",
            "INFO  [alembic.runtime.migration] Running upgrade aaaa00000001 -> cccc00000003, c2",
            "INFO  [alembic.runtime.migration] Running upgrade aaaa00000001 -> bbbb00000002, b one",
            "INFO  [alembic.runtime.migration] Running upgrade bbbb00000002, cccc00000003 -> dddd00000004, merge them",
        ]
    );
    assert_eq!(current_heads(&mut lab.engine("sqlite.db").unwrap().borrow_mut()).unwrap(), ["dddd00000004"]);
    assert!(ok(&mut lab, "alembic show dddd")[0].starts_with("Rev: dddd00000004 (head) (mergepoint)\nMerges: bbbb00000002, cccc00000003\n"));
}

const BATCH_ENV_FROM: &str = "context.configure(connection=connection, target_metadata=target_metadata)";
const BATCH_ENV_TO: &str = "context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)";

/// A project at "Add User table" with two users, whose model then makes `name` optional.
fn name_made_optional(batch: bool) -> Lab {
    let mut lab = configured();
    if batch {
        edit(&mut lab, "migrations/env.py", BATCH_ENV_FROM, BATCH_ENV_TO);
    }
    ok(&mut lab, "alembic revision --autogenerate -m \"Add User table\" --rev-id 3f1a9c2b7d40");
    ok(&mut lab, "alembic upgrade head");
    lab.engine("sqlite.db").unwrap().borrow_mut().exec("INSERT INTO users (name) VALUES ('John Doe'), ('Jane Doe')").unwrap();
    edit(&mut lab, "src/models/user.py", "name: Mapped[str] = mapped_column(String)", "name: Mapped[str | None] = mapped_column(String)");
    ok(&mut lab, "alembic revision --autogenerate -m \"Make name optional\" --rev-id 5b6c7d8e9f01");
    lab
}

const OPTIONAL_NAME: &str = "migrations/versions/5b6c7d8e9f01_make_name_optional.py";

#[test]
fn a_plain_alter_column_fails_on_sqlite() {
    let mut lab = name_made_optional(false);
    assert!(lab.read_file(OPTIONAL_NAME).unwrap().contains("    op.alter_column('users', 'name',\n"));
    let result = lab.run("alembic upgrade head");
    assert_eq!(
        result.error.as_ref().unwrap().traceback_line(),
        "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) near \"ALTER\": syntax error\n\
         [SQL: ALTER TABLE users ALTER COLUMN name DROP NOT NULL]\n(Background on this error at: https://sqlalche.me/e/21/e3q8)"
    );
    assert_eq!(current_heads(&mut lab.engine("sqlite.db").unwrap().borrow_mut()).unwrap(), ["3f1a9c2b7d40"]);
}

#[test]
fn batch_mode_does_the_same_change_and_keeps_the_rows() {
    let mut lab = name_made_optional(true);
    assert!(lab.read_file(OPTIONAL_NAME).unwrap().contains(
        "    with op.batch_alter_table('users', schema=None) as batch_op:\n        batch_op.alter_column('name',\n               \
         existing_type=sa.VARCHAR(),\n               nullable=True)\n"
    ));
    ok(&mut lab, "alembic upgrade head");
    assert_eq!(rows(&mut lab, "SELECT name FROM users ORDER BY id"), vec![vec![Value::from("John Doe")], vec![Value::from("Jane Doe")]]);
    lab.engine("sqlite.db").unwrap().borrow_mut().exec("INSERT INTO users (name) VALUES (NULL)").unwrap();
    // Going back to NOT NULL with a NULL in the table fails, as it does for real, and changes nothing.
    let result = lab.run("alembic downgrade -1");
    assert_eq!(result.error.as_ref().map(|e| e.class_name()), Some("sqlalchemy.exc.IntegrityError"));
    assert!(result.error.as_ref().unwrap().traceback_line().contains("NOT NULL constraint failed: _alembic_tmp_users.name"));
    assert_eq!(rows(&mut lab, "SELECT count(*) FROM users"), vec![vec![Value::Integer(3)]]);
    assert_eq!(current_heads(&mut lab.engine("sqlite.db").unwrap().borrow_mut()).unwrap(), ["5b6c7d8e9f01"]);
}

#[test]
fn an_autogenerate_with_no_changes_writes_pass_and_stamp_purge_resets() {
    let mut lab = configured();
    ok(&mut lab, "alembic revision --autogenerate -m \"Add User table\" --rev-id 3f1a9c2b7d40");
    ok(&mut lab, "alembic upgrade head");
    ok(&mut lab, "alembic revision --autogenerate -m \"nothing new\" --rev-id 9a9a9a9a9a9a");
    let text = lab.read_file("migrations/versions/9a9a9a9a9a9a_nothing_new.py").unwrap();
    assert!(text.contains(
        "def upgrade() -> None:\n    \"\"\"Move the schema forward to this revision.\"\"\"\n    \
         # ### commands written by autogenerate: review them before running ###\n    pass\n"
    ));
    ok(&mut lab, "alembic stamp 3f1a --purge");
    assert_eq!(ok(&mut lab, "alembic current")[2..], ["3f1a9c2b7d40"]);
    assert_eq!(ok(&mut lab, "alembic history -i")[3], "<base> -> 3f1a9c2b7d40 (current), Add User table");
    let sql = ok(&mut lab, "alembic upgrade 3f1a:head --sql").join("\n");
    assert!(sql.contains("-- Running upgrade 3f1a9c2b7d40 -> 9a9a9a9a9a9a"));
    assert!(sql.contains("UPDATE alembic_version SET version_num='9a9a9a9a9a9a' WHERE alembic_version.version_num = '3f1a9c2b7d40';"));
}

#[cfg(not(target_family = "wasm"))]
#[test]
fn the_exported_database_is_a_sqlite_file_other_tools_open() {
    let mut lab = configured();
    ok(&mut lab, "alembic revision --autogenerate -m \"Add User table\"");
    ok(&mut lab, "alembic upgrade head");
    ok(&mut lab, "from src.db import Database");
    ok(&mut lab, "from src.models.user import User");
    ok(&mut lab, "db = Database(\"sqlite.db\")");
    ok(&mut lab, "db.create_user(User(name=\"John Doe\"))");
    let path = std::env::temp_dir().join(format!("alembic-lab-export-{}.db", std::process::id()));
    std::fs::write(&path, lab.export_db().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let name: String = conn.query_row("SELECT name FROM users", [], |r| r.get(0)).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!((name.as_str(), check.as_str()), ("John Doe", "ok"));
}

#[test]
fn a_database_stamped_with_an_unknown_revision_gets_errors_not_a_crash() {
    let mut lab = configured();
    ok(&mut lab, "alembic revision -m base --rev-id aaaa00000001");
    ok(&mut lab, "alembic stamp head");
    lab.engine("sqlite.db").unwrap().borrow_mut().exec("UPDATE alembic_version SET version_num = 'ffffffffffff'").unwrap();
    for line in ["alembic downgrade -1", "alembic upgrade head", "alembic upgrade +1", "alembic downgrade base", "alembic current", "alembic check", "alembic history -i"] {
        let result = lab.run(line);
        if let Some(err) = result.error {
            assert_eq!(err.kind(), ErrorKind::CommandError, "{line}: {err}");
        }
    }
    assert_eq!(failed(&mut lab, "alembic downgrade -1"), "FAILED: Can't locate revision identified by 'ffffffffffff'");
}
