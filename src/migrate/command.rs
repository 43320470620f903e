//! The `alembic` command line, on the lab's project: each command reads `alembic.ini`, `env.py`,
//! the models and `versions/` from the project's files as real Alembic would, and prints what
//! Alembic prints on SQLite, ending with `FAILED: …` where Alembic fails.

use crate::error::{Error, ErrorKind, Result};
use crate::lab::{Lab, LineResult};
use crate::migrate::compare::{as_batches, compare};
use crate::migrate::ops::{reverse_all, Op};
use crate::migrate::reference;
use crate::migrate::revision::RevisionError;
use crate::migrate::runner::{self, current_heads, RunReport, Scripts, CONTEXT_LINES};
use crate::migrate::script::{file_name, parse_revision, render_revision, Revision};
use crate::models::read_models;
use crate::python::{parse_module, ExprKind, StmtKind};
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
    database: String,
}

fn read_config(lab: &Lab) -> Result<Project> {
    let ini = lab
        .read_file("alembic.ini")
        .map_err(|_| command_error("No config file 'alembic.ini' found, or file has no '[alembic]' section"))?;
    let mut section = "";
    let mut script_location = None;
    let mut url = None;
    for line in ini.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section != "[alembic]" {
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
    let script_location = script_location.ok_or_else(|| command_error("No 'script_location' key found in configuration."))?;
    let url = url.unwrap_or_default();
    let database = match url.split_once("://") {
        Some(("sqlite", rest)) => {
            let name = rest.trim_start_matches('/');
            if name.is_empty() { ":memory:".to_string() } else { name.to_string() }
        }
        Some((dialect, _)) => {
            let plugin = dialect.split('+').next().unwrap_or(dialect);
            let message = if matches!(plugin, "postgresql" | "mysql" | "mariadb" | "oracle" | "mssql") {
                format!("the lab has SQLite only: set sqlalchemy.url = sqlite:///sqlite.db (got {plugin}://)")
            } else {
                format!("Can't load plugin: sqlalchemy.dialects:{plugin}")
            };
            return Err(Error::new(ErrorKind::NoSuchModuleError, message));
        }
        None => {
            return Err(Error::new(ErrorKind::ArgumentError, "Could not parse SQLAlchemy URL from given URL string".to_string()))
        }
    };
    if !lab.has_dir(&script_location) {
        return Err(command_error(format!(
            "Path doesn't exist: {script_location}.  Please use the 'init' command to create a new scripts folder."
        )));
    }
    Ok(Project { script_location, database })
}

/// The revision files in `<script_location>/versions/`, in file-name order.
fn read_scripts(lab: &Lab, project: &Project) -> Result<Scripts> {
    let prefix = format!("{}/versions/", project.script_location);
    let mut revisions = Vec::new();
    for (path, text) in lab.files() {
        let Some(name) = path.strip_prefix(&prefix) else { continue };
        if !name.ends_with(".py") || name.contains('/') {
            continue;
        }
        revisions.push((path.clone(), parse_revision(path, text)?));
    }
    Scripts::new(revisions)
}

/// What env.py gives autogenerate: the models' MetaData (from the modules it imports, and what
/// they import) or `None` when `target_metadata = None`; and whether `render_as_batch=True`.
fn read_env(lab: &Lab, project: &Project) -> Result<(Option<MetaData>, bool)> {
    let path = format!("{}/env.py", project.script_location);
    let text = lab.read_file(&path)?;
    let module = parse_module(text).map_err(|e| Error::new(e.kind(), format!("{path}, {}", e.message())))?;
    let batch = text.contains("render_as_batch=True");
    let mut metadata_set = false;
    for stmt in &module.body {
        if let StmtKind::Assign { targets, value } = &stmt.kind {
            if targets.first().and_then(|t| t.dotted_name()).as_deref() == Some("target_metadata") {
                metadata_set = !matches!(value.kind, ExprKind::Constant(crate::python::Constant::None));
            }
        }
    }
    if !metadata_set {
        return Ok((None, batch));
    }
    // Load the model modules env.py imports, and theirs, as Python's import would.
    let mut queue: Vec<String> = imported_modules(&module.body);
    let mut loaded: Vec<(String, String)> = Vec::new();
    while let Some(module_name) = queue.pop() {
        let file = format!("{}.py", module_name.replace('.', "/"));
        if loaded.iter().any(|(p, _)| *p == file) {
            continue;
        }
        let Ok(source) = lab.read_file(&file) else { continue };
        if let Ok(parsed) = parse_module(source) {
            queue.extend(imported_modules(&parsed.body));
        }
        loaded.push((file, source.to_string()));
    }
    loaded.reverse();
    let files: Vec<(&str, &str)> = loaded.iter().map(|(p, s)| (p.as_str(), s.as_str())).collect();
    Ok((Some(read_models(&files)?.metadata), batch))
}

fn imported_modules(body: &[crate::python::Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in body {
        match &stmt.kind {
            StmtKind::Import(items) => out.extend(items.iter().map(|(m, _)| m.clone())),
            StmtKind::FromImport { module, names, .. } => {
                out.push(module.clone());
                out.extend(names.iter().map(|(n, _)| format!("{module}.{n}")));
            }
            _ => {}
        }
    }
    out.reverse();
    out
}

/// Options of a command line: flags, `--key value` pairs and positional words.
struct Args {
    positional: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

const VALUE_OPTIONS: &[&str] = &["-m", "--message", "--rev-id", "--head", "--branch-label", "-r", "--rev-range", "--splice-head"];

fn parse_args(words: &[String]) -> Args {
    let mut positional = Vec::new();
    let mut options = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if let Some((key, value)) = word.split_once('=').filter(|_| word.starts_with("--")) {
            options.push((key.to_string(), Some(value.to_string())));
        } else if VALUE_OPTIONS.contains(&word.as_str()) {
            options.push((word.clone(), words.get(i + 1).cloned()));
            i += 1;
        } else if word.starts_with('-') && word.len() > 1 && !word[1..].starts_with(|c: char| c.is_ascii_digit()) {
            options.push((word.clone(), None));
        } else {
            positional.push(word.clone());
        }
        i += 1;
    }
    Args { positional, options }
}

impl Args {
    fn flag(&self, names: &[&str]) -> bool {
        self.options.iter().any(|(k, _)| names.contains(&k.as_str()))
    }

    fn value(&self, names: &[&str]) -> Option<&str> {
        self.options.iter().find(|(k, _)| names.contains(&k.as_str())).and_then(|(_, v)| v.as_deref())
    }

    fn unknown(&self, known: &[&str]) -> Option<&str> {
        self.options.iter().map(|(k, _)| k.as_str()).find(|k| !known.contains(k))
    }
}

const USAGE: &str = "usage: alembic [-h] [-c CONFIG] [-n NAME] [-x X] [--raiseerr] [-q] {branches,check,current,downgrade,edit,ensure_version,heads,history,init,list_templates,merge,revision,show,stamp,upgrade} ...";

/// Runs `alembic <words>` on the lab.
pub fn run_alembic(lab: &mut Lab, words: &[String]) -> LineResult {
    let mut output = Vec::new();
    let outcome = dispatch(lab, words, &mut output);
    match outcome {
        Ok(()) => LineResult { output, error: None },
        Err(err) => {
            if err.kind() == ErrorKind::CommandError {
                output.push(format!("ERROR [alembic.util.messaging] {}", err.message()));
                output.push(format!("FAILED: {}", err.message()));
            } else {
                output.push(err.traceback_line());
            }
            LineResult { output, error: Some(err) }
        }
    }
}

fn dispatch(lab: &mut Lab, words: &[String], out: &mut Vec<String>) -> Result<()> {
    let Some((command, rest)) = words.split_first() else {
        return Err(Error::new(ErrorKind::CommandError, format!("{USAGE}\nalembic: error: too few arguments")));
    };
    let args = parse_args(rest);
    let known: &[&str] = match command.as_str() {
        "init" => &[],
        "revision" => &["-m", "--message", "--autogenerate", "--rev-id", "--head", "--splice", "--branch-label", "--sql"],
        "upgrade" | "downgrade" => &["--sql"],
        "stamp" => &["--sql", "--purge"],
        "current" | "heads" | "branches" => &["-v", "--verbose"],
        "history" => &["-v", "--verbose", "-r", "--rev-range", "-i", "--indicate-current"],
        "show" | "check" => &[],
        "merge" => &["-m", "--message", "--rev-id", "--branch-label"],
        other => {
            return Err(Error::new(
                ErrorKind::CommandError,
                format!("{USAGE}\nalembic: error: argument command: invalid choice: '{other}'"),
            ))
        }
    };
    if let Some(option) = args.unknown(known) {
        return Err(Error::new(ErrorKind::CommandError, format!("{USAGE}\nalembic: error: unrecognized arguments: {option}")));
    }
    if command == "init" {
        return init(lab, &args, out);
    }
    let project = read_config(lab)?;
    let scripts = read_scripts(lab, &project)?;
    match command.as_str() {
        "revision" => revision(lab, &project, &scripts, &args, out),
        "merge" => merge(lab, &project, &scripts, &args, out),
        "upgrade" | "downgrade" | "stamp" => {
            let target = args.positional.first().ok_or_else(|| {
                command_error(format!("{USAGE}\nalembic: error: the following arguments are required: revision"))
            })?;
            let sql = args.flag(&["--sql"]);
            let engine = lab.engine(&project.database)?;
            let report = match command.as_str() {
                "upgrade" => runner::upgrade(engine, &scripts, target, sql),
                "downgrade" => runner::downgrade(engine, &scripts, target, sql),
                _ => runner::stamp(engine, &scripts, target, args.flag(&["--purge"]), sql),
            };
            finish_run(report, out)
        }
        "current" => {
            out.extend(CONTEXT_LINES.iter().map(|s| s.to_string()));
            let heads = current_heads(lab.engine(&project.database)?)?;
            for head in heads {
                out.push(describe(&scripts, &head, args.flag(&["-v", "--verbose"])));
            }
            Ok(())
        }
        "heads" => {
            for head in scripts.map.heads() {
                out.push(describe(&scripts, &head, args.flag(&["-v", "--verbose"])));
            }
            Ok(())
        }
        "branches" => {
            for rev in scripts.map.in_order().iter().rev() {
                if scripts.map.is_branch_point(rev) {
                    out.push(format!("{rev}{}", marks(&scripts, rev)));
                    let pad = " ".repeat(rev.len());
                    for child in scripts.map.children_of(rev).iter().rev() {
                        out.push(format!("{pad} -> {child}{}", marks(&scripts, child)));
                    }
                    out.push(String::new());
                }
            }
            Ok(())
        }
        "history" => history(lab, &project, &scripts, &args, out),
        "show" => {
            let target = args.positional.first().ok_or_else(|| command_error("the following arguments are required: rev"))?;
            for id in scripts.map.resolve(target).map_err(Error::from)? {
                out.push(describe(&scripts, &id, true));
            }
            Ok(())
        }
        "check" => check(lab, &project, &scripts, out),
        _ => Ok(()),
    }
}

fn finish_run(report: Result<RunReport>, out: &mut Vec<String>) -> Result<()> {
    let report = report?;
    out.extend(report.output);
    for (what, rows) in report.data_lost {
        let noun = if rows == 1 { "row" } else { "rows" };
        out.push(format!("# lab note: the downgrade dropped {what} with {rows} {noun} of data"));
    }
    Ok(())
}

/// ` (head)`, ` (branchpoint)`, ` (mergepoint)` after a revision id, as Alembic marks them.
fn marks(scripts: &Scripts, rev: &str) -> String {
    let mut text = String::new();
    if scripts.map.is_head(rev) {
        text.push_str(" (head)");
    }
    if scripts.map.is_branch_point(rev) {
        text.push_str(" (branchpoint)");
    }
    if scripts.map.is_merge_point(rev) {
        text.push_str(" (mergepoint)");
    }
    text
}

/// One revision as `current`, `heads` or `show` print it (`-v` adds the detail block).
fn describe(scripts: &Scripts, id: &str, verbose: bool) -> String {
    let Some(rev) = scripts.revision(id) else { return id.to_string() };
    if !verbose {
        return format!("{id}{}", marks(scripts, id));
    }
    let mut text = format!("Rev: {id}{}\n", marks(scripts, id));
    match rev.down_revision.as_slice() {
        [] => text.push_str("Parent: <base>\n"),
        [one] => text.push_str(&format!("Parent: {one}\n")),
        many => text.push_str(&format!("Merges: {}\n", many.join(", "))),
    }
    let children = scripts.map.children_of(id);
    if children.len() > 1 {
        text.push_str(&format!("Branches into: {}\n", children.join(", ")));
    }
    if !rev.branch_labels.is_empty() {
        text.push_str(&format!("Branch names: {}\n", rev.branch_labels.join(", ")));
    }
    text.push_str(&format!("Path: {}\n\n", scripts.path(id).unwrap_or("")));
    text.push_str(&format!(
        "    {}\n    \n    Revision ID: {id}\n    Revises: {}\n    Create Date: {}\n",
        rev.message,
        rev.down_revision.join(", "),
        rev.create_date
    ));
    text
}

fn history(lab: &mut Lab, project: &Project, scripts: &Scripts, args: &Args, out: &mut Vec<String>) -> Result<()> {
    let verbose = args.flag(&["-v", "--verbose"]);
    let mut ids = scripts.map.in_order();
    ids.reverse();
    if let Some(range) = args.value(&["-r", "--rev-range"]) {
        let (lower, upper) = range.split_once(':').unwrap_or((range, "heads"));
        let lower = if lower.is_empty() { "base" } else { lower };
        let upper = if upper.is_empty() { "heads" } else { upper };
        let lower_ids = scripts.map.resolve(lower).map_err(Error::from)?;
        let keep = scripts.map.upgrade_path(&[], upper).map_err(Error::from)?;
        let below: Vec<String> = if lower_ids.is_empty() {
            Vec::new()
        } else {
            let path = scripts.map.upgrade_path(&[], &lower_ids[0]).map_err(Error::from)?;
            path[..path.len().saturating_sub(1)].to_vec()
        };
        ids.retain(|id| keep.contains(id) && !below.contains(id));
    }
    let current = if args.flag(&["-i", "--indicate-current"]) { current_heads(lab.engine(&project.database)?)? } else { Vec::new() };
    for id in ids {
        let Some(rev) = scripts.revision(&id) else { continue };
        if verbose {
            out.push(describe(scripts, &id, true));
            continue;
        }
        let from = if rev.down_revision.is_empty() { "<base>".to_string() } else { rev.down_revision.join(", ") };
        let current_mark = if current.contains(&id) { " (current)" } else { "" };
        out.push(format!("{from} -> {id}{}{current_mark}, {}", marks(scripts, &id), rev.message));
    }
    Ok(())
}

fn init(lab: &mut Lab, args: &Args, out: &mut Vec<String>) -> Result<()> {
    let dir = args
        .positional
        .first()
        .ok_or_else(|| command_error(format!("{USAGE}\nalembic: error: the following arguments are required: directory")))?
        .trim_end_matches('/')
        .to_string();
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

/// What `revision --autogenerate` and `check` share: env.py's MetaData compared with a database
/// that must be at head, the `Detected …` lines printed. Returns the upgrade operations and
/// whether env.py asks for batch mode.
fn autogenerate(lab: &mut Lab, project: &Project, scripts: &Scripts, out: &mut Vec<String>) -> Result<(Vec<Op>, bool)> {
    let (metadata, batch) = read_env(lab, project)?;
    out.extend(CONTEXT_LINES.iter().map(|s| s.to_string()));
    let metadata = metadata.ok_or_else(|| no_metadata(project))?;
    let engine = lab.engine(&project.database)?;
    let mut current = current_heads(engine)?;
    crate::sorting::sort(&mut current);
    let mut heads = scripts.map.heads();
    crate::sorting::sort(&mut heads);
    if current != heads {
        return Err(command_error("Target database is not up to date."));
    }
    let found = compare(&metadata, engine)?;
    out.extend(found.log);
    Ok((found.upgrade, batch))
}

/// Autogenerate (and `check`) with `target_metadata = None`, as Alembic refuses it.
fn no_metadata(project: &Project) -> Error {
    command_error(format!(
        "Can't proceed with --autogenerate option; environment script {}/env.py does not provide a MetaData \
         object or sequence of objects to the context.",
        project.script_location
    ))
}

fn new_revision(lab: &mut Lab, scripts: &Scripts, args: &Args, heads: Vec<String>, message: String) -> Result<Revision> {
    let id = match args.value(&["--rev-id"]) {
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
        branch_labels: args.value(&["--branch-label"]).map(|l| vec![l.to_string()]).unwrap_or_default(),
        depends_on: Vec::new(),
        message,
        create_date: lab.now(),
        upgrade: Vec::new(),
        downgrade: Vec::new(),
        autogenerated: false,
    })
}

fn write_revision(lab: &mut Lab, project: &Project, rev: &Revision, out: &mut Vec<String>) -> Result<()> {
    let path = format!("{}/versions/{}", project.script_location, file_name(&rev.revision, &rev.message));
    lab.write_file(&path, &render_revision(rev))?;
    out.push(format!("Generating {path} ...  done"));
    Ok(())
}

fn revision(lab: &mut Lab, project: &Project, scripts: &Scripts, args: &Args, out: &mut Vec<String>) -> Result<()> {
    let head_arg = args.value(&["--head"]).unwrap_or("head");
    let heads = scripts.map.resolve(head_arg).map_err(|e| match e {
        RevisionError::MultipleHeads { .. } => command_error(
            "Multiple heads are present; please specify the head revision on which the new revision should be based, \
             or perform a merge.",
        ),
        other => other.into(),
    })?;
    if !args.flag(&["--splice"]) {
        if let Some(not_head) = heads.iter().find(|h| !scripts.map.is_head(h)) {
            return Err(command_error(format!(
                "Revision {not_head} is not a head revision; please specify --splice to create a new branch from this revision"
            )));
        }
    }
    let message = args.value(&["-m", "--message"]).unwrap_or("").to_string();
    let mut rev = new_revision(lab, scripts, args, heads, message)?;
    if args.flag(&["--autogenerate"]) {
        let (found, batch) = autogenerate(lab, project, scripts, out)?;
        let upgrade = if batch { as_batches(found) } else { found };
        rev.downgrade = reverse_all(&upgrade)?;
        rev.upgrade = upgrade;
        rev.autogenerated = true;
    }
    write_revision(lab, project, &rev, out)
}

fn merge(lab: &mut Lab, project: &Project, scripts: &Scripts, args: &Args, out: &mut Vec<String>) -> Result<()> {
    if args.positional.is_empty() {
        return Err(command_error(format!("{USAGE}\nalembic: error: the following arguments are required: revisions")));
    }
    let mut heads = Vec::new();
    for target in &args.positional {
        for id in scripts.map.resolve(target).map_err(Error::from)? {
            if !heads.contains(&id) {
                heads.push(id);
            }
        }
    }
    if heads.len() < 2 {
        return Err(command_error("Only one head revision specified: nothing to merge"));
    }
    let message = args.value(&["-m", "--message"]).unwrap_or("").to_string();
    let rev = new_revision(lab, scripts, args, heads, message)?;
    write_revision(lab, project, &rev, out)
}

/// A Python-ish description of what `alembic check` found, in the shape of Alembic's diff tuples.
fn diff_text(op: &Op) -> String {
    match op {
        Op::CreateTable(t) => format!("('add_table', Table('{}', MetaData(), schema=None))", t.name),
        Op::DropTable { table, .. } => format!("('remove_table', Table('{table}', MetaData(), schema=None))"),
        Op::AddColumn { table, column } => format!("('add_column', None, '{table}', Column('{}'))", column.name),
        Op::DropColumn { table, column, .. } => format!("('remove_column', None, '{table}', Column('{column}'))"),
        Op::AlterColumn(a) if a.nullable.is_some() => format!(
            "[('modify_nullable', None, '{}', '{}', {{}}, {}, {})]",
            a.table,
            a.column,
            py_bool(a.existing_nullable.unwrap_or(true)),
            py_bool(a.nullable.unwrap_or(true))
        ),
        Op::AlterColumn(a) => format!("[('modify_type', None, '{}', '{}', {{}})]", a.table, a.column),
        Op::CreateIndex { index, .. } => format!("('add_index', Index('{}'))", index.name),
        Op::DropIndex { name, .. } => format!("('remove_index', Index('{name}'))"),
        Op::Batch { ops, .. } => ops.iter().map(diff_text).collect::<Vec<_>>().join(", "),
        other => format!("('{}',)", other.name()),
    }
}

fn py_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

fn check(lab: &mut Lab, project: &Project, scripts: &Scripts, out: &mut Vec<String>) -> Result<()> {
    let (found, _) = autogenerate(lab, project, scripts, out)?;
    if found.is_empty() {
        out.push("No new upgrade operations detected.".to_string());
        return Ok(());
    }
    let diffs: Vec<String> = found.iter().map(diff_text).collect();
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
    pub is_head: bool,
    pub is_current: bool,
    pub path: String,
}

/// The project's revisions, oldest first, with the database's current ones marked. Empty before
/// `alembic init` (or while alembic.ini cannot be read).
pub fn revision_list(lab: &mut Lab) -> Result<Vec<RevisionInfo>> {
    let Ok(project) = read_config(lab) else { return Ok(Vec::new()) };
    let scripts = read_scripts(lab, &project)?;
    let current = runner::recorded_heads(lab.engine(&project.database)?)?;
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
                revision: id,
            })
        })
        .collect())
}
