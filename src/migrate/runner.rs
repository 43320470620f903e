//! Running revisions against the database: `alembic_version` exactly as Alembic creates and writes
//! it, upgrade and downgrade one revision at a time by calling the revision file's `upgrade()` /
//! `downgrade()` (each step in its own transaction as Python's sqlite3 makes it, so a failing
//! revision leaves `alembic_version` at the last good revision), stamp, and offline `--sql` mode
//! that writes the SQL instead of running it.

use crate::fast_hash::FastMap;

use crate::alembic::{Runtime, Target};
use crate::databases::{Databases, SharedEngine};
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Raised, Res};
use crate::migrate::revision::{Node, RevisionMap};
use crate::migrate::script::{load_revision, Revision};
use crate::schema::{Column, SqlType, Table};
use crate::sql::{create_table, quote_identifier};
use crate::value::Value;

pub const VERSION_TABLE: &str = "alembic_version";

/// What Alembic logs as a migration context opens on SQLite (offline, "Generating static SQL"
/// comes between the two).
pub const CONTEXT_IMPL: &str = "INFO  [alembic.runtime.migration] Context impl SQLiteImpl.";
pub const GENERATING_SQL: &str = "INFO  [alembic.runtime.migration] Generating static SQL";
pub const NON_TRANSACTIONAL: &str = "INFO  [alembic.runtime.migration] Will assume non-transactional DDL.";

/// `alembic_version` as Alembic defines it: one `VARCHAR(32)` column, primary key `alembic_version_pkc`.
pub fn version_table() -> Table {
    let mut table = Table::new(VERSION_TABLE, vec![Column::new("version_num", SqlType::String(Some(32))).primary_key()]);
    table.primary_key_name = Some("alembic_version_pkc".into());
    table
}

/// The revision files of a project, loaded (each run as a module, as Alembic loads them), with
/// their graph. Their `upgrade()` and `downgrade()` run in the interpreter that loaded them.
pub struct Scripts {
    pub map: RevisionMap,
    by_id: FastMap<String, (String, Revision, Obj)>,
    runtime: Runtime,
}

/// A Python exception kept for the caller that runs Python (env.py's `run_migrations()`), while
/// the native code between returns the lab's error.
pub fn keep(runtime: &Runtime, raised: Box<Raised>) -> Error {
    *runtime.pending.borrow_mut() = Some(raised);
    Error::new(ErrorKind::PythonException, "a Python exception, kept to be raised again")
}

impl Scripts {
    /// Loads the revision files at `paths` (in the order the files were read) inside the current
    /// run of `py`, whose `alembic.op` hands operations to `runtime`. `target` is where operations
    /// a file calls as it loads go: Alembic loads revisions inside the migration context env.py
    /// set up, so its proxy works there; with `None` (commands that do not run env.py, such as
    /// `history`) the proxy refuses.
    pub fn load(py: &mut Interpreter, runtime: Runtime, paths: &[String], target: Option<Target>) -> Res<Scripts> {
        let mut revisions = Vec::new();
        if let Some(target) = target {
            runtime.start(target);
        }
        for path in paths {
            match load_revision(py, path) {
                Ok((revision, module)) => revisions.push((path.clone(), revision, module)),
                Err(raised) => {
                    runtime.stop();
                    return Err(raised);
                }
            }
        }
        runtime.stop();
        let nodes = revisions
            .iter()
            .map(|(_, r, _)| Node {
                revision: r.revision.clone(),
                down_revisions: r.down_revision.clone(),
                branch_labels: r.branch_labels.clone(),
                dependencies: r.depends_on.clone(),
            })
            .collect();
        let map = match RevisionMap::new(nodes) {
            Ok(map) => map,
            Err(error) => return crate::alembic::raise_error(py, error.into(), None),
        };
        let by_id = revisions.into_iter().map(|(path, r, module)| (r.revision.clone(), (path, r, module))).collect();
        Ok(Scripts { map, by_id, runtime })
    }

    /// [`Scripts::load`] as a run of its own (commands that do not run env.py): the scripts and
    /// what the files printed, or their error (an `alembic.util.CommandError` as Alembic's
    /// `FAILED:`).
    pub fn read(py: &mut Interpreter, runtime: Runtime, paths: &[String]) -> Result<(Scripts, String)> {
        let mut loaded = None;
        let (_, outcome) = py.run_host(|py| {
            loaded = Some(Scripts::load(py, runtime, paths, None)?);
            Ok(Obj::None)
        });
        match (outcome.error, loaded) {
            (None, Some(scripts)) => Ok((scripts, outcome.output)),
            (Some((class, traceback)), _) => Err(python_error(&class, &traceback)),
            (None, None) => Err(Error::new(ErrorKind::CommandError, "the revision files gave nothing back")),
        }
    }

    /// The project's revision files as a fresh interpreter over `files` loads them, `alembic.op`
    /// installed: what one `alembic` command sees, with that interpreter.
    pub fn from_files(files: crate::Files, databases: Databases, paths: &[String]) -> Result<(Scripts, Interpreter)> {
        let mut python = Interpreter::new(files);
        crate::sqlalchemy::install(&mut python, databases);
        let runtime = Runtime::default();
        crate::alembic::install(&mut python, runtime.clone());
        let (scripts, _) = Scripts::read(&mut python, runtime, paths)?;
        Ok((scripts, python))
    }

    pub fn revision(&self, id: &str) -> Option<&Revision> {
        self.by_id.get(id).map(|(_, r, _)| r)
    }

    pub fn path(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|(p, _, _)| p.as_str())
    }

    fn get(&self, id: &str) -> Result<&Revision> {
        self.revision(id).ok_or_else(|| Error::new(ErrorKind::CommandError, format!("Can't locate revision identified by '{id}'")))
    }

    /// Writes a command's pending output lines through `py` (see [`emit_line`]), in order,
    /// before Python runs again.
    pub fn flush(&self, py: &mut Interpreter, lines: &mut Vec<String>) -> Result<()> {
        for line in lines.drain(..) {
            if let Err(raised) = emit_line(py, &line) {
                return Err(keep(&self.runtime, raised));
            }
        }
        Ok(())
    }

    /// The Python exception a failed step kept (see [`keep`]), for a caller that raises it.
    pub fn take_pending(&self) -> Option<Box<Raised>> {
        self.runtime.pending.borrow_mut().take()
    }

    /// Runs host code (env.py's hooks) inside the current run; a Python exception is kept for the
    /// caller to raise.
    pub fn python<T>(&self, result: Res<T>) -> Result<T> {
        result.map_err(|raised| keep(&self.runtime, raised))
    }

    /// The name of the revision's `upgrade` or `downgrade` function, which Alembic's "Running …"
    /// lines show: a decorator without functools.wraps makes it `wrapper`.
    fn function_name(&self, py: &mut Interpreter, id: &str, function: &str) -> String {
        let Some((_, _, module)) = self.by_id.get(id) else { return function.to_string() };
        match py.get_attr(module, function).and_then(|f| py.get_attr(&f, "__name__")) {
            Ok(Obj::Str(name)) => name.to_string(),
            _ => function.to_string(),
        }
    }

    /// Calls the revision's `upgrade()` or `downgrade()` inside the current run, its operations
    /// going to `target`, which comes back (with what it collected). A Python exception is kept
    /// for the caller to raise.
    fn call(&self, py: &mut Interpreter, id: &str, function: &str, target: Target) -> (Result<()>, Option<Target>) {
        let Some((_, _, module)) = self.by_id.get(id) else {
            return (Err(Error::new(ErrorKind::CommandError, format!("Can't locate revision identified by '{id}'"))), None);
        };
        self.runtime.start(target);
        let outcome = py.get_attr(module, function).and_then(|run| py.call(run, Vec::new(), Vec::new()));
        let target = self.runtime.stop();
        (outcome.map(|_| ()).map_err(|raised| keep(&self.runtime, raised)), target)
    }

    /// The operations the revision's `upgrade()` or `downgrade()` calls, run without a database,
    /// as a run of its own.
    pub fn operations(&self, py: &mut Interpreter, id: &str, function: &str) -> Result<Vec<crate::migrate::ops::Op>> {
        let mut collected = None;
        let (_, outcome) = py.run_host(|py| {
            match self.call(py, id, function, Target::Collect(Vec::new())) {
                (Ok(()), target) => {
                    collected = target;
                    Ok(Obj::None)
                }
                (Err(error), _) => match self.take_pending() {
                    Some(raised) => Err(raised),
                    None => crate::alembic::raise_error(py, error, None),
                },
            }
        });
        if let Some((class, traceback)) = outcome.error {
            return Err(python_error(&class, &traceback));
        }
        Ok(match collected {
            Some(Target::Collect(ops)) => ops,
            _ => Vec::new(),
        })
    }
}

/// A Python error that ended a run, as the lab's error: an `alembic.util.CommandError` is
/// Alembic's `FAILED:`, anything else its traceback.
pub fn python_error(class: &str, traceback: &str) -> Error {
    let error = Error::python(class, traceback.trim_end());
    if class == "alembic.util.exc.CommandError" {
        let line = error.traceback_line();
        let message = line.strip_prefix("alembic.util.exc.CommandError: ").unwrap_or(&line);
        return Error::new(ErrorKind::CommandError, message).with_traceback(traceback.trim_end());
    }
    error
}

/// One line of output: Alembic's log lines through `logging`, the rest written.
pub fn emit_line(py: &mut Interpreter, line: &str) -> crate::interp::Res<()> {
    for (prefix, level) in [("INFO  [", 20), ("WARNI [", 30), ("ERROR [", 40), ("DEBUG [", 10)] {
        let Some((name, message)) = line.strip_prefix(prefix).and_then(|rest| rest.split_once("] ")) else { continue };
        let logging = py.import("logging")?;
        let get = py.get_attr(&logging, "getLogger")?;
        let logger = py.call(get, vec![Obj::str(name)], Vec::new())?;
        let log = py.get_attr(&logger, "log")?;
        py.call(log, vec![Obj::Int(level), Obj::str(message)], Vec::new())?;
        return Ok(());
    }
    py.write(&format!("{line}\n"))
}

/// A UserWarning Alembic raises (`util.warn(...)`), as Python prints it on stderr: the file and
/// line that raised it — the lab's Alembic lives in the project's `.venv/` — then that line.
pub fn alembic_warning(place: &str, message: &str) -> String {
    format!(".venv/lib/python3.11/site-packages/alembic/{place}: UserWarning: {message}\n  util.warn(")
}

/// The heads recorded in `alembic_version` (an empty list when the table is absent).
pub fn current_heads(engine: &mut Engine) -> Result<Vec<String>> {
    if !engine.has_table(VERSION_TABLE)? {
        return Ok(Vec::new());
    }
    let rows = engine.query("SELECT alembic_version.version_num \nFROM alembic_version", &[])?.rows;
    Ok(version_nums(rows))
}

fn version_nums(rows: Vec<Vec<Value>>) -> Vec<String> {
    rows.into_iter()
        .filter_map(|r| match r.into_iter().next() {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        })
        .collect()
}

/// The heads in `alembic_version`, read without recording anything (for drawing the graph).
pub fn recorded_heads(engine: &Engine) -> Result<Vec<String>> {
    if !engine.has_table(VERSION_TABLE)? {
        return Ok(Vec::new());
    }
    Ok(version_nums(engine.inspect("SELECT version_num FROM alembic_version")?.rows))
}

/// The statements that move `alembic_version` from `before` to `after` — the one place that writes
/// it, as Alembic's `HeadMaintainer`: UPDATE when one head replaces another, INSERT for a new
/// branch, DELETE for a head that goes away.
pub fn version_statements(before: &[String], after: &[String]) -> Vec<String> {
    let gone: Vec<&String> = before.iter().filter(|h| !after.contains(h)).collect();
    let new: Vec<&String> = after.iter().filter(|h| !before.contains(h)).collect();
    let mut out = Vec::new();
    let pairs = gone.len().min(new.len());
    for (from, to) in gone.iter().zip(new.iter()).take(pairs) {
        out.push(format!("UPDATE alembic_version SET version_num='{to}' WHERE alembic_version.version_num = '{from}'"));
    }
    for from in gone.iter().skip(pairs) {
        out.push(format!("DELETE FROM alembic_version WHERE alembic_version.version_num = '{from}'"));
    }
    for to in new.iter().skip(pairs) {
        out.push(format!("INSERT INTO alembic_version (version_num) VALUES ('{to}') RETURNING version_num"));
    }
    out
}

/// The `alembic_version` statements for running one revision, and the heads after it: the one
/// place that decides them, as Alembic's `HeadMaintainer` does — a new branch INSERTs, a merge
/// DELETEs all but its last down revision and UPDATEs that one, an unmerge INSERTs all but the
/// last and UPDATEs, a revision back to base DELETEs, anything else is one UPDATE.
pub fn step_versions(map: &RevisionMap, heads: &[String], revision: &str, up: bool) -> (Vec<String>, Vec<String>) {
    let downs = map.normalized_down_revisions(revision);
    let in_heads: Vec<&String> = downs.iter().filter(|d| heads.contains(d)).collect();
    let others_stand_on = |exclude: &[String]| {
        let others: Vec<String> = heads.iter().filter(|h| !exclude.contains(h)).cloned().collect();
        map.ancestors(&others)
    };
    let insert = |v: &str| format!("INSERT INTO alembic_version (version_num) VALUES ('{v}') RETURNING version_num");
    let delete = |v: &str| format!("DELETE FROM alembic_version WHERE alembic_version.version_num = '{v}'");
    let update = |from: &str, to: &str| format!("UPDATE alembic_version SET version_num='{to}' WHERE alembic_version.version_num = '{from}'");
    let mut next: Vec<String> = heads.to_vec();
    let mut sql = Vec::new();
    if up {
        if in_heads.is_empty() {
            sql.push(insert(revision));
            next.push(revision.to_string());
        } else if downs.len() > 1 && in_heads.len() > 1 {
            let ancestors = others_stand_on(&downs);
            let from: Vec<String> = downs.iter().filter(|d| !ancestors.contains(*d)).cloned().collect();
            let Some((last, rest)) = from.split_last() else { return (sql, next) };
            for gone in rest {
                sql.push(delete(gone));
            }
            sql.push(update(last, revision));
            next.retain(|h| !from.contains(h));
            next.push(revision.to_string());
        } else {
            let from = in_heads[0].clone();
            sql.push(update(&from, revision));
            next.retain(|h| *h != from);
            next.push(revision.to_string());
        }
        return (sql, next);
    }
    let ancestors = others_stand_on(&[revision.to_string()]);
    let to: Vec<String> = downs.iter().filter(|d| !ancestors.contains(*d)).cloned().collect();
    next.retain(|h| h != revision);
    match to.split_last() {
        None => sql.push(delete(revision)),
        Some((last, rest)) => {
            for back in rest {
                sql.push(insert(back));
            }
            sql.push(update(revision, last));
            next.extend(to.iter().cloned());
        }
    }
    (sql, next)
}

fn ensure_version_table(engine: &mut Engine) -> Result<()> {
    if !engine.has_table(VERSION_TABLE)? {
        engine.execute(&create_table(&version_table()), &[])?;
    }
    Ok(())
}


/// `Running upgrade A -> B, message`: the word is the migration function's name.
fn running(function: &str, from: &[String], to: &[String], message: &str) -> String {
    let doc = if message.is_empty() { String::new() } else { format!(", {message}") };
    format!("INFO  [alembic.runtime.migration] Running {function} {} -> {}{doc}", from.join(", "), to.join(", "))
}

fn offline_sql(sql: &str) -> String {
    format!("{};\n", sql.replace('\t', "    "))
}

/// The data an operation's drops take with them: a dropped table's rows, a dropped column's
/// values (inside a batch too), counted just before it runs.
pub fn data_in(engine: &Engine, op: &crate::migrate::ops::Op) -> Vec<(String, i64)> {
    use crate::migrate::ops::Op;
    let count = |sql: String| -> i64 {
        engine.inspect(&sql).ok().and_then(|r| r.rows.into_iter().next()).and_then(|r| r.into_iter().next()).map_or(0, |v| match v {
            Value::Integer(n) => n,
            _ => 0,
        })
    };
    let mut lost = Vec::new();
    match op {
        Op::DropTable { table, .. } => {
            let n = count(format!("SELECT count(*) FROM {}", quote_identifier(table)));
            if n > 0 {
                lost.push((table.clone(), n));
            }
        }
        Op::DropColumn { table, column, .. } => {
            let n = count(format!("SELECT count({}) FROM {}", quote_identifier(column), quote_identifier(table)));
            if n > 0 {
                lost.push((format!("{table}.{column}"), n));
            }
        }
        Op::Batch { ops, .. } => lost.extend(ops.iter().flat_map(|inner| data_in(engine, inner))),
        _ => {}
    }
    lost
}

/// A target the current heads cannot reach, in the words of Alembic's `upgrade` / `downgrade`.
fn destination_error(err: crate::migrate::revision::RevisionError, target: &str, direction: &str) -> Error {
    match err {
        crate::migrate::revision::RevisionError::NotAncestor { .. } => Error::new(
            ErrorKind::CommandError,
            format!("Destination {target} is not a valid {direction} target from current head(s)"),
        )
        .caused_by("alembic.script.revision.RangeNotAncestorError", err.detail()),
        other => other.into(),
    }
}

/// The current heads as a migration starts (its opening lines are `context.configure()`'s), with
/// `alembic_version` created when there are none, as `run_migrations` does before it looks at any
/// target. Offline there is no database: no heads. `mutate: false` is Alembic's `dont_mutate`
/// (`current` only looks).
pub fn open_context(engine: &mut Engine, sql_mode: bool, mutate: bool) -> Result<Vec<String>> {
    if sql_mode {
        return Ok(Vec::new());
    }
    let heads = current_heads(engine)?;
    if heads.is_empty() && mutate {
        ensure_version_table(engine)?;
    }
    Ok(heads)
}

/// `alembic ensure_version [--sql]`.
pub fn ensure_version(engine: &mut Engine, sql_mode: bool, out: &mut Vec<String>) -> Result<()> {
    open_context(engine, sql_mode, true)?;
    if sql_mode {
        out.push(offline_sql(&create_table(&version_table())));
    }
    ensure_version_table(engine)
}

/// `alembic upgrade <target> [--sql]`; `start:end` with `--sql`. Returns the data a step dropped.
pub fn upgrade(py: &mut Interpreter, database: &SharedEngine, scripts: &Scripts, target: &str, sql_mode: bool, out: &mut Vec<String>) -> Result<Vec<(String, i64)>> {
    if target.contains(':') && !sql_mode {
        return Err(Error::new(ErrorKind::CommandError, "Range revision not allowed"));
    }
    let current = open_context(&mut *Databases::borrow(database)?, sql_mode, true)?;
    let (current, target) = match target.split_once(':') {
        Some((start, end)) => (scripts.map.resolve(start)?, end),
        None => (current, target),
    };
    let path = scripts.map.upgrade_path(&current, target).map_err(|e| destination_error(e, target, "upgrade"))?;
    run(py, database, scripts, current, &path, true, sql_mode, out)
}

/// `alembic downgrade <target>`; `start:end` with `--sql`. Returns the data the steps dropped.
pub fn downgrade(py: &mut Interpreter, database: &SharedEngine, scripts: &Scripts, target: &str, sql_mode: bool, out: &mut Vec<String>) -> Result<Vec<(String, i64)>> {
    if target.contains(':') && !sql_mode {
        return Err(Error::new(ErrorKind::CommandError, "Range revision not allowed"));
    }
    if !target.contains(':') && sql_mode {
        return Err(Error::new(ErrorKind::CommandError, "downgrade with --sql requires <fromrev>:<torev>"));
    }
    let current = open_context(&mut *Databases::borrow(database)?, sql_mode, true)?;
    let (current, target) = match target.split_once(':') {
        Some((start, end)) => (scripts.map.resolve(start)?, end),
        None => (current, target),
    };
    if scripts.map.downgrade_is_ambiguous(&current, target) {
        out.push(alembic_warning(
            "script/revision.py:1168",
            "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.",
        ));
    }
    let path = scripts.map.downgrade_path(&current, target).map_err(|e| destination_error(e, target, "downgrade"))?;
    run(py, database, scripts, current, &path, false, sql_mode, out)
}

#[allow(clippy::too_many_arguments)]
fn run(
    py: &mut Interpreter,
    database: &SharedEngine,
    scripts: &Scripts,
    mut heads: Vec<String>,
    path: &[String],
    up: bool,
    sql_mode: bool,
    out: &mut Vec<String>,
) -> Result<Vec<(String, i64)>> {
    let mut lost = Vec::new();
    for id in path {
        let rev = scripts.get(id)?;
        let (versions, after) = step_versions(&scripts.map, &heads, id, up);
        let (from, to): (Vec<String>, Vec<String>) =
            if up { (rev.down_revision.clone(), vec![id.clone()]) } else { (vec![id.clone()], rev.down_revision.clone()) };
        let direction = if up { "upgrade" } else { "downgrade" };
        let name = scripts.function_name(py, id, direction);
        if sql_mode {
            if heads.is_empty() {
                out.push(offline_sql(&create_table(&version_table())));
            }
            out.push(running(&name, &from, &to, &rev.message));
            out.push(format!("-- Running {name} {} -> {}\n", from.join(", "), to.join(", ")));
            // What the revision writes (its SQL, its prints) follows the lines so far.
            scripts.flush(py, out)?;
            scripts.call(py, id, direction, Target::Offline).0?;
            for sql in &versions {
                out.push(offline_sql(sql));
            }
        } else {
            out.push(running(&name, &from, &to, &rev.message));
            scripts.flush(py, out)?;
            lost.extend(run_online(py, database, scripts, id, direction, &versions)?);
        }
        heads = after;
    }
    Ok(lost)
}

/// One revision on the database, as Alembic runs it on SQLite through Python's sqlite3: its
/// DDL takes effect as it runs, the first write opens a transaction, and the step ends with
/// `alembic_version` written and a COMMIT — or, when it fails, a ROLLBACK of what that transaction
/// holds (DDL before the first write stays, as it does for real). Foreign keys are not enforced
/// (Python's sqlite3 leaves them off), which is what lets batch mode rebuild a table other tables
/// point at — unless env.py's connection turned them on (a `connect` listener), and then they are.
/// Returns the data a downgrade step dropped.
fn run_online(py: &mut Interpreter, database: &SharedEngine, scripts: &Scripts, id: &str, direction: &str, versions: &[String]) -> Result<Vec<(String, i64)>> {
    let enforced = {
        let mut engine = Databases::borrow(database)?;
        let enforced = engine.foreign_keys_enforced()?;
        let wanted = engine.driver_foreign_keys;
        if enforced != wanted {
            engine.set_foreign_keys(wanted)?;
        }
        engine.driver_begins = true;
        enforced
    };
    let (mut outcome, target) = scripts.call(py, id, direction, Target::Online { database: database.clone(), bind: None, lost: Vec::new() });
    let mut engine = Databases::borrow(database)?;
    if outcome.is_ok() {
        outcome = versions.iter().try_for_each(|sql| engine.execute(sql, &[]).map(|_| ()));
    }
    if engine.in_transaction() {
        engine.driver(if outcome.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
    }
    engine.driver_begins = false;
    engine.transaction_owner = None;
    engine.set_foreign_keys(enforced)?;
    let lost = match target {
        Some(Target::Online { lost, .. }) if direction == "downgrade" => lost,
        _ => Vec::new(),
    };
    outcome.map(|()| lost)
}

/// `alembic stamp <target> [--purge] [--sql]`: records revisions in `alembic_version` without
/// running them.
pub fn stamp(engine: &mut Engine, scripts: &Scripts, targets: &[String], purge: bool, sql_mode: bool, out: &mut Vec<String>) -> Result<()> {
    if purge && sql_mode {
        return Err(Error::new(ErrorKind::CommandError, "Can't use --purge with --sql mode"));
    }
    let current = if sql_mode {
        Vec::new()
    } else if purge {
        ensure_version_table(engine)?;
        Vec::new()
    } else {
        let heads = current_heads(engine)?;
        if heads.is_empty() {
            ensure_version_table(engine)?;
        }
        heads
    };
    let mut current = current;
    let mut destination: Vec<String> = Vec::new();
    for target in targets {
        // `start:end` with --sql stamps from `start`.
        let target = match target.split_once(':') {
            Some((start, end)) if sql_mode => {
                current = scripts.map.resolve(start)?;
                end
            }
            _ => target.as_str(),
        };
        let ids = scripts.map.resolve(target).map_err(|e| match e {
            crate::migrate::revision::RevisionError::MultipleHeads { .. } => {
                Error::new(ErrorKind::CommandError, "Multiple heads are present; please specify a single target revision")
            }
            other => other.into(),
        })?;
        destination.extend(ids.into_iter().filter(|id| !destination.contains(id)).collect::<Vec<_>>());
    }
    // Already there: Alembic finds no stamp step to take, and says nothing.
    let sorted = |ids: &[String]| {
        let mut ids = ids.to_vec();
        ids.sort();
        ids
    };
    if !purge && sorted(&current) == sorted(&destination) {
        return Ok(());
    }
    let statements = version_statements(&current, &destination);
    if sql_mode && current.is_empty() && !statements.is_empty() {
        out.push(offline_sql(&create_table(&version_table())));
    }
    out.push(format!(
        "INFO  [alembic.runtime.migration] Running stamp_revision {} -> {}",
        current.join(", "),
        destination.join(", ")
    ));
    if sql_mode {
        out.push(format!("-- Running stamp_revision {} -> {}\n", current.join(", "), destination.join(", ")));
        out.extend(statements.iter().map(|s| offline_sql(s)));
        return Ok(());
    }
    engine.atomically(|engine| {
        if purge {
            engine.execute("DELETE FROM alembic_version", &[])?;
        }
        for sql in &statements {
            engine.execute(sql, &[])?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_version_table_is_alembics() {
        assert_eq!(
            create_table(&version_table()),
            "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"
        );
    }

    #[test]
    fn version_rows_change_as_alembic_writes_them() {
        assert_eq!(
            version_statements(&[], &ids(&["3f1a"])),
            ["INSERT INTO alembic_version (version_num) VALUES ('3f1a') RETURNING version_num"]
        );
        assert_eq!(
            version_statements(&ids(&["3f1a"]), &ids(&["8e2d"])),
            ["UPDATE alembic_version SET version_num='8e2d' WHERE alembic_version.version_num = '3f1a'"]
        );
        assert_eq!(version_statements(&ids(&["3f1a"]), &[]), ["DELETE FROM alembic_version WHERE alembic_version.version_num = '3f1a'"]);
        // A merge joins two rows into one: one UPDATE, one DELETE.
        assert_eq!(
            version_statements(&ids(&["aaaa", "bbbb"]), &ids(&["cccc"])),
            [
                "UPDATE alembic_version SET version_num='cccc' WHERE alembic_version.version_num = 'aaaa'",
                "DELETE FROM alembic_version WHERE alembic_version.version_num = 'bbbb'"
            ]
        );
    }

    #[test]
    fn each_step_writes_alembic_version_as_the_head_maintainer_does() {
        use crate::migrate::revision::Node;
        // a → b → {c, d}; e merges c and d.
        let map = RevisionMap::new(vec![
            Node::new("aaaa", &[]),
            Node::new("bbbb", &["aaaa"]),
            Node::new("cccc", &["bbbb"]),
            Node::new("dddd", &["bbbb"]),
            Node::new("eeee", &["cccc", "dddd"]),
        ])
        .unwrap();
        let (sql, heads) = step_versions(&map, &[], "aaaa", true);
        assert_eq!((sql.len(), heads), (1, ids(&["aaaa"])));
        assert!(sql[0].starts_with("INSERT"));
        let (sql, heads) = step_versions(&map, &ids(&["cccc"]), "dddd", true);
        assert_eq!(heads, ids(&["cccc", "dddd"]), "a second branch adds a row");
        assert!(sql[0].starts_with("INSERT"));
        let (sql, heads) = step_versions(&map, &ids(&["dddd", "cccc"]), "eeee", true);
        assert_eq!(heads, ids(&["eeee"]));
        assert_eq!(
            sql,
            [
                "DELETE FROM alembic_version WHERE alembic_version.version_num = 'cccc'",
                "UPDATE alembic_version SET version_num='eeee' WHERE alembic_version.version_num = 'dddd'"
            ],
            "a merge deletes all but its last down revision, then updates that one"
        );
        let (sql, mut heads) = step_versions(&map, &ids(&["eeee"]), "eeee", false);
        heads.sort();
        assert_eq!(heads, ids(&["cccc", "dddd"]));
        assert_eq!(sql.len(), 2, "an unmerge inserts one and updates the other");
        let (sql, heads) = step_versions(&map, &ids(&["cccc", "dddd"]), "dddd", false);
        assert_eq!((sql, heads), (vec!["DELETE FROM alembic_version WHERE alembic_version.version_num = 'dddd'".to_string()], ids(&["cccc"])));
    }
}
