//! The learner's project: its files in memory (starting as the seed's project), the named SQLite
//! databases it opens (`sqlite:///sqlite.db` in alembic.ini and `Database("sqlite.db")` are the
//! same one), and the console that runs `alembic …`, `ls` and `cat` lines against them.

use crate::sorted_map::{Files, SortedMap};

use crate::databases::{Databases, SharedEngine};
use crate::encoding::{get_bytes, get_len, get_str, get_u64, put_bytes, put_len, put_str, take};
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};

/// The seed project's files, as the tutorial starts.
pub const SEED_FILES: &[(&str, &str)] = &[
    ("main.py", include_str!("../seed/main.py")),
    ("src/__init__.py", include_str!("../seed/src/__init__.py")),
    ("src/db.py", include_str!("../seed/src/db.py")),
    ("src/models/__init__.py", include_str!("../seed/src/models/__init__.py")),
    ("src/models/base.py", include_str!("../seed/src/models/base.py")),
    ("src/models/user.py", include_str!("../seed/src/models/user.py")),
];

/// Where time and fresh revision ids come from: the wasm layer passes the browser's clock and
/// random numbers; natively the system clock. Tests pass fixed ones.
pub struct Sources {
    /// The current local time as Alembic writes `Create Date` (`2026-11-25 14:19:32.815059`).
    pub now: Box<dyn Fn() -> String>,
    /// A seed for revision ids.
    pub seed: u64,
}

impl Default for Sources {
    fn default() -> Self {
        #[cfg(not(target_family = "wasm"))]
        {
            let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            Sources { now: Box::new(system_time_text), seed: since.as_nanos() as u64 | 1 }
        }
        #[cfg(target_family = "wasm")]
        {
            Sources { now: Box::new(|| "1970-01-01 00:00:00.000000".to_string()), seed: 0x2545_F491_4F6C_DD1D }
        }
    }
}

#[cfg(not(target_family = "wasm"))]
fn system_time_text() -> String {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    date_text(since.as_secs() as i64, since.subsec_micros())
}

/// Seconds since 1970 (UTC) as `YYYY-MM-DD HH:MM:SS.ffffff`.
pub fn date_text(seconds: i64, micros: u32) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{micros:06}", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// What one console line did: what it printed, and the error it ended with, if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineResult {
    pub output: Vec<String>,
    pub error: Option<Error>,
    /// The lab's own remarks on what happened (a downgrade that dropped data): shown beside the
    /// terminal, never mixed into what the real tool prints.
    pub notes: Vec<String>,
    /// The Python typed so far is incomplete: nothing ran; the console prompts `...` for more.
    pub more: bool,
    /// `clear`: the terminal empties its screen.
    pub clear: bool,
    /// The innermost file and line of a Python error, for the page to mark.
    pub error_at: Option<(String, u32)>,
}

impl LineResult {
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }
}

/// The learner's project.
pub struct Lab {
    files: Files,
    databases: Databases,
    /// The console's Python session (`python -i`): its namespace lasts until `exit()`, an undo
    /// or a reload.
    session: Option<crate::interp::Interpreter>,
    sources: Sources,
    rng: u64,
    /// How long one Python run may take (a program, a console entry).
    python_budget_ms: f64,
}

/// A project's files by path, from a built-in list.
pub fn project_files(list: &[(&str, &str)]) -> Files {
    let mut files = Files::new();
    for (path, text) in list {
        files.insert(path.to_string(), text.to_string());
    }
    files
}

impl Lab {
    /// The seed project with no database yet.
    pub fn new(sources: Sources) -> Lab {
        let files = project_files(SEED_FILES);
        let rng = sources.seed | 1;
        Lab {
            files,
            databases: Databases::new(crate::watchdog::DEFAULT_BUDGET_MS),
            session: None,
            sources,
            rng,
            python_budget_ms: crate::interp::TIME_BUDGET_MS,
        }
    }

    pub fn files(&self) -> &Files {
        &self.files
    }

    pub fn read_file(&self, path: &str) -> Result<&str> {
        self.files
            .get(path)
            .map(String::as_str)
            .ok_or_else(|| Error::new(ErrorKind::FileNotFoundError, format!("[Errno 2] No such file or directory: '{path}'")))
    }

    /// Writes a project file. Paths are relative, `/`-separated, without `..`.
    pub fn write_file(&mut self, path: &str, text: &str) -> Result<()> {
        let bad = path.is_empty()
            || path.starts_with('/')
            || path.ends_with('/')
            || path.split('/').any(|part| part.is_empty() || part == "." || part == "..");
        if bad {
            return Err(Error::new(ErrorKind::ValueError, format!("not a project file path: '{path}'")));
        }
        self.files.insert(path.to_string(), text.to_string());
        Ok(())
    }

    /// Deletes a project file.
    pub fn remove_file(&mut self, path: &str) -> Result<()> {
        self.files
            .remove(path)
            .map(|_| ())
            .ok_or_else(|| Error::new(ErrorKind::FileNotFoundError, format!("[Errno 2] No such file or directory: '{path}'")))
    }

    pub fn has_dir(&self, dir: &str) -> bool {
        let prefix = format!("{dir}/");
        self.files.keys().any(|p| p.starts_with(&prefix))
    }

    /// The database a name opens (`sqlite.db`), created empty on first use.
    pub fn engine(&mut self, name: &str) -> Result<SharedEngine> {
        self.databases.open(name)
    }

    /// The lab's database if anything has opened it yet. The page's views read it through this
    /// and never create it (looking at a folder creates no file), which also keeps SQLite's first
    /// start out of the page's cold start.
    pub fn opened_database(&self) -> Option<SharedEngine> {
        self.databases.get(&self.database_name())
    }

    /// The databases the project's code has opened by file name (`sqlite:///blog.db`), the
    /// lab's own first (when it exists), then the others by name: what the Tables view offers.
    pub fn database_names(&self) -> Vec<String> {
        let main = self.database_name();
        let mut names: Vec<String> = self.databases.names().into_iter().filter(|n| *n != main).collect();
        crate::sorting::sort(&mut names);
        if self.databases.get(&main).is_some() {
            names.insert(0, main);
        }
        names
    }

    /// A database by name if it is open, else the lab's own (if open).
    pub fn viewed_database(&self, name: Option<&str>) -> Option<SharedEngine> {
        match name {
            Some(name) => self.databases.get(name).or_else(|| self.opened_database()),
            None => self.opened_database(),
        }
    }

    /// Free SQL on the lab's database. A statement SQLite refuses changes nothing: not even by
    /// leaving behind the empty database it was typed against.
    pub fn exec(&mut self, sql: &str) -> Result<crate::engine::QueryResult> {
        let name = self.database_name();
        let existed = self.databases.get(&name).is_some();
        let engine = self.engine(&name)?;
        let result = Databases::borrow(&engine)?.exec(sql);
        if result.is_err() && !existed {
            self.databases.remove(&name);
        }
        result
    }

    /// The lab's databases, for the Python that opens them by URL.
    pub fn databases(&self) -> &Databases {
        &self.databases
    }

    /// How long one SQL statement may run on any of the lab's databases before it is stopped.
    pub fn set_statement_budget_ms(&mut self, budget: f64) {
        self.databases.set_statement_budget_ms(budget);
    }

    /// How long one Python run may take before the lab stops it (the benchmark's long programs).
    pub fn set_python_budget_ms(&mut self, budget: f64) {
        self.python_budget_ms = budget;
        if let Some(session) = &mut self.session {
            session.time_budget_ms = budget;
        }
    }

    pub fn engine_names(&self) -> Vec<String> {
        self.databases.names()
    }

    /// A new 12-hex-digit revision id, as Alembic makes them.
    pub fn new_revision_id(&mut self) -> String {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        format!("{:012x}", self.rng & 0xffff_ffff_ffff)
    }

    pub fn now(&self) -> String {
        (self.sources.now)()
    }

    /// The database `alembic.ini` points at (`sqlite:///sqlite.db` → `sqlite.db`); `sqlite.db`
    /// before there is a usable URL.
    pub fn database_name(&self) -> String {
        let url = self.files.get("alembic.ini").and_then(|ini| {
            ini.lines().map(str::trim).find_map(|l| l.strip_prefix("sqlalchemy.url").map(|v| v.trim_start_matches([' ', '=']).trim().to_string()))
        });
        match url.as_deref().and_then(|u| u.strip_prefix("sqlite:///")) {
            Some(name) if !name.is_empty() => crate::sqlalchemy::engine::database_file(name),
            _ => "sqlite.db".to_string(),
        }
    }

    /// The lab's database as a SQLite file.
    pub fn export_db(&mut self) -> Result<Vec<u8>> {
        let name = self.database_name();
        let engine = self.engine(&name)?;
        let serialized = Databases::borrow(&engine)?.serialize();
        serialized
    }

    /// Replaces the lab's database with a SQLite file; anything else is refused and changes nothing.
    pub fn import_db(&mut self, bytes: &[u8]) -> Result<()> {
        let mut engine = Engine::open_in_memory()?;
        engine.deserialize(bytes)?;
        self.databases.insert(&self.database_name(), engine);
        Ok(())
    }

    /// The whole lab (files and databases) as bytes, for undo and for keeping it across reloads.
    pub fn snapshot(&mut self) -> Result<Vec<u8>> {
        let mut out = SNAPSHOT_MAGIC.to_vec();
        put_len(&mut out, self.files.len());
        for (path, text) in &self.files {
            put_str(&mut out, path);
            put_str(&mut out, text);
        }
        let all = self.databases.all();
        put_len(&mut out, all.len());
        for (name, engine) in &all {
            put_str(&mut out, name);
            put_bytes(&mut out, &Databases::borrow(engine)?.serialize()?);
        }
        out.extend_from_slice(&self.rng.to_le_bytes());
        Ok(out)
    }

    /// Puts the lab back as a snapshot had it. A damaged snapshot changes nothing.
    pub fn restore(&mut self, bytes: &[u8]) -> Result<()> {
        let bad = || Error::new(ErrorKind::ValueError, "not a lab snapshot");
        let mut rest = bytes;
        if take(&mut rest, SNAPSHOT_MAGIC.len()) != Some(SNAPSHOT_MAGIC) {
            return Err(bad());
        }
        let mut files = Files::new();
        for _ in 0..get_len(&mut rest).ok_or_else(bad)? {
            let path = get_str(&mut rest).ok_or_else(bad)?;
            let text = get_str(&mut rest).ok_or_else(bad)?;
            files.insert(path, text);
        }
        let mut engines = SortedMap::new();
        for _ in 0..get_len(&mut rest).ok_or_else(bad)? {
            let name = get_str(&mut rest).ok_or_else(bad)?;
            let data = get_bytes(&mut rest).ok_or_else(bad)?;
            let mut engine = Engine::open_in_memory()?;
            engine.deserialize(data)?;
            engines.insert(name, engine);
        }
        let rng = get_u64(&mut rest).ok_or_else(bad)?;
        if !rest.is_empty() {
            return Err(bad());
        }
        self.files = files;
        self.databases.replace_all(engines);
        // Python objects are not kept in snapshots: going back starts a fresh session.
        self.session = None;
        self.rng = rng | 1;
        Ok(())
    }

    /// An interpreter over the project's files, with the lab's `sqlalchemy` on its databases.
    /// An interpreter over the project's files with the lab's budget, `sqlalchemy` and `alembic`
    /// importable (`alembic.op` outside a migration refuses, as Alembic's proxy does).
    pub fn new_interpreter(&self) -> crate::interp::Interpreter {
        let mut interpreter = crate::interp::Interpreter::new(self.files.clone());
        interpreter.time_budget_ms = self.python_budget_ms;
        crate::sqlalchemy::install(&mut interpreter, self.databases.clone());
        crate::alembic::install(&mut interpreter, crate::alembic::Runtime::default());
        interpreter
    }

    /// When a program ends, its connections go with it: what it left uncommitted is rolled back,
    /// as SQLite does when a process exits.
    fn end_open_transactions(&self) {
        for (_, engine) in self.databases.all() {
            if let Ok(mut engine) = Databases::borrow(&engine) {
                if engine.transaction_owner.is_some() && engine.in_transaction() {
                    let _ = engine.driver("ROLLBACK");
                }
                engine.transaction_owner = None;
            }
        }
    }

    /// `python FILE` / `python -m module`: the file runs as `__main__` in a fresh interpreter,
    /// as a new process would, and prints what it prints.
    fn run_python_program(&mut self, args: &[String]) -> LineResult {
        let say = |message: &str, kind: ErrorKind| failure(vec![message.to_string()], kind);
        // A fresh interpreter for each run, made only when something runs.
        let interpreter = || self.new_interpreter();
        let outcome = match args {
            [] => {
                let message = "not available in this lab: a second `python` session (this console already runs Python as `python -i` would; exit() starts it afresh)";
                return say(message, ErrorKind::NotAvailable);
            }
            [flag, ..] if flag == "-V" || flag == "--version" => {
                return LineResult { output: vec![format!("Python {}", crate::interp::VERSION)], ..LineResult::default() };
            }
            [flag, code, rest @ ..] if flag == "-c" => {
                let argv = std::iter::once("-c".to_string()).chain(rest.iter().cloned()).collect();
                interpreter().run_code(code, argv)
            }
            [flag, module, rest @ ..] if flag == "-m" => {
                let base = module.replace('.', "/");
                let path = if self.files.contains_key(&format!("{base}/__main__.py")) { format!("{base}/__main__.py") } else { format!("{base}.py") };
                if !self.files.contains_key(&path) {
                    let message = format!("python: No module named {module}");
                    return say(&message, ErrorKind::PythonException);
                }
                let argv = std::iter::once(path.clone()).chain(rest.iter().cloned()).collect();
                interpreter().run_program(&path, None, argv)
            }
            [file, rest @ ..] if !file.starts_with('-') => {
                let argv = std::iter::once(file.clone()).chain(rest.iter().cloned()).collect();
                interpreter().run_program(file, None, argv)
            }
            [flag, ..] if flag == "-c" || flag == "-m" => {
                return say(&format!("Argument expected for the {flag} option"), ErrorKind::ValueError);
            }
            [flag, ..] => {
                let message = format!("not available in this lab: python {flag} (here: python FILE, python -m MODULE, python -c CODE, python -V)");
                return say(&message, ErrorKind::NotAvailable);
            }
        };
        self.end_open_transactions();
        python_result(outcome)
    }

    /// Whether the console's Python session has been started (and not ended by `exit()`).
    pub fn has_session(&self) -> bool {
        self.session.is_some()
    }

    /// Python typed at the console: run in the session once it is complete.
    fn run_python(&mut self, source: &str) -> LineResult {
        if crate::python::interactive::needs_more(source) {
            return LineResult { more: true, ..LineResult::default() };
        }
        if self.session.is_none() {
            self.session = Some(self.new_interpreter());
        }
        let Some(session) = self.session.as_mut() else { return LineResult::default() };
        // Modules already imported stay as they were, as in Python; new imports read the files as
        // they are now.
        session.files.clone_from(&self.files);
        let outcome = session.run_interactive(source);
        if outcome.exited {
            self.session = None;
        }
        python_result(outcome)
    }

    /// Runs one console entry: a shell line (`alembic …`, `python FILE`, `ls`, `cat`, `rm`,
    /// `clear`, `help`), or Python for the session — a line, or a block sent whole.
    pub fn run(&mut self, entry: &str) -> LineResult {
        if let Some(command) = other_shell_command(entry) {
            let message = format!(
                "not available in this lab: the shell command `{command}` (this terminal runs alembic, python, ls, cat, rm, clear and help; any other line is Python; type help)"
            );
            return LineResult { output: vec![message.clone()], error: Some(Error::new(ErrorKind::NotAvailable, message)), ..LineResult::default() };
        }
        if !is_shell_line(entry) {
            return self.run_python(entry);
        }
        let words = match split_words(entry) {
            Ok(words) => words,
            Err(error) => return LineResult { error: Some(error), ..LineResult::default() },
        };
        let fail = |message: String| shell_failure(vec![message]);
        match words.first().map(String::as_str) {
            Some("alembic") => crate::migrate::command::run_alembic(self, &words[1..]),
            Some("python" | "python3") => self.run_python_program(&words[1..]),
            Some("ls") => self.ls(words.get(1).map(String::as_str)),
            Some("cat") => match words.get(1).map(|p| self.read_file(p)) {
                Some(Ok(text)) => LineResult { output: vec![text.trim_end_matches('\n').to_string()], ..LineResult::default() },
                Some(Err(_)) => fail(format!("cat: {}: No such file or directory", words[1])),
                None => fail("usage here: cat FILE".to_string()),
            },
            Some("rm") => self.rm(&words[1..]),
            Some("clear") => LineResult { clear: true, ..LineResult::default() },
            Some("help") => LineResult { output: HELP.lines().map(String::from).collect(), ..LineResult::default() },
            _ => LineResult::default(),
        }
    }

    /// `rm [-f] [-r] PATH…`: removes project files, with the shell's messages (a folder needs
    /// `-r`; `-f` ignores what is missing). Nothing outside the project can be named.
    fn rm(&mut self, args: &[String]) -> LineResult {
        let (mut force, mut recursive, mut paths) = (false, false, Vec::new());
        for arg in args {
            match arg.strip_prefix('-').filter(|flags| !flags.is_empty() && !arg.starts_with("--")) {
                Some(flags) => {
                    for flag in flags.chars() {
                        match flag {
                            'f' => force = true,
                            'r' | 'R' => recursive = true,
                            other => return shell_failure(vec![format!("rm: invalid option -- '{other}'"), "Try 'rm --help' for more information.".into()]),
                        }
                    }
                }
                None => paths.push(arg.as_str()),
            }
        }
        if paths.is_empty() && !force {
            return shell_failure(vec!["rm: missing operand".into(), "Try 'rm --help' for more information.".into()]);
        }
        let mut output = Vec::new();
        for path in paths {
            if recursive && path.trim_end_matches('/').is_empty() {
                output.push(format!("rm: it is dangerous to operate recursively on '{path}'"));
                output.push("rm: use --no-preserve-root to override this failsafe".into());
                continue;
            }
            let relative = path.trim_start_matches("./").trim_end_matches('/');
            if path.starts_with('/') || relative.split('/').any(|part| part == "..") {
                output.push(format!("rm: cannot remove '{path}': not available in this lab (only the project's own files)"));
                continue;
            }
            if self.files.remove(relative).is_some() {
                continue;
            }
            let prefix = format!("{relative}/");
            let inside: Vec<String> = self.files.keys().filter(|p| p.starts_with(&prefix)).cloned().collect();
            match (inside.is_empty(), recursive) {
                (false, true) => inside.iter().for_each(|p| {
                    self.files.remove(p);
                }),
                (false, false) => output.push(format!("rm: cannot remove '{path}': Is a directory")),
                (true, _) if force => {}
                (true, _) => output.push(format!("rm: cannot remove '{path}': No such file or directory")),
            }
        }
        if output.is_empty() {
            return LineResult::default();
        }
        shell_failure(output)
    }

    fn ls(&self, dir: Option<&str>) -> LineResult {
        let prefix = dir.map(|d| format!("{}/", d.trim_end_matches('/'))).unwrap_or_default();
        let mut names: Vec<String> = self
            .files
            .keys()
            .filter_map(|p| p.strip_prefix(&prefix))
            .map(|rest| match rest.split_once('/') {
                Some((dir, _)) => format!("{dir}/"),
                None => rest.to_string(),
            })
            .filter(|n| !n.is_empty())
            .collect();
        names.dedup();
        if names.is_empty() && dir.is_some() {
            let error = Error::new(
                ErrorKind::FileNotFoundError,
                format!("ls: cannot access '{}': No such file or directory", dir.unwrap_or_default()),
            );
            return LineResult { output: Vec::new(), error: Some(error), notes: Vec::new(), ..LineResult::default() };
        }
        LineResult { output: vec![names.join("  ")], error: None, notes: Vec::new(), ..LineResult::default() }
    }
}

/// A command that failed, with what it printed.
fn failure(output: Vec<String>, kind: ErrorKind) -> LineResult {
    let error = Error::new(kind, output.join("\n"));
    LineResult { output, error: Some(error), ..LineResult::default() }
}

/// A shell command that failed, with what it printed.
fn shell_failure(output: Vec<String>) -> LineResult {
    failure(output, ErrorKind::ValueError)
}

/// The shell commands the console knows; any other entry is Python.
const SHELL_COMMANDS: &[&str] = &["alembic", "python", "python3", "ls", "cat", "rm", "clear", "help"];

/// A line is a shell command when it starts with one of the console's commands and does not go
/// on as Python would (`help(len)`, `ls = []`, `cat[0]`).
fn is_shell_line(entry: &str) -> bool {
    let entry = entry.trim();
    if entry.contains('\n') {
        return false;
    }
    let (first, rest) = entry.split_once(char::is_whitespace).unwrap_or((entry, ""));
    let rest = rest.trim_start();
    let python_after = rest.starts_with(['=', '(', '[', ',', ':']) && !rest.starts_with("==")
        || ["+=", "-=", "*=", "/=", "%=", "|=", "&="].iter().any(|op| rest.starts_with(op));
    SHELL_COMMANDS.contains(&first) && !python_after
}

/// Shell commands a learner may reach for that the lab does not run.
const OTHER_SHELL_COMMANDS: &[&str] = &[
    "cd", "pwd", "mkdir", "touch", "mv", "cp", "echo", "pip", "pip3", "git", "sqlite3", "vim", "vi", "nano", "sudo",
    "apt", "apt-get", "npm", "rmdir", "chmod", "grep", "which", "flask", "pytest", "poetry", "uv",
];

/// The command word when `entry` is one of those commands with arguments and is not Python: a
/// line Python would refuse (`pip install x`, `cd ..`, `mkdir -p x`). A bare name, or a line
/// Python runs (`cd = 1`, `echo(1)`, `cd - 1`), stays Python.
fn other_shell_command(entry: &str) -> Option<&str> {
    let entry = entry.trim();
    if entry.contains('\n') {
        return None;
    }
    let (first, rest) = entry.split_once(char::is_whitespace)?;
    let shell = OTHER_SHELL_COMMANDS.contains(&first) && !rest.trim().is_empty();
    (shell && crate::python::parser::parse_module(entry).is_err()).then_some(first)
}

/// What `help` prints: what this console runs, and what it does not.
const HELP: &str = "This console is a terminal in the project folder. It runs:
  python FILE [ARG...]            run a project file as __main__, as a new process would
  python -m MODULE, python -c CODE  (and python -V)
  any other line                  Python, as `python -i` would: one session whose names last
                                  until exit(); expressions show their repr; a block may be
                                  pasted whole or typed line by line (an empty line ends it)
  alembic COMMAND ...             Alembic's command line: init, revision, upgrade, downgrade,
                                  current, history, heads, branches, show, stamp, merge,
                                  check, ensure_version, list_templates (alembic COMMAND --help)
  ls [DIR], cat FILE, rm FILE...  the project's files
  clear                           empty the screen
Python here has the language and its builtins, the modules sqlalchemy (Core and ORM, on the
lab's SQLite), alembic (op, context, config: what env.py and revision files use), logging,
logging.config, configparser, typing, dataclasses, datetime, decimal, enum, json, contextlib,
math, os, sys and time; your project's files import as on your machine.
  Tab completes commands, file names and revision ids; Shift+Enter adds a line to a block;
  Ctrl+L (or clear) empties the screen; up and down arrows recall earlier lines.
Not available in this lab: other shell commands (cd, pip, git, sqlite3, …), files outside the
project, input(), alembic edit (open the file in the Files tab).";

/// What a Python run printed, as console lines, and the exception it ended with.
fn python_result(outcome: crate::interp::RunOutcome) -> LineResult {
    let mut output: Vec<String> = outcome.output.split('\n').map(String::from).collect();
    if output.last().is_some_and(String::is_empty) {
        output.pop();
    }
    let mut notes = Vec::new();
    if outcome.error.as_ref().is_some_and(|(class, _)| class == "ModuleNotFoundError") {
        notes.push(format!(
            "the lab's Python has only these modules besides your project's files: {}.",
            {
                let mut names = crate::interp::available_modules();
                names.extend(["sqlalchemy", "sqlalchemy.orm", "sqlalchemy.exc", "sqlalchemy.sql", "sqlalchemy.pool", "sqlite3", "alembic", "alembic.op", "alembic.context", "alembic.config"]);
                crate::sorting::sort(&mut names);
                names.join(", ")
            }
        ));
    }
    let error = outcome.error.map(|(class, traceback)| Error::python(&class, traceback.trim_end()));
    LineResult { output, error, notes, error_at: outcome.error_at, ..LineResult::default() }
}

const SNAPSHOT_MAGIC: &[u8] = b"ALEMBIC-LAB-SNAPSHOT-2\n";

/// Splits a console line into words, honouring '…' and "…" quotes as a shell does.
pub fn split_words(line: &str) -> Result<Vec<String>> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            (Some(_), c) => current.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            (None, c) => {
                current.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(Error::new(ErrorKind::SyntaxError, "unexpected EOF while looking for matching quote"));
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_database_exists_once_something_opens_it() {
        let mut lab = Lab::new(Sources::default());
        assert!(lab.opened_database().is_none());
        assert!(lab.engine_names().is_empty());
        assert!(lab.run("from src.db import Database").ok());
        assert!(lab.run("Database(\"sqlite.db\").create_tables()").ok());
        let engine = lab.opened_database().expect("create_tables opened sqlite.db");
        assert_eq!(engine.borrow_mut().tables().unwrap().len(), 1);
    }

    #[test]
    fn refused_free_sql_leaves_no_database_behind() {
        let mut lab = Lab::new(Sources::default());
        assert!(lab.exec("SELECT * FROM nowhere").is_err());
        assert!(lab.opened_database().is_none(), "the refused statement made no database");
        assert!(lab.exec("CREATE TABLE t (x)").is_ok());
        assert!(lab.exec("SELECT * FROM nowhere").is_err());
        assert!(lab.opened_database().is_some(), "a database that was there stays");
    }

    #[test]
    fn a_snapshot_restores_files_and_databases_exactly() {
        let mut lab = Lab::new(Sources::default());
        lab.engine("sqlite.db").unwrap().borrow_mut().exec("CREATE TABLE t (x); INSERT INTO t VALUES ('kept')").unwrap();
        assert!(lab.run("from src.db import Database").ok());
        assert!(lab.run("from src.models.user import User").ok());
        assert!(lab.run("db = Database(\"sqlite.db\")").ok());
        assert!(lab.run("db.create_tables()").ok());
        assert!(lab.run("db.create_user(User(name=\"Ann\"))").ok());
        let snapshot = lab.snapshot().unwrap();
        assert!(lab.run("db.delete_user(1)").ok());
        lab.write_file("main.py", "changed").unwrap();
        lab.engine("sqlite.db").unwrap().borrow_mut().exec("DROP TABLE t").unwrap();
        lab.restore(&snapshot).unwrap();
        assert!(lab.read_file("main.py").unwrap().contains("def main():"));
        let rows = lab.engine("sqlite.db").unwrap().borrow_mut().exec("SELECT x FROM t").unwrap().rows;
        assert_eq!(rows, vec![vec![crate::value::Value::from("kept")]]);
        assert!(!lab.has_session(), "going back starts the Python session afresh");
        let again = "from src.db import Database\ndb = Database('sqlite.db')\nprint(db.get_user(1))\n";
        assert_eq!(lab.run(again).output.last().map(String::as_str), Some("<User(name=Ann)>"), "the row is back");
        for broken in [&snapshot[..snapshot.len() - 3], &b"nonsense"[..], &snapshot[..30]] {
            assert_eq!(lab.restore(broken).unwrap_err().message(), "not a lab snapshot");
        }
        assert!(lab.read_file("main.py").unwrap().contains("def main():"), "a failed restore changes nothing");
    }

    #[test]
    fn the_database_file_exports_and_imports() {
        let mut lab = Lab::new(Sources::default());
        lab.engine("sqlite.db").unwrap().borrow_mut().exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)").unwrap();
        let file = lab.export_db().unwrap();
        assert!(file.starts_with(b"SQLite format 3\0"));
        let mut other = Lab::new(Sources::default());
        other.import_db(&file).unwrap();
        assert_eq!(other.engine("sqlite.db").unwrap().borrow_mut().exec("SELECT x FROM t").unwrap().rows.len(), 1);
        assert_eq!(other.import_db(b"not sqlite").unwrap_err().message(), "file is not a database");
        assert_eq!(other.engine("sqlite.db").unwrap().borrow_mut().exec("SELECT x FROM t").unwrap().rows.len(), 1);
    }

    #[test]
    fn dates_are_written_as_alembic_writes_them() {
        assert_eq!(date_text(0, 0), "1970-01-01 00:00:00.000000");
        assert_eq!(date_text(1_795_616_372, 815_059), "2026-11-25 14:19:32.815059");
        assert_eq!(date_text(951_782_400, 1), "2000-02-29 00:00:00.000001");
    }

    #[test]
    fn console_words_split_like_a_shell() {
        assert_eq!(split_words(r#"alembic revision -m "Add User table" --autogenerate"#).unwrap(), ["alembic", "revision", "-m", "Add User table", "--autogenerate"]);
        assert_eq!(split_words("alembic  upgrade 'head'").unwrap(), ["alembic", "upgrade", "head"]);
        assert_eq!(split_words(r#"-m "say \"hi\"""#).unwrap(), ["-m", "say \"hi\""]);
        assert_eq!(split_words("-m ''").unwrap(), ["-m", ""]);
        assert!(split_words("-m \"open").is_err());
    }

    #[test]
    fn the_seed_project_lists_and_reads() {
        let mut lab = Lab::new(Sources::default());
        assert_eq!(lab.run("ls").output, ["main.py  src/"]);
        assert_eq!(lab.run("ls src/models").output, ["__init__.py  base.py  user.py"]);
        assert!(lab.run("cat src/models/user.py").output[0].contains("class User(Base):"));
        let missing = lab.run("cat nope.py").error.unwrap();
        assert_eq!(missing.message(), "cat: nope.py: No such file or directory");
        assert!(lab.write_file("../etc/passwd", "x").is_err());
        assert!(lab.write_file("src/models/post.py", "x").is_ok());
        let a = lab.new_revision_id();
        assert_eq!(a.len(), 12);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a, lab.new_revision_id());
    }
}
