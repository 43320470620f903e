//! The `alembic` command line, on the lab's project: each command reads `alembic.ini`, `env.py`,
//! the models and `versions/` from the project's files as real Alembic would, and prints what
//! Alembic prints on SQLite, ending with `FAILED: …` where Alembic fails.

use crate::alembic::directives::Directive;
use crate::error::{Error, ErrorKind, Result};
use crate::lab::{Lab, LineResult};
use crate::migrate::compare::as_batches;
use crate::migrate::ops::{reverse_all, Op};
use crate::migrate::reference;
use crate::migrate::revision::RevisionError;
use crate::migrate::cli::{self, Invocation, Parsed};
use std::cell::RefCell;
use std::rc::Rc;

use crate::alembic::environment::{Configured, Environment, Migration};
use crate::alembic::Target;
use crate::databases::Databases;
use crate::migrate::runner::{self, Scripts};
use crate::migrate::script::{file_name, render_template, Revision};
use crate::interp::object::Obj;
use crate::schema::MetaData;

const INIT_INI: &str = include_str!("../../templates/init/alembic.ini");
const INIT_ENV: &str = include_str!("../../templates/init/env.py");
const INIT_README: &str = include_str!("../../templates/init/README");

fn command_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::CommandError, message)
}

/// The project's Alembic configuration, read from its files.
struct Project {
    script_location: String,
    /// `sqlalchemy.url` as written; only commands that connect read it (see [`Project::database`]).
    url: String,
}

impl Project {
    /// The database the URL names. Alembic's commands that never connect (`history`, `heads`,
    /// `revision` without `--autogenerate` …) work while the URL is still a placeholder; the
    /// others fail here as SQLAlchemy's `create_engine` does.
    fn database(&self) -> Result<String> {
        match self.url.split_once("://") {
            Some(("sqlite", rest)) => {
                let name = rest.trim_start_matches('/');
                Ok(if name.is_empty() { ":memory:".to_string() } else { name.to_string() })
            }
            Some((dialect, _)) => {
                let plugin = dialect.split('+').next().unwrap_or(dialect);
                let message = if matches!(plugin, "postgresql" | "mysql" | "mariadb" | "oracle" | "mssql") {
                    format!("the lab has SQLite only: set sqlalchemy.url = sqlite:///sqlite.db (got {plugin}://)")
                } else {
                    format!("Can't load plugin: sqlalchemy.dialects:{plugin}")
                };
                Err(Error::new(ErrorKind::NoSuchModuleError, message))
            }
            None => Err(Error::new(ErrorKind::ArgumentError, "Could not parse SQLAlchemy URL from given URL string")),
        }
    }
}

fn read_config(lab: &Lab, invocation: &Invocation) -> Result<Project> {
    let file = invocation.value("config").unwrap_or("alembic.ini");
    let wanted = format!("[{}]", invocation.value("name").unwrap_or("alembic"));
    // No file, or no such section: Alembic 1.20 finds no script_location and says so.
    let missing = || command_error("No 'script_location' key found in configuration.");
    let ini = lab.read_file(file).map_err(|_| missing())?;
    let mut section = "";
    let mut found = false;
    let mut script_location = None;
    let mut url = None;
    for line in ini.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            section = line;
            found |= section == wanted;
            continue;
        }
        if section != wanted {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            match key.trim() {
                "script_location" => script_location = Some(value.trim().trim_start_matches("%(here)s/").to_string()),
                "sqlalchemy.url" => url = Some(value.trim().to_string()),
                _ => {}
            }
        }
    }
    if !found {
        return Err(missing());
    }
    let script_location = script_location.ok_or_else(|| command_error("No 'script_location' key found in configuration."))?;
    if !lab.has_dir(&script_location) {
        return Err(command_error(format!(
            "Path doesn't exist: {script_location}.  Please use the 'init' command to create a new scripts folder."
        )));
    }
    Ok(Project { script_location, url: url.unwrap_or_default() })
}

/// Printed text as terminal lines (its last newline ends the last line).
fn lines_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.strip_suffix('\n').unwrap_or(text).split('\n').map(str::to_string)
}

/// The revision files in `<script_location>/versions/`, in file-name order.
fn revision_paths(lab: &Lab, project: &Project) -> Vec<String> {
    let prefix = format!("{}/versions/", project.script_location);
    lab.files()
        .keys()
        .filter(|path| path.strip_prefix(&prefix).is_some_and(|name| name.ends_with(".py") && !name.contains('/')))
        .cloned()
        .collect()
}

/// The revision files as a command that does not run env.py reads them, and what they printed.
fn read_scripts(lab: &mut Lab, project: &Project) -> Result<(Scripts, String)> {
    let paths = revision_paths(lab, project);
    let runtime = crate::alembic::Runtime::default();
    let mut python = lab.new_interpreter();
    crate::alembic::install(&mut python, runtime.clone());
    // No env.py runs for these commands: an `op.*` call at a file's top level is refused.
    Scripts::read(&mut python, runtime, &paths)
}

const LIST_TEMPLATES: &str = "Available templates:\n\npyproject_async - pyproject configuration, with an async dbapi.\n\
multidb - Rudimentary multi-database configuration.\ngeneric - Generic single-database configuration.\n\
pyproject - pyproject configuration, based on the generic configuration.\n\
async - Generic single-database configuration with an async dbapi.\n\n\
Templates are used via the 'init' command, e.g.:\n\n  alembic init --template generic ./scripts";

/// Something real Alembic does that the lab cannot: said plainly, never dressed as the tool's error.
fn not_available(what: impl Into<String>) -> Error {
    Error::new(ErrorKind::NotAvailable, format!("not available in this lab: {}", what.into()))
}

/// Runs `alembic <words>` on the lab.
pub fn run_alembic(lab: &mut Lab, words: &[String]) -> LineResult {
    let invocation = match cli::parse(words) {
        Parsed::Print(text) => return LineResult { output: vec![text], error: None, notes: Vec::new(), ..LineResult::default() },
        Parsed::Usage(text) => {
            return LineResult { output: vec![text], error: Some(Error::new(ErrorKind::SystemExit, "2")), notes: Vec::new(), ..LineResult::default() }
        }
        Parsed::Run(invocation) => invocation,
    };
    let mut output = Vec::new();
    let mut notes = Vec::new();
    let outcome = dispatch(lab, &invocation, &mut output, &mut notes);
    let quiet = invocation.flag("quiet");
    match outcome {
        Ok(()) => LineResult { output: if quiet { quieted(&invocation.command, output) } else { output }, error: None, notes, ..LineResult::default() },
        Err(err) => {
            match err.kind() {
                // (The commands that run env.py have logged it first, through env.py's logging.)
                ErrorKind::CommandError if !invocation.flag("raiseerr") => output.push(format!("FAILED: {}", err.message())),
                // --raiseerr: the exception goes uncaught, and Python prints its traceback.
                ErrorKind::CommandError => output.extend(lines_of(&err.uncaught_text())),
                ErrorKind::NotAvailable => output.push(err.message().to_string()),
                // A Python exception (in env.py, a revision, a model) shows as Python shows it:
                // the traceback through the project's files.
                ErrorKind::PythonException => output.extend(lines_of(err.message())),
                _ => output.push(err.traceback_line()),
            }
            let output = if quiet { quieted(&invocation.command, output) } else { output };
            LineResult { output, error: Some(err), notes, ..LineResult::default() }
        }
    }
}

/// What `-q` leaves: Alembic's quiet mode silences what it prints itself (command results, the
/// `Generating … done` status lines, `FAILED:`), never the log lines env.py's logging writes, nor
/// the SQL of `--sql`.
fn quieted(command: &str, output: Vec<String>) -> Vec<String> {
    let printed_results = matches!(command, "heads" | "history" | "current" | "branches" | "show" | "check" | "list_templates");
    let is_log = |line: &str| ["INFO  [", "ERROR [", "WARNI [", "DEBUG ["].iter().any(|p| line.starts_with(p));
    let is_status = |line: &str| {
        ["Generating ", "Creating directory ", "Please edit configuration", "File alembic.ini already exists", "FAILED: "].iter().any(|p| line.starts_with(p))
    };
    output.into_iter().filter(|line| is_log(line) || !(printed_results || is_status(line))).collect()
}

fn dispatch(lab: &mut Lab, inv: &Invocation, out: &mut Vec<String>, notes: &mut Vec<String>) -> Result<()> {
    match inv.command.as_str() {
        "init" => return init(lab, inv, out),
        "list_templates" => {
            out.push(LIST_TEMPLATES.to_string());
            return Ok(());
        }
        _ => {}
    }
    let project = read_config(lab, inv)?;
    let autogenerates = inv.command == "check" || (inv.command == "revision" && inv.flag("autogenerate"));
    // `history` and `show` look at the database (through env.py) only for `current`.
    let looks_at_current = match inv.command.as_str() {
        "history" => {
            let (base, head) = history_range(inv)?;
            base == "current" || head == "current" || inv.flag("indicate_current")
        }
        "show" => inv.positional("rev") == Some("current"),
        _ => false,
    };
    if autogenerates || looks_at_current || matches!(inv.command.as_str(), "upgrade" | "downgrade" | "stamp" | "ensure_version" | "current") {
        return with_env(lab, &project, inv, out, notes);
    }
    let (scripts, printed) = read_scripts(lab, &project)?;
    if !printed.is_empty() {
        out.extend(printed.trim_end_matches('\n').split('\n').map(str::to_string));
    }
    let verbose = inv.flag("verbose");
    match inv.command.as_str() {
        "revision" => revision(lab, &project, &scripts, inv, out, None, None),
        "merge" => merge(lab, &project, &scripts, inv, out),
        "heads" => {
            for head in scripts.map.heads() {
                if inv.flag("resolve_dependencies") && !scripts.map.is_real_head(&head) {
                    continue;
                }
                out.push(format_revision(&scripts, &head, Show { verbose, branches: true, ..Show::default() }, false));
            }
            Ok(())
        }
        "branches" => {
            for id in scripts.map.in_order().iter().rev().filter(|id| scripts.map.is_branch_point(id)) {
                let pad = " ".repeat(id.len());
                let children: Vec<String> = scripts
                    .map
                    .children_of(id)
                    .iter()
                    .rev()
                    .map(|child| {
                        let how = Show { branches: true, doc: verbose, tree: true, ..Show::default() };
                        format!("{pad} -> {}", format_revision(&scripts, child, how, false))
                    })
                    .collect();
                let how = Show { verbose, branches: true, tree: true, ..Show::default() };
                out.push(format!("{}\n{}\n", format_revision(&scripts, id, how, false), children.join("\n")));
            }
            Ok(())
        }
        "history" => history(&scripts, inv, Vec::new(), out),
        "show" => {
            let rev = inv.positional("rev").unwrap_or_default();
            for id in scripts.map.resolve(rev).map_err(Error::from)? {
                out.push(log_entry(&scripts, &id, false));
            }
            Ok(())
        }
        "edit" => {
            let rev = inv.positional("rev").unwrap_or_default();
            let ids = scripts.map.resolve(rev).map_err(Error::from)?;
            match ids.first() {
                None => Err(command_error(format!("No revision files indicated by symbol '{rev}'"))),
                Some(id) => Err(not_available(format!(
                    "alembic edit opens $EDITOR; open {} in the Files tab instead",
                    scripts.path(id).unwrap_or_default()
                ))),
            }
        }
        other => Err(not_available(format!("alembic {other}"))),
    }
}

/// What running env.py left: its interpreter (with the logging it configured), whether it
/// configured the migration context, and its error.
struct EnvRun {
    python: crate::interp::Interpreter,
    configured: bool,
    error: Option<Error>,
}

/// Runs the project's env.py as Alembic does for a command: as Python, with `alembic.context`
/// giving it this command's configuration; `migration` is what its `context.run_migrations()`
/// runs. What it printed and logged goes to `out`.
fn run_env(lab: &mut Lab, project: &Project, inv: &Invocation, runtime: &crate::alembic::Runtime, migration: Migration, out: &mut Vec<String>) -> EnvRun {
    let mut python = lab.new_interpreter();
    crate::alembic::install(&mut python, runtime.clone());
    let x = inv.values("x");
    *runtime.env.borrow_mut() = Some(Environment {
        config_file_name: inv.value("config").unwrap_or("alembic.ini").to_string(),
        ini_section: inv.value("name").unwrap_or("alembic").to_string(),
        x_arguments: if x.is_empty() { None } else { Some(x) },
        options: crate::migrate::cli::namespace(inv),
        offline: inv.flag("sql"),
        configured: None,
        migration: Some(migration),
    });
    let path = format!("{}/env.py", project.script_location);
    let (_, outcome) = python.run_host(|py| py.load_file("env_py", &path));
    let mut text = outcome.output;
    if let Some((_, traceback)) = &outcome.error {
        if let Some(before) = text.strip_suffix(traceback.as_str()) {
            text = before.to_string();
        }
    }
    if !text.is_empty() {
        out.extend(lines_of(&text));
    }
    let configured = runtime.env.borrow_mut().take().is_some_and(|e| e.configured.is_some());
    let error = outcome.error.map(|(class, traceback)| runner::python_error(&class, &traceback));
    EnvRun { python, configured, error }
}

/// The commands that run env.py: env.py runs as Python, and its `context.run_migrations()` runs
/// the command's migration natively on the connection env.py configured, its log lines through
/// env.py's logging, in order with what env.py and the revisions print.
fn with_env(lab: &mut Lab, project: &Project, inv: &Invocation, out: &mut Vec<String>, notes: &mut Vec<String>) -> Result<()> {
    // What Alembic's command checks before it runs env.py.
    if inv.command == "revision" && inv.flag("sql") {
        return Err(command_error("Using --sql with --autogenerate does not make any sense"));
    }
    if matches!(inv.command.as_str(), "upgrade" | "downgrade") {
        let target = inv.positional("revision").unwrap_or_default();
        if target.contains(':') && !inv.flag("sql") {
            return Err(command_error("Range revision not allowed"));
        }
        if inv.command == "downgrade" && !target.contains(':') && inv.flag("sql") {
            return Err(command_error("downgrade with --sql requires <fromrev>:<torev>"));
        }
    }
    let runtime = crate::alembic::Runtime::default();
    // A new revision's id is chosen before env.py runs, as Alembic's RevisionContext does, so
    // that process_revision_directives sees the id the file gets.
    let planned_id = (inv.command == "revision").then(|| inv.value("rev_id").map_or_else(|| lab.new_revision_id(), str::to_string));
    let directed: Rc<RefCell<Option<Directive>>> = Rc::default();
    let found: Rc<RefCell<Option<(Vec<Op>, bool, Vec<String>)>>> = Rc::default();
    let lost: Rc<RefCell<Vec<(String, i64)>>> = Rc::default();
    let loaded: Rc<RefCell<Option<Scripts>>> = Rc::default();
    let migration: Migration = {
        let (runtime, found, lost, loaded, directed, planned_id) =
            (runtime.clone(), found.clone(), lost.clone(), loaded.clone(), directed.clone(), planned_id.clone());
        let (paths, inv, location, url) = (revision_paths(lab, project), inv.clone(), project.script_location.clone(), project.url.clone());
        Box::new(move |py, configured| {
            let sql = inv.flag("sql");
            let database = match &configured.database {
                Some(database) => database.clone(),
                // Offline there is no database; the runner looks at none.
                None => Rc::new(RefCell::new(crate::engine::Engine::open_in_memory()?)),
            };
            let target = if sql { Target::Offline } else { Target::Online { database: database.clone(), bind: None, lost: Vec::new() } };
            let scripts = Scripts::load(py, runtime.clone(), &paths, Some(target)).map_err(|raised| runner::keep(&runtime, raised))?;
            let mut lines = Vec::new();
            let result = match inv.command.as_str() {
                "revision" | "check" => {
                    let mut recorded = Vec::new();
                    autogenerate(py, &scripts, configured, &location, &database, &mut lines, &mut recorded).and_then(|f| {
                        if let Some(id) = &planned_id {
                            scripts.flush(py, &mut lines)?;
                            let downgrade = reverse_all(&f.0)?;
                            let hook = crate::alembic::directives::process(py, configured, &recorded, id, inv.value("message"), &f.0, &downgrade);
                            *directed.borrow_mut() = scripts.python(hook)?;
                        }
                        *found.borrow_mut() = Some(f);
                        Ok(())
                    })
                }
                "history" | "show" => runner::open_context(&mut *Databases::borrow(&database)?, false, true).and_then(|currents| {
                    if inv.command == "history" {
                        history(&scripts, &inv, currents, &mut lines)
                    } else {
                        currents.iter().for_each(|id| lines.push(log_entry(&scripts, id, false)));
                        Ok(())
                    }
                }),
                _ => {
                    Databases::borrow(&database)?.driver_foreign_keys = configured.foreign_keys;
                    run_migrations(py, &scripts, &database, &url, &inv, &mut lines).map(|l| *lost.borrow_mut() = l)
                }
            };
            scripts.flush(py, &mut lines)?;
            *loaded.borrow_mut() = Some(scripts);
            result
        })
    };
    let mut env = run_env(lab, project, inv, &runtime, migration, out);
    for (what, rows) in lost.take() {
        let noun = if rows == 1 { "row" } else { "rows" };
        notes.push(format!("the downgrade dropped {what} with {rows} {noun} of data"));
    }
    let result = match env.error.take() {
        Some(error) => Err(error),
        None => match (inv.command.as_str(), found.take(), loaded.take()) {
            ("revision", Some((ops, batch, _)), Some(scripts)) => match directed.take() {
                Some(Directive::Skip) => Ok(()),
                Some(Directive::Write { rev_id, message }) => revision(lab, project, &scripts, inv, out, Some((ops, batch)), Some((rev_id, message))),
                None => {
                    let chosen = planned_id.map(|id| (id, inv.value("message").map(str::to_string)));
                    revision(lab, project, &scripts, inv, out, Some((ops, batch)), chosen)
                }
            },
            ("check", Some((_, _, diffs)), _) => check(&diffs, out),
            _ => Ok(()),
        },
    };
    if let Err(error) = &result {
        // Once the migration context is open, Alembic logs a CommandError before FAILED, through
        // the logging env.py set up.
        if error.kind() == ErrorKind::CommandError && !inv.flag("raiseerr") && env.configured {
            let line = format!("ERROR [alembic.util.messaging] {}", error.message());
            let (_, outcome) = env.python.run_host(|py| runner::emit_line(py, &line).map(|()| Obj::None));
            let text = outcome.output;
            if !text.is_empty() {
                out.extend(lines_of(&text));
            }
        }
    }
    result
}

/// What `context.run_migrations()` does for each command that runs env.py.
/// Returns the data a downgrade dropped.
fn run_migrations(py: &mut crate::interp::Interpreter, scripts: &Scripts, database: &crate::databases::SharedEngine, url: &str, inv: &Invocation, out: &mut Vec<String>) -> Result<Vec<(String, i64)>> {
    let sql = inv.flag("sql");
    match inv.command.as_str() {
        "upgrade" => runner::upgrade(py, database, scripts, inv.positional("revision").unwrap_or_default(), sql, out),
        "downgrade" => runner::downgrade(py, database, scripts, inv.positional("revision").unwrap_or_default(), sql, out),
        "stamp" => runner::stamp(&mut *Databases::borrow(database)?, scripts, &inv.positional_all("revisions"), inv.flag("purge"), sql, out).map(|()| Vec::new()),
        "ensure_version" => runner::ensure_version(&mut *Databases::borrow(database)?, sql, out).map(|()| Vec::new()),
        "current" => {
            let verbose = inv.flag("verbose");
            let heads = runner::open_context(&mut *Databases::borrow(database)?, false, false)?;
            if verbose {
                out.push(format!("Current revision(s) for {}:", obfuscate_password(url)));
            }
            if inv.flag("check_heads") {
                let mut want = scripts.map.heads();
                let mut have = heads.clone();
                crate::sorting::sort(&mut want);
                crate::sorting::sort(&mut have);
                if want != have {
                    return Err(command_error("Database is not on all head revisions"));
                }
            }
            for id in scripts.map.all_current(&heads).map_err(Error::from)? {
                out.push(format_revision(scripts, &id, Show { verbose, tree: true, ..Show::default() }, false));
            }
            Ok(Vec::new())
        }
        other => Err(not_available(format!("alembic {other}"))),
    }
}

/// `sqlite:///x.db` as Alembic prints a URL: any password hidden.
fn obfuscate_password(url: &str) -> String {
    match (url.split_once("://"), url.rfind('@')) {
        (Some((scheme, rest)), Some(_)) => match rest.split_once('@').and_then(|(cred, host)| cred.split_once(':').map(|(u, _)| (u, host))) {
            Some((user, host)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}

/// Which parts of a revision's line a command shows, as Alembic's `Script.cmd_format` takes them.
#[derive(Default, Clone, Copy)]
struct Show {
    verbose: bool,
    branches: bool,
    doc: bool,
    parents: bool,
    tree: bool,
}

/// One revision on one line (`current`, `heads`, `history`, `branches`), or its verbose entry.
fn format_revision(scripts: &Scripts, id: &str, how: Show, current: bool) -> String {
    if how.verbose {
        return log_entry(scripts, id, current);
    }
    let map = &scripts.map;
    let Some(rev) = scripts.revision(id) else { return id.to_string() };
    let mut text = id.to_string();
    if how.parents {
        let down = if rev.down_revision.is_empty() { "<base>".to_string() } else { rev.down_revision.join(", ") };
        text = if rev.depends_on.is_empty() {
            format!("{down} -> {text}")
        } else {
            format!("{down} ({}) -> {text}", rev.depends_on.join(", "))
        };
    }
    let labels = map.labels_of(id);
    if how.branches && !labels.is_empty() {
        text.push_str(&format!(" ({})", labels.join(", ")));
    }
    if map.is_real_head(id) {
        text.push_str(" (head)");
    } else if map.is_head(id) {
        text.push_str(" (effective head)");
    }
    if current {
        text.push_str(" (current)");
    }
    if how.tree {
        if map.is_branch_point(id) {
            text.push_str(" (branchpoint)");
        }
        if map.is_merge_point(id) {
            text.push_str(" (mergepoint)");
        }
    }
    if how.doc {
        text.push_str(&format!(", {}", rev.message));
    }
    text
}

/// A revision's verbose entry, as `history -v`, `heads -v` and `show` print it: the marks, its
/// place in the graph, its path and its docstring as the file has it.
fn log_entry(scripts: &Scripts, id: &str, current: bool) -> String {
    let map = &scripts.map;
    let Some(rev) = scripts.revision(id) else { return id.to_string() };
    let mark = |on: bool, text: &str| if on { text.to_string() } else { String::new() };
    let mut text = format!(
        "Rev: {id}{}{}{}{}\n",
        mark(map.is_head(id), " (head)"),
        mark(map.is_branch_point(id), " (branchpoint)"),
        mark(map.is_merge_point(id), " (mergepoint)"),
        mark(current, " (current)")
    );
    let down = if rev.down_revision.is_empty() { "<base>".to_string() } else { rev.down_revision.join(", ") };
    text.push_str(&format!("{}: {down}\n", if map.is_merge_point(id) { "Merges" } else { "Parent" }));
    if !rev.depends_on.is_empty() {
        text.push_str(&format!("Also depends on: {}\n", rev.depends_on.join(", ")));
    }
    if map.is_branch_point(id) {
        text.push_str(&format!("Branches into: {}\n", map.children_of(id).join(", ")));
    }
    let labels = map.labels_of(id);
    if !labels.is_empty() {
        text.push_str(&format!("Branch names: {}\n", labels.join(", ")));
    }
    text.push_str(&format!("Path: {}\n\n", scripts.path(id).unwrap_or("")));
    let doc: Vec<String> = rev.doc.lines().map(|l| format!("    {l}")).collect();
    text.push_str(&doc.join("\n"));
    text.push('\n');
    text
}

/// `history -r`'s `[start]:[end]`.
fn history_range(inv: &Invocation) -> Result<(String, String)> {
    match inv.value("rev_range") {
        Some(range) => range
            .trim()
            .split_once(':')
            .map(|(b, h)| (b.to_string(), h.to_string()))
            .ok_or_else(|| command_error("History range requires [start]:[end], [start]:, or :[end]")),
        None => Ok((String::new(), String::new())),
    }
}

/// `alembic history`; `currents` are the database's revisions (read through env.py when the
/// range or `-i` names `current`).
fn history(scripts: &Scripts, inv: &Invocation, currents: Vec<String>, out: &mut Vec<String>) -> Result<()> {
    let (base, head) = history_range(inv)?;
    let indicate = inv.flag("indicate_current");
    let lower = if base == "current" { currents.clone() } else { Vec::new() };
    let upper = match head.as_str() {
        "current" if !currents.is_empty() => currents.clone(),
        "" | "current" => scripts.map.heads(),
        other => scripts.map.resolve(other).map_err(Error::from)?,
    };
    let lower_text = if base == "current" || base.is_empty() { "base".to_string() } else { base.clone() };
    let ids = if base == "current" && !lower.is_empty() {
        scripts.map.walk_between_ids(&lower, &upper).map_err(Error::from)?
    } else {
        scripts.map.walk_between(&lower_text, &upper).map_err(Error::from)?
    };
    let how = Show { verbose: inv.flag("verbose"), branches: true, doc: true, parents: true, tree: true };
    for id in ids {
        out.push(format_revision(scripts, &id, how, indicate && currents.contains(&id)));
    }
    Ok(())
}

fn init(lab: &mut Lab, inv: &Invocation, out: &mut Vec<String>) -> Result<()> {
    match inv.value("template").unwrap_or("generic") {
        "generic" => {}
        "async" | "multidb" | "pyproject" | "pyproject_async" => {
            return Err(not_available("the lab writes the 'generic' template only"));
        }
        other => return Err(command_error(format!("No such template '{other}'"))),
    }
    if inv.flag("package") {
        return Err(not_available("alembic init --package"));
    }
    let dir = inv.positional("directory").unwrap_or_default().trim_end_matches('/').to_string();
    if lab.has_dir(&dir) {
        return Err(command_error(format!("Directory {dir} already exists and is not empty")));
    }
    out.push(format!("Creating directory {dir} ...  done"));
    out.push(format!("Creating directory {dir}/versions ...  done"));
    let mako = reference::FILES.iter().find(|(p, _)| p.ends_with("script.py.mako")).map_or("", |(_, t)| t);
    let mut files = vec![
        (format!("{dir}/script.py.mako"), mako.to_string()),
        (format!("{dir}/README"), INIT_README.to_string()),
        (format!("{dir}/env.py"), INIT_ENV.to_string()),
    ];
    let ini_exists = lab.read_file("alembic.ini").is_ok();
    if !ini_exists {
        files.push(("alembic.ini".to_string(), INIT_INI.replace("%(here)s/migrations", &format!("%(here)s/{dir}"))));
    }
    for (path, text) in files {
        lab.write_file(&path, &text)?;
        out.push(format!("Generating {path} ...  done"));
    }
    lab.write_file(&format!("{dir}/versions/.gitkeep"), "")?;
    if ini_exists {
        out.push("File alembic.ini already exists, skipping".to_string());
    }
    out.push("Please edit configuration/connection/logging settings in alembic.ini before proceeding.".to_string());
    Ok(())
}

/// The autogenerate plugins Alembic 1.20 logs as it sets up the comparison.
const AUTOGENERATE_PLUGINS: [&str; 6] = ["schemas", "tables", "types", "constraints", "defaults", "comments"];

/// What `revision --autogenerate` and `check` do inside env.py's `run_migrations()`, in Alembic's
/// order: the migration context opens (creating `alembic_version` on a new database), the
/// database must be at head, the plugins are set up, env.py must have given a MetaData, and the
/// comparison logs what it found. Returns the upgrade operations and whether env.py asked for
/// batch mode (`render_as_batch=True`).
/// Returns the upgrade operations, whether to write them in batch mode, and `check`'s diff texts.
fn autogenerate(
    py: &mut crate::interp::Interpreter,
    scripts: &Scripts,
    configured: &Configured,
    script_location: &str,
    database: &crate::databases::SharedEngine,
    out: &mut Vec<String>,
    recorded: &mut Vec<String>,
) -> Result<(Vec<Op>, bool, Vec<String>)> {
    let mut borrowed = Databases::borrow(database)?;
    let engine = &mut *borrowed;
    let mut current = runner::open_context(engine, false, true)?;
    recorded.clone_from(&current);
    crate::sorting::sort(&mut current);
    let mut heads = scripts.map.heads();
    crate::sorting::sort(&mut heads);
    if current != heads {
        return Err(command_error("Target database is not up to date."));
    }
    for plugin in AUTOGENERATE_PLUGINS {
        out.push(format!("INFO  [alembic.runtime.plugins] setting up autogenerate plugin alembic.autogenerate.{plugin}"));
    }
    let metadata = metadata_of(configured, script_location)?.ok_or_else(|| no_metadata(script_location))?;
    let live = crate::migrate::compare::live_tables(engine)?;
    // The table names as the database lists them (in creation order), for `include_name`.
    let database_order: Vec<String> = engine.tables()?.into_iter().map(|t| t.name).filter(|n| n != runner::VERSION_TABLE).collect();
    drop(borrowed);
    // env.py's hooks run now; what they print shows among the `Detected …` lines, in order.
    scripts.flush(py, out)?;
    let found = scripts.python(crate::alembic::hooks::compare(py, configured, &metadata, live.clone(), &database_order))?;
    let batch = matches!(configured.option("render_as_batch"), Some(Obj::Bool(true)));
    let diffs = found.upgrade.iter().map(|op| crate::migrate::check::diff_text_in(op, &metadata, &live)).collect();
    Ok((found.upgrade, batch, diffs))
}

/// The `target_metadata` env.py passed: a MetaData (like `Base.metadata`), a list of them, or
/// `None`.
fn metadata_of(configured: &Configured, script_location: &str) -> Result<Option<MetaData>> {
    if matches!(configured.target_metadata, Obj::None) {
        return Ok(None);
    }
    let mut tables = Vec::new();
    for item in configured.metadata_items() {
        match item.native::<crate::sqlalchemy::schema::MetaDataObj>() {
            Some(metadata) => tables.extend(metadata.to_schema().tables),
            None => {
                return Err(Error::new(
                    ErrorKind::TypeError,
                    format!("{script_location}/env.py: target_metadata must be a MetaData (like Base.metadata) or None"),
                ))
            }
        }
    }
    Ok(Some(MetaData::new(tables)))
}

/// Autogenerate (and `check`) with `target_metadata = None`, as Alembic refuses it.
fn no_metadata(script_location: &str) -> Error {
    command_error(format!(
        "Can't proceed with --autogenerate option; environment script {script_location}/env.py does not provide a MetaData \
         object or sequence of objects to the context."
    ))
}

fn new_revision(lab: &mut Lab, scripts: &Scripts, inv: &Invocation, heads: Vec<String>, chosen_id: Option<&str>) -> Result<Revision> {
    let id = match chosen_id.or(inv.value("rev_id")) {
        Some(id) => {
            if id.is_empty() || id.contains(['-', ' ', '@', ':']) {
                return Err(command_error(format!("Revision id '{id}' is not a valid identifier")));
            }
            if scripts.revision(id).is_some() {
                return Err(command_error(format!("Revision {id} is present more than once")));
            }
            id.to_string()
        }
        None => lab.new_revision_id(),
    };
    Ok(Revision {
        revision: id,
        down_revision: heads,
        branch_labels: inv.value("branch_label").map(|l| vec![l.to_string()]).unwrap_or_default(),
        depends_on: inv.value("depends_on").map(|d| vec![d.to_string()]).unwrap_or_default(),
        message: inv.value("message").unwrap_or("").to_string(),
        doc: String::new(),
        create_date: lab.now(),
    })
}

/// Writes a new revision file with these operations (`autogenerated`: between autogenerate's
/// markers), rendered from the project's own `script.py.mako`.
fn write_revision(lab: &mut Lab, project: &Project, rev: &Revision, ops: (&[Op], &[Op]), autogenerated: bool, out: &mut Vec<String>) -> Result<()> {
    let path = format!("{}/versions/{}", project.script_location, file_name(&rev.revision, &rev.message));
    let template_path = format!("{}/script.py.mako", project.script_location);
    let template = lab
        .read_file(&template_path)
        .map_err(|_| command_error(format!("Template rendering failed: {template_path} is missing")))?
        .to_string();
    let mut python = lab.new_interpreter();
    let text = render_template(&mut python, &template, rev, ops.0, ops.1, autogenerated)?;
    let both: Vec<Op> = ops.0.iter().chain(ops.1).cloned().collect();
    out.extend(super::render::unnamed_drop_warnings(&both));
    lab.write_file(&path, &text)?;
    out.push(format!("Generating {path} ...  done"));
    Ok(())
}

/// `alembic revision`; `found` is what autogenerate found (the upgrade operations, and whether
/// to write them in batch mode) when it ran.
/// `alembic revision`: a new revision file, with what autogenerate `found` when it ran, under the
/// id and message `chosen` before (the id picked before env.py ran, or what
/// process_revision_directives made of them).
fn revision(
    lab: &mut Lab,
    project: &Project,
    scripts: &Scripts,
    inv: &Invocation,
    out: &mut Vec<String>,
    found: Option<(Vec<Op>, bool)>,
    chosen: Option<(String, Option<String>)>,
) -> Result<()> {
    if inv.value("version_path").is_some() {
        return Err(not_available("--version-path (the lab keeps one versions/ folder)"));
    }
    let head_arg = inv.value("head").unwrap_or("head");
    let heads = scripts.map.resolve(head_arg).map_err(|e| match e {
        RevisionError::MultipleHeads { .. } => command_error(
            "Multiple heads are present; please specify the head revision on which the new revision should be based, \
             or perform a merge.",
        ),
        other => other.into(),
    })?;
    if !inv.flag("splice") {
        if let Some(not_head) = heads.iter().find(|h| !scripts.map.is_head(h)) {
            return Err(command_error(format!(
                "Revision {not_head} is not a head revision; please specify --splice to create a new branch from this revision"
            )));
        }
    }
    let mut rev = new_revision(lab, scripts, inv, heads, chosen.as_ref().map(|(id, _)| id.as_str()))?;
    if let Some((_, message)) = chosen {
        rev.message = message.unwrap_or_default();
    }
    let Some((found, batch)) = found else {
        return write_revision(lab, project, &rev, (&[], &[]), false, out);
    };
    let upgrade = if batch { as_batches(found) } else { found };
    let downgrade = reverse_all(&upgrade)?;
    write_revision(lab, project, &rev, (&upgrade, &downgrade), true, out)
}

fn merge(lab: &mut Lab, project: &Project, scripts: &Scripts, inv: &Invocation, out: &mut Vec<String>) -> Result<()> {
    let mut heads = Vec::new();
    for target in inv.positional_all("revisions") {
        for id in scripts.map.resolve(&target).map_err(Error::from)? {
            if !heads.contains(&id) {
                heads.push(id);
            }
        }
    }
    let rev = new_revision(lab, scripts, inv, heads, None)?;
    write_revision(lab, project, &rev, (&[], &[]), false, out)
}

/// `alembic check`: what autogenerate found (as its diff texts), as an error when it found anything.
fn check(diffs: &[String], out: &mut Vec<String>) -> Result<()> {
    if diffs.is_empty() {
        out.push("No new upgrade operations detected.".to_string());
        return Ok(());
    }
    Err(command_error(format!("New upgrade operations detected: [{}]", diffs.join(", "))))
}

/// One revision as the page's graph draws it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionInfo {
    pub revision: String,
    pub down_revisions: Vec<String>,
    pub message: String,
    pub branch_labels: Vec<String>,
    /// `depends_on`, resolved to revision ids: drawn as dashed edges.
    pub depends_on: Vec<String>,
    pub is_head: bool,
    pub is_current: bool,
    pub path: String,
}

/// The project's revisions, oldest first, with the database's current ones marked. Empty before
/// `alembic init` (or while alembic.ini cannot be read).
pub fn revision_list(lab: &mut Lab) -> Result<Vec<RevisionInfo>> {
    let Ok(project) = read_config(lab, &Invocation::default()) else { return Ok(Vec::new()) };
    let (scripts, _) = read_scripts(lab, &project)?;
    let current = match project.database() {
        Ok(name) => runner::recorded_heads(&*crate::databases::Databases::borrow(&lab.engine(&name)?)?)?,
        Err(_) => Vec::new(),
    };
    Ok(scripts
        .map
        .in_order()
        .into_iter()
        .filter_map(|id| {
            let rev = scripts.revision(&id)?;
            Some(RevisionInfo {
                is_head: scripts.map.is_head(&id),
                is_current: current.contains(&id),
                path: scripts.path(&id).unwrap_or_default().to_string(),
                down_revisions: rev.down_revision.clone(),
                message: rev.message.clone(),
                branch_labels: rev.branch_labels.clone(),
                depends_on: scripts.map.dependencies_of(&id),
                revision: id,
            })
        })
        .collect())
}
