//! Running Python: statements and expressions over frames, calls with Python's argument rules,
//! classes with C3 method order, exceptions with tracebacks, imports of the project's own files.

use std::cell::{Cell, RefCell};
use crate::fast_hash::{FastMap, FastSet};
use std::rc::Rc;

use super::carets;
use super::generator::{Resume, TryPart};
use super::object::{c3_mro, identity, key_of, Class, Dict, Function, Instance, Iter, Module, Obj, Scope, Vars};
use crate::python::{parse_module, Comprehension, Constant, Expr, ExprKind, FStringPart, Keyword, Param, Span, Stmt, StmtKind};

/// How deep Python calls may nest before `RecursionError` (the lab's stack is smaller than
/// CPython's, whose default is 1000).
pub const RECURSION_LIMIT: usize = 180;
/// How long one run may take before the lab stops it.
pub const TIME_BUDGET_MS: f64 = 800.0;
/// Steps between two looks at the clock.
const STEPS_PER_CHECK: u64 = 4096;
/// The modules of CPython 3.11's standard library (tests/python/stdlib_names.py).
const STDLIB_NAMES: &str = include_str!("stdlib_names.txt");

/// Whether `module` (`logging.handlers`) is in CPython's standard library: its top package is.
/// `value` raised from `cause`, as `raise value from cause` leaves them.
fn raised_from(value: &Obj, cause: Obj) {
    if let Obj::Instance(instance) = value {
        let mut attrs = instance.attrs.borrow_mut();
        attrs.insert_str("__cause__", cause);
        attrs.insert_str("__suppress_context__", Obj::Bool(true));
    }
}

/// Whether a line of the library names (`module name name …`) lists `name`.
fn line_has(line: &str, name: &str) -> bool {
    line.split(' ').skip(1).any(|n| n == name)
}

fn in_standard_library(module: &str) -> bool {
    let top = module.split('.').next().unwrap_or(module);
    STDLIB_NAMES.lines().any(|name| name == top)
}

/// Standard modules the lab writes in Python itself: (module, file, source).
const LIBRARY: &[(&str, &str, &str)] = &[
    ("logging", "logging/__init__.py", include_str!("lib/logging.py")),
    ("dataclasses", "dataclasses.py", include_str!("lib/dataclasses.py")),
    ("enum", "enum.py", include_str!("lib/enum.py")),
    ("json", "json/__init__.py", include_str!("lib/json.py")),
    ("contextlib", "contextlib.py", include_str!("lib/contextlib.py")),
    ("sys", "sys.py", include_str!("lib/sys.py")),
    ("os", "os.py", include_str!("lib/os.py")),
    ("os.path", "posixpath.py", include_str!("lib/posixpath.py")),
    ("time", "time.py", include_str!("lib/time.py")),
    ("datetime", "datetime.py", include_str!("lib/datetime.py")),
    ("decimal", "decimal.py", include_str!("lib/decimal.py")),
    ("configparser", "configparser.py", include_str!("lib/configparser.py")),
    ("logging.config", "logging/config.py", include_str!("lib/logging_config.py")),
    ("functools", "functools.py", include_str!("lib/functools.py")),
    ("itertools", "itertools.py", include_str!("lib/itertools.py")),
    ("abc", "abc.py", include_str!("lib/abc.py")),
    ("collections", "collections/__init__.py", include_str!("lib/collections.py")),
    ("pathlib", "pathlib.py", include_str!("lib/pathlib.py")),
    ("random", "random.py", include_str!("lib/random.py")),
    ("heapq", "heapq.py", include_str!("lib/heapq.py")),
    ("string", "string.py", include_str!("lib/string.py")),
    ("uuid", "uuid.py", include_str!("lib/uuid.py")),
];
/// Every module the lab's Python can import besides the project's own files, for the note that
/// goes with a `ModuleNotFoundError`.
pub fn available_modules() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = LIBRARY.iter().map(|(name, _, _)| *name).chain(["typing", "math", "__future__", "builtins"]).collect();
    crate::sorting::sort(&mut names);
    names
}

/// How much a run may grow the lab's memory: far more than any tutorial program needs, far less
/// than the browser gives a page's wasm.
pub const MEMORY_BUDGET_BYTES: usize = 256 << 20;
/// The most items one list, string or dict may hold.
pub const MAX_ITEMS: usize = 2_000_000;

/// A raised Python exception on its way out, with the frames it passed through (innermost first).
pub struct Raised {
    pub value: Obj,
    pub frames: Vec<TracebackEntry>,
    /// The lab stopped the program (time, steps): no `except` may catch it.
    pub stop: bool,
    /// Where in the frame it is passing through it was raised (the expression or statement that
    /// failed), until that frame is added to `frames`.
    pub at: Option<Span>,
}

pub type Res<T> = Result<T, Box<Raised>>;

/// A value raised from Rust, with no frames yet (the frames it passes through add theirs).
#[inline(never)]
pub(crate) fn raised(value: Obj, stop: bool) -> Box<Raised> {
    Box::new(Raised { value, frames: Vec::new(), stop, at: None })
}

/// What a function that only ever raises returns: `Never` has no value, so `Ok` cannot happen.
/// Such a function stays one copy; `never.map(|n| match n {})` makes it any `Res<T>`.
pub type Never = std::convert::Infallible;

pub(super) enum Flow {
    Next,
    Return(Obj),
    Break,
    Continue,
    /// A generator's `yield`: the run is suspended with this value (see generator.rs).
    Yield(Obj),
}

/// What an error's "Did you mean" is found from: a NameError's suggestion, found as it is raised
/// (the frame is gone by the time it prints); an AttributeError's object and missing name.
#[derive(Clone)]
enum Suggestion {
    Name(Rc<str>),
    Attribute(Obj, Rc<str>),
}

/// Where code runs: its globals, its function's variables (none at module level), and for a
/// class body the namespace being filled.
pub(super) struct Frame {
    globals: Rc<RefCell<Dict>>,
    scope: Option<Rc<Scope>>,
    func: Option<Rc<Function>>,
    class_ns: Option<Rc<RefCell<Dict>>>,
    file: Rc<str>,
    name: Rc<str>,
    line: Cell<u32>,
}

impl Frame {
    /// This frame as a traceback shows it, at `at` (or its current line).
    pub(super) fn entry(&self, at: Option<Span>) -> TracebackEntry {
        (self.file.clone(), at.map_or(self.line.get(), |at| at.line), self.name.clone(), at)
    }

    /// An exception leaving this frame records it.
    pub(super) fn leave(&self, raised: &mut Raised) {
        let entry = self.entry(raised.at.take());
        raised.frames.push(entry);
    }

    /// The values of its variables, taken out when nothing else shares them (for freeing).
    pub(super) fn take_values(&mut self) -> Vec<Obj> {
        match self.scope.as_mut().and_then(Rc::get_mut) {
            Some(scope) => scope.vars.get_mut().take_values(),
            None => Vec::new(),
        }
    }

    /// A frame that is nobody's, left behind where a real one was moved out.
    pub(super) fn placeholder() -> Frame {
        Frame {
            globals: Rc::new(RefCell::new(Dict::default())),
            scope: None,
            func: None,
            class_ns: None,
            file: Rc::from(""),
            name: Rc::from(""),
            line: Cell::new(0),
        }
    }
}

/// What running a program printed, and the exception it ended with.
pub struct RunOutcome {
    pub output: String,
    /// The exception class name and the traceback text, when the program raised.
    pub error: Option<(String, String)>,
    /// The innermost frame of the error: file and line, for the page to mark.
    pub error_at: Option<(String, u32)>,
    /// The program raised `SystemExit`: a console session ends with it.
    pub exited: bool,
}

/// One interpreter: its modules, builtins, output and budgets.
pub struct Interpreter {
    pub files: crate::Files,
    pub out: String,
    /// Objects a native module keeps for this interpreter, by its own keys (sqlalchemy: the
    /// Python enum class behind an `Enum` column type, to give its rows back as members).
    pub native_state: FastMap<String, Obj>,
    modules: FastMap<String, Obj>,
    pub(super) builtins: Dict,
    pub(super) exceptions: FastMap<&'static str, Rc<Class>>,
    pub(super) object_class: Rc<Class>,
    /// Stand-ins for the built-in types a class may derive from (see subclass.rs).
    pub(super) value_types: Vec<Rc<Class>>,
    steps: u64,
    deadline: f64,
    depth: usize,
    /// The containers whose repr is being written, innermost last: a list that holds itself
    /// prints as `[...]`, as in Python.
    pub(super) repr_stack: Vec<usize>,
    /// How long one run may take (milliseconds).
    pub time_budget_ms: f64,
    /// The live bytes (see memory.rs) past which the run is stopped.
    memory_ceiling: usize,
    /// Objects with their own `__hash__` seen as keys: per hash, (representative, key number).
    user_keys: FastMap<i64, Vec<(Obj, usize)>>,
    user_key_count: usize,
    /// The exceptions being handled (`except` blocks entered, innermost last), with the frames
    /// they came through: a bare `raise` re-raises the last.
    handling: Vec<(Obj, Vec<TracebackEntry>, Option<Span>)>,
    /// The files that import `annotations` from `__future__`.
    future_annotations: Vec<Rc<str>>,
    /// Where each caught exception was raised, for a chained traceback (`__cause__`,
    /// `__context__`); the value is kept so its identity is not reused.
    caught_frames: FastMap<usize, (Obj, Vec<TracebackEntry>)>,
    /// The console session's `__main__` namespace, kept from one entry to the next.
    session: Option<Rc<RefCell<Dict>>>,
    /// The namespace of the file `python FILE` runs, let go of when it ends.
    main_globals: Option<Rc<RefCell<Dict>>>,
    /// Modules written in Rust, by dotted name, built on first import (see native.rs).
    native_modules: FastMap<String, super::native::ModuleBuilder>,
    /// Modules written in Python that a native module brings (name → file, source).
    python_modules: FastMap<String, (&'static str, &'static str)>,
    /// The real libraries' modules and names (`module name name …` per line) that native modules
    /// stand in for: what the lab lacks of them is said as such (see `library_lacks`).
    library_names: Vec<&'static str>,
    /// Where a warning raised now would point: the class statements whose hooks are running.
    warning_sites: Vec<(Rc<str>, u32)>,
    /// Every class this interpreter made: a class is in its own MRO, a cycle that only clearing
    /// it at the end breaks.
    pub(super) classes: Vec<std::rc::Weak<Class>>,
    /// The statement running now (file, line): where a warning from a native call points.
    statement_site: Option<(Rc<str>, u32)>,
    /// Warnings already shown (file, line, category, message): each once, as Python's default filter.
    warned: FastSet<(Rc<str>, u32, String, String)>,
    /// The NameErrors and AttributeErrors raised lately, with what their traceback's "Did you
    /// mean" looks at (suggestions.rs).
    suggestions: Vec<(Obj, Suggestion)>,
    /// Notes a native module adds to the warnings of one category while it runs something (a
    /// session's autoflush), innermost last.
    pub warning_notes: Vec<(&'static str, &'static str)>,
    /// Where a resumed generator goes on: the statements on the way to its `yield`, outermost
    /// last; each compound statement on the way takes its own entry (see generator.rs).
    pub(super) resume: Vec<super::generator::Resume>,
    /// The same path being recorded as a `yield` suspends, innermost first.
    pub(super) suspend: Vec<super::generator::Resume>,
    /// What the resumed `yield` gives: the value sent, or the exception thrown in.
    pub(super) sent: Option<Obj>,
    pub(super) thrown: Option<Box<Raised>>,
    /// `sys.argv`: the program's path, or `''` at the console.
    pub argv: Vec<String>,
    /// The `builtins` module (`import builtins`, `__builtins__`).
    pub(super) builtin_module: Option<Obj>,
    /// Where the stack was when the run began (see STACK_BUDGET).
    stack_base: usize,
}

/// The function a comprehension or generator expression runs as: no parameters, the enclosing
/// code's variables as its closure.
fn inner_function(frame: &Frame, name: &str, qualname: Rc<str>, body: Vec<Stmt>, locals: Vec<String>, generator: bool) -> Rc<Function> {
    Rc::new(Function {
        generator,
        param_names: Vec::new(),
        plain_params: true,
        name: Rc::from(name),
        qualname,
        params: Vec::new(),
        defaults: Vec::new(),
        body: Rc::new(body),
        scope: frame.scope.clone(),
        globals: frame.globals.clone(),
        file: frame.file.clone(),
        locals: Rc::new(locals),
        declared_global: Rc::new(Vec::new()),
        declared_nonlocal: Rc::new(Vec::new()),
        owner: RefCell::new(None),
        attrs: RefCell::new(Dict::default()),
    })
}

/// How much of the machine stack a run may use. Python's recursion limit counts calls, but a
/// call through comprehensions, operators and special methods takes far more stack than a plain
/// one; past this, deeper Python is a `RecursionError` rather than an overflow (a crash natively,
/// a trap in the browser, whose stack is 3 MB — see .cargo/config.toml; native test threads
/// have 2 MB).
#[cfg(target_family = "wasm")]
const STACK_BUDGET: usize = 2048 * 1024;
#[cfg(not(target_family = "wasm"))]
const STACK_BUDGET: usize = 1536 * 1024;

/// Where the stack is now (it grows down, natively and in wasm's shadow stack).
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The name a generator expression's outermost iterable has inside it (`.0`, as in CPython).
const OUTERMOST: &str = ".0";

/// The file name of what is typed at the console.
const STDIN: &str = "<stdin>";

/// One `File "x.py", line 3, in f` of a traceback.
/// `raised` marked at `span` in the frame it is passing through, unless a part of it was.
fn marked(mut raised: Box<Raised>, span: Span) -> Box<Raised> {
    if raised.at.is_none() && span.line > 0 {
        raised.at = Some(span);
    }
    raised
}

/// Where a statement that failed as a whole is marked: a statement the parser did not place
/// (one the lab made) is its whole first line.
fn statement_span(stmt: &Stmt) -> Span {
    if stmt.span.line == 0 {
        return Span { line: stmt.line, col: stmt.col, end_line: stmt.line + 1, end_col: 1 };
    }
    stmt.span
}

/// Where the learner's machine has SQLAlchemy and Alembic: the project's virtual environment, as
/// Alembic's own files are named elsewhere (README, fidelity notes).
const SITE_PACKAGES: &str = ".venv/lib/python3.11/site-packages";

/// A frame of a traceback: file, line, function name, and the span its `^^^^` markers are drawn
/// under.
pub(super) type TracebackEntry = (Rc<str>, u32, Rc<str>, Option<Span>);

impl Drop for Interpreter {
    /// A program's objects refer to each other in cycles (a function and its module's globals, a
    /// class and its methods), which reference counting alone never frees: as CPython clears its
    /// modules at exit, every module's globals go, so each run's objects go with its interpreter
    /// instead of staying for the page's life.
    fn drop(&mut self) {
        for module in self.modules.values() {
            if let Obj::Module(module) = module {
                let globals = std::mem::take(&mut *module.globals.borrow_mut());
                drop(globals);
            }
        }
        for class in std::mem::take(&mut self.classes) {
            if let Some(class) = class.upgrade() {
                let mro = std::mem::take(&mut *class.mro.borrow_mut());
                let attrs = std::mem::take(&mut *class.attrs.borrow_mut());
                drop((mro, attrs));
            }
        }
    }
}

impl Interpreter {
    /// An interpreter over the project's files (`path → text`), for imports and source lines.
    pub fn new(files: crate::Files) -> Interpreter {
        let object_class = Rc::new(Class {
            name: Rc::from("object"),
            bases: Vec::new(),
            mro: RefCell::new(Vec::new()),
            attrs: RefCell::new(Dict::default()),
            builtin: true,
        });
        object_class.mro.borrow_mut().push(object_class.clone());
        let object_weak = Rc::downgrade(&object_class);
        let mut interp = Interpreter {
            files,
            out: String::new(),
            native_state: FastMap::default(),
            modules: FastMap::default(),
            builtins: Dict::default(),
            exceptions: FastMap::default(),
            object_class,
            value_types: Vec::new(),
            steps: 0,
            deadline: f64::INFINITY,
            depth: 0,
            repr_stack: Vec::new(),
            time_budget_ms: TIME_BUDGET_MS,
            user_keys: FastMap::default(),
            user_key_count: 0,
            memory_ceiling: usize::MAX,
            handling: Vec::new(),
            future_annotations: Vec::new(),
            caught_frames: FastMap::default(),
            session: None,
            main_globals: None,
            native_modules: FastMap::default(),
            python_modules: FastMap::default(),
            library_names: Vec::new(),
            warning_sites: Vec::new(),
            classes: vec![object_weak],
            statement_site: None,
            warned: FastSet::default(),
            suggestions: Vec::new(),
            warning_notes: Vec::new(),
            resume: Vec::new(),
            suspend: Vec::new(),
            sent: None,
            thrown: None,
            argv: vec![String::new()],
            builtin_module: None,
            stack_base: stack_position(),
        };
        interp.install_builtins();
        for (name, file, source) in LIBRARY {
            interp.register_python_module(name, file, source);
        }
        interp.register_module("_lab", super::host::module());
        interp.register_module("typing", super::typing::module());
        interp
    }

    /// Runs a project file as `__main__`, as `python FILE` does.
    pub fn run_main(&mut self, path: &str) -> RunOutcome {
        self.run_program(path, None, vec![path.to_string()])
    }

    /// `python -c CODE`: the code runs as `__main__`, its file named `<string>`.
    pub fn run_code(&mut self, code: &str, argv: Vec<String>) -> RunOutcome {
        self.run_program("<string>", Some(code.to_string()), argv)
    }

    /// Runs a program as `__main__` with these `sys.argv`: the project file at `path`, or
    /// `source` when given.
    pub fn run_program(&mut self, path: &str, source: Option<String>, argv: Vec<String>) -> RunOutcome {
        self.start_run();
        self.argv = argv;
        let outcome = match source.or_else(|| self.files.get(path).cloned()) {
            None => {
                let message = format!(
                    "python: can't open file '{path}': [Errno 2] No such file or directory"
                );
                return RunOutcome { output: message, error: Some(("FileNotFoundError".into(), String::new())), error_at: None, exited: false };
            }
            Some(source) => self.exec_module_source("__main__", path, &source).map(|_| ()),
        };
        let mut outcome = self.finish(outcome);
        // At exit Python lets go of the program's names: a generator still suspended in a `try`
        // or `with` is closed then, after anything the program printed.
        if let Some(globals) = self.main_globals.take() {
            drop(std::mem::take(&mut *globals.borrow_mut()));
            if let Err(raised) = self.finalize_dropped() {
                let text = self.traceback_text(&raised, false);
                self.out.push_str(&text);
            }
            outcome.output.push_str(&std::mem::take(&mut self.out));
        }
        outcome
    }

    /// Runs host code (a native caller such as the page's `Database`, calling the learner's
    /// Python) as one run, with the run's budgets: what it returned, and what it printed, or the
    /// traceback if it raised.
    pub fn run_host(&mut self, body: impl FnOnce(&mut Interpreter) -> Res<Obj>) -> (Option<Obj>, RunOutcome) {
        self.run_host_boxed(Box::new(body))
    }

    #[inline(never)]
    fn run_host_boxed(&mut self, body: Box<dyn FnOnce(&mut Interpreter) -> Res<Obj> + '_>) -> (Option<Obj>, RunOutcome) {
        self.start_run();
        let mut value = None;
        let outcome = body(self).map(|v| value = Some(v));
        let outcome = self.finish(outcome);
        (value, outcome)
    }

    /// Runs one console entry (a line, or a block sent whole) in the session's `__main__`, as
    /// `python -i` does: each expression statement outside functions and classes prints its
    /// value's `repr` unless it is `None`, and the value is kept as `_`.
    pub fn run_interactive(&mut self, source: &str) -> RunOutcome {
        self.start_run();
        let outcome = self.exec_interactive(source);
        self.finish(outcome)
    }

    fn exec_interactive(&mut self, source: &str) -> Res<()> {
        let module = parse_module(source).map_err(|err| self.syntax_error(STDIN, source, err.message()))?;
        let globals = match &self.session {
            Some(globals) => globals.clone(),
            None => {
                let globals = Rc::new(RefCell::new(Dict::default()));
                globals.borrow_mut().insert_str("__name__", Obj::str("__main__"));
                self.session = Some(globals.clone());
                globals
            }
        };
        let frame = Frame {
            globals,
            scope: None,
            func: None,
            class_ns: None,
            file: Rc::from(STDIN),
            name: Rc::from("<module>"),
            line: Cell::new(1),
        };
        self.exec_block(&frame, &module.body).map(|_| ()).map_err(|mut raised| {
            frame.leave(&mut raised);
            raised
        })
    }

    /// `import name` from a native module: the module, loaded once.
    pub fn import(&mut self, name: &str) -> Res<Obj> {
        self.import_module(name)
    }

    /// Runs a project file as a module of its own, the way Alembic loads `env.py` and revision
    /// files: named `name`, not importable by that name afterwards.
    pub fn load_file(&mut self, name: &str, path: &str) -> Res<Obj> {
        let Some(source) = self.files.get(path).cloned() else {
            return self.error("FileNotFoundError", format!("[Errno 2] No such file or directory: '{path}'"));
        };
        self.load_source(name, path, &source)
    }

    /// [`Interpreter::load_file`] for source that is not a project file (Python the lab made,
    /// such as a compiled template); `path` is the name its tracebacks give.
    pub fn load_source(&mut self, name: &str, path: &str, source: &str) -> Res<Obj> {
        let module = self.exec_module_source(name, path, source);
        self.modules.remove(name);
        module
    }

    /// What the run has printed so far, taken (a host that interleaves its own lines with it).
    pub fn take_output(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// `raise replacement from original` where a native module catches an exception and raises
    /// its own (SQLAlchemy wrapping a driver error raised in an event listener): the replacement
    /// carries the original's frames on, and the original prints first, as its cause.
    pub fn reraise_as(&mut self, original: Box<Raised>, replacement: Obj) -> Box<Raised> {
        self.caught_frames.insert(identity(&original.value), (original.value.clone(), original.frames.clone()));
        if let Obj::Instance(instance) = &replacement {
            instance.attrs.borrow_mut().insert_str("__cause__", original.value.clone());
        }
        Box::new(Raised { value: replacement, frames: original.frames, stop: false, at: original.at })
    }

    /// Raises an exception value (an instance a native module made by calling its class).
    pub fn raise<T>(&self, value: Obj) -> Res<T> {
        Err(raised(value, false))
    }

    /// Shows a warning as Python's default `warnings` filter does (on stderr, once per place):
    /// `file.py:20: SAWarning: message`, then the line it points at. A native module warns this
    /// way from a hook a class statement runs; elsewhere the warning names no place.
    pub fn warn(&mut self, category: &str, message: &str) {
        let noted;
        let message = match self.warning_notes.iter().rev().find(|(c, _)| *c == category) {
            Some((_, note)) => {
                noted = format!("{message} ({note})");
                noted.as_str()
            }
            None => message,
        };
        let Some((file, line)) = self.warning_sites.last().cloned().or_else(|| self.statement_site.clone()) else {
            self.out.push_str(&format!("{category}: {message}\n"));
            return;
        };
        if !self.warned.insert((file.clone(), line, category.to_string(), message.to_string())) {
            return;
        }
        self.out.push_str(&format!("{file}:{line}: {category}: {message}\n"));
        let source = self.files.get(&*file).and_then(|text| text.lines().nth(line.saturating_sub(1) as usize)).map(str::trim);
        if let Some(source) = source.filter(|s| !s.is_empty()) {
            self.out.push_str(&format!("  {source}\n"));
        }
    }

    /// Makes a module written in Python importable by `name` (a native module's own Python part,
    /// such as its exception classes); `file` is the name its tracebacks give.
    pub fn register_python_module(&mut self, name: &str, file: &'static str, source: &'static str) {
        self.python_modules.insert(name.to_string(), (file, source));
    }

    /// Declares the modules of a real library the lab's modules stand in for, one per line, each
    /// with the public names it has where the lab provides the module (`module name name …`), and
    /// the classes the lab's objects stand in for (`Session() add merge …`, named as the objects'
    /// `type_name`).
    pub fn declare_library_names(&mut self, text: &'static str) {
        self.library_names.push(text);
    }

    /// When the real library has `module` (and, given, its `name`) but the lab does not: the
    /// lab's plain "not available" stop, instead of a Python error the learner's machine would
    /// not print.
    pub(super) fn library_lacks<T>(&self, module: &str, name: Option<&str>) -> Option<Res<T>> {
        if module == "math" {
            let name = name.filter(|n| super::math::LACKING.contains(n))?;
            return Some(self.stop_not_available(&format!("math.{name}")));
        }
        let line = self.library_line(module)?;
        match name {
            None => Some(self.stop_not_available(&format!("the module {module}"))),
            Some(name) if line_has(line, name) => Some(self.stop_not_available(&format!("{module}.{name}"))),
            Some(_) => None,
        }
    }

    /// Whether the real library's `module` (or class, `Session()`) has the public name `name`.
    pub(super) fn library_has(&self, module: &str, name: &str) -> bool {
        self.library_line(module).is_some_and(|line| line_has(line, name))
    }

    /// The real library's line for `module`, if it has that module.
    pub(super) fn library_line(&self, module: &str) -> Option<&'static str> {
        let named = |line: &&str| line.split(' ').next().map(|m| m.trim_end_matches('/')) == Some(module);
        self.library_names.iter().flat_map(|text| text.lines()).find(named)
    }

    /// Makes a module written in Rust importable by `name`; `build` gives its members the first
    /// time a program imports it.
    pub fn register_module(&mut self, name: &str, build: super::native::ModuleBuilder) {
        self.native_modules.insert(name.to_string(), build);
    }

    /// A submodule a native module defines as it is built (a package whose `__init__` imports
    /// its submodules): importable by `name` from now on.
    pub fn define_module(&mut self, name: &str, members: Vec<(String, Obj)>) -> Obj {
        let globals = Rc::new(RefCell::new(Dict::default()));
        globals.borrow_mut().insert_str("__name__", Obj::str(name));
        for (member, value) in members {
            globals.borrow_mut().insert_str(&member, value);
        }
        let module = Obj::Module(Rc::new(Module { name: Rc::from(name), globals }));
        self.modules.insert(name.to_string(), module.clone());
        module
    }

    /// A class made by a native module, deriving from `object`, that Python code can subclass
    /// (its native methods see each instance; its `__init_subclass__` each subclass).
    pub fn new_class(&mut self, name: &str, attrs: Vec<(String, Obj)>) -> Obj {
        let mut table = Dict::default();
        for (attr, value) in attrs {
            table.insert_str(&attr, value);
        }
        let class = Rc::new(Class {
            name: Rc::from(name),
            bases: vec![self.object_class.clone()],
            mro: RefCell::new(Vec::new()),
            attrs: RefCell::new(table),
            builtin: false,
        });
        let mro = vec![class.clone(), self.object_class.clone()];
        *class.mro.borrow_mut() = mro;
        self.classes.push(Rc::downgrade(&class));
        Obj::Class(class)
    }

    /// Whether the console session has bound `name`.
    pub fn defines(&self, name: &str) -> bool {
        self.session.as_ref().is_some_and(|globals| globals.borrow().get_str(name).is_some())
    }

    /// Unbinds `name` in the console session (something else bound it since).
    pub fn forget(&mut self, name: &str) {
        if let Some(globals) = &self.session {
            globals.borrow_mut().remove_str(name);
        }
    }

    /// An expression statement's value, shown as the console shows it.
    fn echo(&mut self, value: Obj) -> Res<()> {
        if matches!(value, Obj::None) {
            return Ok(());
        }
        let text = self.repr_of(&value)?;
        self.builtins.insert_str("_", value);
        self.write(&format!("{text}\n"))
    }

    fn start_run(&mut self) {
        Interpreter::discard_dropped();
        self.stack_base = stack_position();
        self.deadline = crate::watchdog::now_ms() + self.time_budget_ms;
        self.memory_ceiling = crate::memory::live_bytes().saturating_add(MEMORY_BUDGET_BYTES);
        self.steps = 0;
    }

    fn finish(&mut self, outcome: Res<()>) -> RunOutcome {
        let output = std::mem::take(&mut self.out);
        match outcome {
            Ok(()) => RunOutcome { output, error: None, error_at: None, exited: false },
            Err(raised) if !raised.stop && self.is_instance_of(&raised.value, "SystemExit") => self.exit(output, &raised.value),
            Err(raised) => {
                let class = self.class_name(&raised.value);
                let text = self.traceback_text(&raised, true);
                // A syntax error is marked where it was found, under the import that read the file.
                let found = syntax_place(&raised.value).map(|p| (p.file.to_string(), u32::try_from(p.line).unwrap_or(0)));
                let error_at = found.or_else(|| raised.frames.first().map(|(f, l, _, _)| (f.to_string(), *l)));
                let mut output = output;
                output.push_str(&text);
                RunOutcome { output, error: Some((class, text)), error_at, exited: false }
            }
        }
    }

    /// An uncaught `SystemExit` (`exit()`, `sys.exit(…)`) ends the program quietly, as Python
    /// does: no code or `None` is success, a number is the exit status, anything else is printed
    /// and the status is 1.
    fn exit(&mut self, mut output: String, value: &Obj) -> RunOutcome {
        let code = match value {
            Obj::Instance(instance) => match instance.attrs.borrow().get_str("args") {
                Some(Obj::Tuple(args)) if args.len() == 1 => args[0].clone(),
                Some(Obj::Tuple(args)) if args.len() > 1 => Obj::Tuple(args.clone()),
                _ => Obj::None,
            },
            _ => Obj::None,
        };
        let failed = match &code {
            Obj::None => false,
            Obj::Int(status) => *status != 0,
            Obj::Bool(status) => *status,
            other => {
                let text = self.str_of(other).unwrap_or_default();
                output.push_str(&text);
                output.push('\n');
                true
            }
        };
        let error = failed.then(|| ("SystemExit".to_string(), String::new()));
        RunOutcome { output, error, error_at: None, exited: true }
    }

    /// The exception's class as a traceback names it: qualified by its module unless it is a
    /// built-in or defined in `__main__` (`sqlalchemy.exc.IntegrityError`).
    fn class_name(&self, value: &Obj) -> String {
        match value {
            Obj::Instance(i) => {
                let module = i.class.attrs.borrow().get_str("__module__").cloned();
                match module {
                    Some(Obj::Str(module)) if !i.class.builtin && &*module != "__main__" && &*module != "builtins" => {
                        format!("{module}.{}", i.class.name)
                    }
                    _ => i.class.name.to_string(),
                }
            }
            other => other.type_name(),
        }
    }

    /// The traceback of `exception` (by default the one being handled) as the terminal would
    /// show it were it not caught, for logging's `exc_info`; `NoneType: None` when there is none.
    pub(super) fn caught_traceback(&mut self, exception: Option<Obj>) -> String {
        let Some(value) = exception.or_else(|| self.handling.last().map(|(value, _, _)| value.clone())) else {
            return "NoneType: None".to_string();
        };
        let frames = self.caught_frames.get(&identity(&value)).map(|(_, frames)| frames.clone()).unwrap_or_default();
        let raised = Raised { value, frames, stop: false, at: None };
        self.traceback_text(&raised, false).trim_end_matches('\n').to_string()
    }

    /// `Traceback (most recent call last):`, each frame with its source line, and the final line.
    /// `suggest`: with "Did you mean", as the interpreter prints an uncaught error (the traceback
    /// module, logging and an ignored error in `__del__` print none in CPython 3.11).
    pub(super) fn traceback_text(&mut self, raised: &Raised, suggest: bool) -> String {
        if raised.stop {
            return format!("{}\n", self.exception_message(&raised.value));
        }
        // The chain first, oldest first: `raise … from cause`, or the exception being handled.
        let mut chain = String::new();
        let mut seen = vec![identity(&raised.value)];
        let mut current = raised.value.clone();
        while let Obj::Instance(instance) = &current {
            let attr = |name: &str| instance.attrs.borrow().get_str(name).cloned();
            let (earlier, joint) = match (attr("__cause__"), attr("__suppress_context__"), attr("__context__")) {
                (Some(cause @ Obj::Instance(_)), _, _) => (cause, "The above exception was the direct cause of the following exception:"),
                (_, Some(Obj::Bool(true)), _) => break,
                (_, _, Some(context @ Obj::Instance(_))) => (context, "During handling of the above exception, another exception occurred:"),
                _ => break,
            };
            if seen.contains(&identity(&earlier)) || seen.len() > 20 {
                break;
            }
            seen.push(identity(&earlier));
            let frames = self.caught_frames.get(&identity(&earlier)).map(|(_, f)| f.clone()).unwrap_or_default();
            let block = self.traceback_block(&earlier, &frames, suggest);
            chain = format!("{block}\n{joint}\n\n{chain}");
            current = earlier;
        }
        chain + &self.traceback_block(&raised.value, &raised.frames, suggest)
    }

    fn traceback_block(&mut self, value: &Obj, frames: &[TracebackEntry], suggest: bool) -> String {
        let mut text = String::new();
        // An exception raised inside a native module's own code (marked so by it) had frames
        // there, which the lab does not show: the header stays, as CPython's would.
        let in_library = matches!(value, Obj::Instance(i) if i.attrs.borrow().get_str("__lab_library_frames__").is_some());
        if !frames.is_empty() || in_library {
            text.push_str("Traceback (most recent call last):\n");
        }
        // Like CPython, the same frame three times in a row is enough: the rest are counted.
        let mut repeated = 0;
        let mut previous: Option<&TracebackEntry> = None;
        // The frames of the lab's own library modules (logging, configparser, alembic.context …)
        // are left out, as the recorders leave out CPython's standard library and site-packages:
        // what shows is the learner's code.
        let shown: Vec<&TracebackEntry> = frames.iter().filter(|(file, _, _, _)| self.files.contains_key(file.as_ref()) || file.starts_with('<')).collect();
        for entry in shown.into_iter().rev() {
            if previous == Some(entry) {
                repeated += 1;
            } else {
                if repeated > 2 {
                    let times = if repeated - 2 == 1 { "time" } else { "times" };
                    text.push_str(&format!("  [Previous line repeated {} more {times}]\n", repeated - 2));
                }
                repeated = 0;
            }
            previous = Some(entry);
            if repeated > 2 {
                continue;
            }
            let (file, line, name, at) = entry;
            text.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
            let source_line = self.files.get(file.as_ref()).and_then(|s| s.lines().nth((*line as usize).saturating_sub(1)));
            if let Some(source_line) = source_line.filter(|l| !l.trim().is_empty()) {
                text.push_str(&format!("    {}\n", source_line.trim()));
                if let Some(markers) = at.and_then(|at| carets::markers(source_line, at)) {
                    text.push_str(&markers);
                    text.push('\n');
                }
            }
        }
        if repeated > 2 {
            let times = if repeated - 2 == 1 { "time" } else { "times" };
            text.push_str(&format!("  [Previous line repeated {} more {times}]\n", repeated - 2));
        }
        text.push_str(&syntax_error_location(value));
        text.push_str(&self.final_line(value, suggest));
        text.push('\n');
        text
    }

    /// `ValueError: message`, as Python's last traceback line shows an exception.
    pub(super) fn final_line(&mut self, value: &Obj, with_suggestion: bool) -> String {
        let name = self.class_name(value);
        // A SyntaxError's last line is its bare message; where it was is shown above it.
        let message = match syntax_place(value) {
            Some(place) => place.msg.to_string(),
            None => self.exception_message(value),
        };
        let remembered = self.suggestions.iter().find(|(raised, _)| identity(raised) == identity(value)).map(|(_, s)| s.clone());
        let suggested = match remembered.filter(|_| with_suggestion) {
            Some(Suggestion::Name(name)) => Some(name.to_string()),
            // CPython looks at what `dir()` lists for the object only as it prints the error.
            Some(Suggestion::Attribute(target, name)) if self.is_instance_of(value, "AttributeError") => {
                let names = self.dir_names(&target);
                let candidates: Vec<&str> = names.iter().map(String::as_str).collect();
                super::suggestions::suggest(&name, &candidates).map(str::to_string)
            }
            _ => None,
        };
        match (message.is_empty(), suggested) {
            (true, _) => name,
            (false, Some(suggestion)) => format!("{name}: {message}. Did you mean: '{suggestion}'?"),
            (false, None) => format!("{name}: {message}"),
        }
    }

    fn exception_message(&mut self, value: &Obj) -> String {
        self.str_of(value).unwrap_or_default()
    }

    // ---- raising --------------------------------------------------------------------------

    /// An operator's TypeError as its augmented assignment words it (`for +=:`).
    fn in_place_error(&mut self, raised: Box<Raised>, op: &str) -> Box<Raised> {
        if raised.stop || !self.is_instance_of(&raised.value, "TypeError") {
            return raised;
        }
        let shown = if op == "**" { "** or pow()" } else { op };
        let message = self.exception_message(&raised.value);
        match message.strip_prefix(&format!("unsupported operand type(s) for {shown}:")) {
            Some(rest) => {
                let value = self.new_exception("TypeError", format!("unsupported operand type(s) for {op}=:{rest}"));
                Box::new(Raised { value, ..*raised })
            }
            None => raised,
        }
    }

    /// A new exception of a built-in class, raised.
    pub fn error<T>(&self, class: &str, message: impl Into<String>) -> Res<T> {
        Err(self.exception(class, message.into(), false))
    }

    /// A new exception of a built-in class, ready to raise (`stop`: one no `except` catches).
    /// Not generic, so the many `error::<T>` and `stop::<T>` stay a call each.
    #[inline(never)]
    pub fn exception(&self, class: &str, message: String, stop: bool) -> Box<Raised> {
        raised(self.new_exception(class, message), stop)
    }

    pub fn new_exception(&self, class: &str, message: String) -> Obj {
        let class = self.exceptions.get(class).cloned().unwrap_or_else(|| self.exceptions["Exception"].clone());
        let instance = Instance { class, attrs: Rc::new(RefCell::new(Dict::default())), value: None };
        let args = if message.is_empty() { Obj::tuple(Vec::new()) } else { Obj::tuple(vec![Obj::str(&message)]) };
        instance.attrs.borrow_mut().insert_str("args", args);
        Obj::Instance(Rc::new(instance))
    }

    /// A `SyntaxError` found while reading a file: Python shows where (file, line, the line and a
    /// caret) instead of a frame, since none of the file ran.
    fn syntax_error(&self, path: &str, source: &str, parser_message: &str) -> Box<Raised> {
        let (line, col, message) = split_line_prefix(parser_message);
        // Python's IndentationError (a SyntaxError) for what is wrong with indentation.
        let indentation = ["expected an indented block", "unexpected indent", "unindent does not match"].iter().any(|m| message.starts_with(m));
        let value = self.new_exception(if indentation { "IndentationError" } else { "SyntaxError" }, message.clone());
        if let Obj::Instance(instance) = &value {
            let text = source.lines().nth(line.saturating_sub(1) as usize).unwrap_or_default();
            // CPython places these two where no caret (an unexpected indent) or one past the
            // line's end (an unindent) is drawn.
            let col = if message.starts_with("unexpected indent") {
                col.saturating_sub(1)
            } else if message.starts_with("unindent does not match") {
                u32::try_from(text.trim_end().chars().count() + 1).unwrap_or(col)
            } else {
                col
            };
            let mut attrs = instance.attrs.borrow_mut();
            for (name, attr) in [
                ("msg", Obj::str(&message)),
                ("filename", Obj::str(path)),
                ("lineno", Obj::Int(i64::from(line))),
                ("offset", Obj::Int(i64::from(col))),
                ("text", Obj::str(text)),
            ] {
                attrs.insert_str(name, attr);
            }
        }
        raised(value, false)
    }

    /// Stops the program with the lab's own words (a budget spent, something the lab lacks): no
    /// `except` catches it, and the terminal shows the message as it is.
    pub fn stop<T>(&self, message: &str) -> Res<T> {
        Err(self.exception("RuntimeError", message.into(), true))
    }

    /// One step of work (a statement, a loop's item, a sort's comparison): stops the program
    /// once its time or memory is spent.
    pub(super) fn tick(&mut self) -> Res<()> {
        self.steps += 1;
        if crate::memory::live_bytes() > self.memory_ceiling {
            // Not catchable: the memory must be given back before anything else runs.
            let message = format!(
                "MemoryError: the lab stopped this program: it held more than {} MB at once (the lab's Python allows a run {} MB)",
                MEMORY_BUDGET_BYTES >> 20,
                MEMORY_BUDGET_BYTES >> 20
            );
            return Err(self.exception("MemoryError", message, true));
        }
        if self.steps % STEPS_PER_CHECK == 0 && crate::watchdog::now_ms() > self.deadline {
            let tenths = (self.time_budget_ms / 100.0).round() as u64;
            let seconds = format!("{}.{}", tenths / 10, tenths % 10);
            return self.stop(&format!(
                "the lab stopped this program after {seconds} s: an endless loop? (the lab's Python gives a run {seconds} s)"
            ));
        }
        Ok(())
    }

    // ---- modules ----------------------------------------------------------------------------

    fn exec_module_source(&mut self, name: &str, path: &str, source: &str) -> Res<Obj> {
        let module = parse_module(source).map_err(|err| self.syntax_error(path, source, err.message()))?;
        // What CPython's compiler warns of before the file runs (each time it is met).
        for (line, op) in crate::python::warnings::literal_identity_checks(&module.body) {
            let instead = if op == "is" { "==" } else { "!=" };
            let mut text = format!("{path}:{line}: SyntaxWarning: \"{op}\" with a literal. Did you mean \"{instead}\"?\n");
            if let Some(source_line) = source.lines().nth(line.saturating_sub(1) as usize).map(str::trim).filter(|l| !l.is_empty()) {
                text.push_str(&format!("  {source_line}\n"));
            }
            self.write(&text)?;
        }
        let globals = Rc::new(RefCell::new(Dict::default()));
        globals.borrow_mut().insert_str("__name__", Obj::str(name));
        let doc = super::builtins::docstring(&module.body).map_or(Obj::None, |d| Obj::str(&d));
        globals.borrow_mut().insert_str("__doc__", doc);
        globals.borrow_mut().insert_str("__file__", Obj::str(path));
        let module_obj = Obj::Module(Rc::new(Module { name: Rc::from(name), globals: globals.clone() }));
        if name == "__main__" {
            self.main_globals = Some(globals.clone());
        } else {
            self.modules.insert(name.to_string(), module_obj.clone());
        }
        let frame = Frame {
            globals,
            scope: None,
            func: None,
            class_ns: None,
            file: Rc::from(path),
            name: Rc::from("<module>"),
            line: Cell::new(1),
        };
        // `from __future__ import annotations` keeps this file's annotations as text.
        let future_annotations = module.body.iter().any(|stmt| {
            matches!(&stmt.kind, StmtKind::FromImport { module, names, .. }
                if module == "__future__" && names.iter().any(|(n, _)| n == "annotations"))
        });
        if future_annotations {
            self.future_annotations.push(Rc::from(path));
        }
        let body = Rc::new(module.body);
        match self.exec_block(&frame, &body) {
            Ok(_) => Ok(module_obj),
            Err(mut raised) => {
                frame.leave(&mut raised);
                if name != "__main__" {
                    self.modules.remove(name);
                }
                Err(raised)
            }
        }
    }

    /// `import a.b`: a project file (`a/b.py`, or `a/b/__init__.py`), run once; a folder of the
    /// project is a namespace package.
    fn import_module(&mut self, name: &str) -> Res<Obj> {
        if let Some(module) = self.modules.get(name) {
            return Ok(module.clone());
        }
        // `import a.b` imports `a` first, and `b` becomes an attribute of `a`, as in Python.
        let parent = match name.rsplit_once('.') {
            Some((parent, _)) => Some(self.import_module(parent)?),
            None => None,
        };
        // The parent may have defined it (a package importing its own submodules).
        if let Some(module) = self.modules.get(name) {
            return Ok(module.clone());
        }
        let module = self.load_module(name)?;
        if let (Some(Obj::Module(parent)), Some((_, last))) = (parent, name.rsplit_once('.')) {
            parent.globals.borrow_mut().insert_str(last, module.clone());
        }
        Ok(module)
    }

    fn load_module(&mut self, name: &str) -> Res<Obj> {
        if name == "builtins" {
            if let Some(module) = self.builtin_module.clone() {
                return Ok(module);
            }
        }
        if let Some(build) = self.native_modules.get(name).cloned() {
            let globals = Rc::new(RefCell::new(Dict::default()));
            globals.borrow_mut().insert_str("__name__", Obj::str(name));
            for (member, value) in build(self)? {
                globals.borrow_mut().insert_str(&member, value);
            }
            let module = Obj::Module(Rc::new(Module { name: Rc::from(name), globals }));
            self.modules.insert(name.to_string(), module.clone());
            return Ok(module);
        }
        if let Some((path, source)) = self.python_modules.get(name).copied() {
            return self.exec_module_source(name, path, source);
        }
        if let Some(module) = self.native_module(name) {
            self.modules.insert(name.to_string(), module.clone());
            return Ok(module);
        }
        let path = name.replace('.', "/");
        for file in [format!("{path}.py"), format!("{path}/__init__.py")] {
            if let Some(source) = self.files.get(&file).cloned() {
                return self.exec_module_source(name, &file, &source);
            }
        }
        let prefix = format!("{path}/");
        if self.files.keys().any(|p| p.starts_with(&prefix)) {
            let globals = Rc::new(RefCell::new(Dict::default()));
            globals.borrow_mut().insert_str("__name__", Obj::str(name));
            let module = Obj::Module(Rc::new(Module { name: Rc::from(name), globals }));
            self.modules.insert(name.to_string(), module.clone());
            return Ok(module);
        }
        if let Some(lacking) = self.library_lacks(name, None) {
            return lacking;
        }
        // A module of Python's own library is on the learner's machine: the lab lacks it.
        if in_standard_library(name) {
            return self.stop_not_available(&format!("the module {name} (the lab's Python has part of the standard library)"));
        }
        self.error("ModuleNotFoundError", format!("No module named '{name}'"))
    }

    fn native_module(&mut self, name: &str) -> Option<Obj> {
        let globals = Rc::new(RefCell::new(Dict::default()));
        match name {
            "math" => {
                for function in super::math::FUNCTIONS {
                    let member = function.trim_start_matches("math.");
                    globals.borrow_mut().insert_str(member, Obj::Builtin(function));
                }
                for (member, value) in super::math::CONSTANTS {
                    globals.borrow_mut().insert_str(member, Obj::Float(*value));
                }
            }
            "__future__" => {
                for member in ["annotations", "division", "absolute_import", "print_function", "unicode_literals", "generator_stop"] {
                    globals.borrow_mut().insert_str(member, Obj::Bool(true));
                }
            }
            _ => return None,
        }
        Some(Obj::Module(Rc::new(Module { name: Rc::from(name), globals })))
    }

    // ---- statements -------------------------------------------------------------------------

    fn exec_block(&mut self, frame: &Frame, body: &[Stmt]) -> Res<Flow> {
        // A resumed generator goes on at the statement it was suspended in.
        let start = match self.resume.last() {
            Some(Resume::At(_)) => match self.resume.pop() {
                Some(Resume::At(at)) => at,
                _ => 0,
            },
            _ => 0,
        };
        for (at, stmt) in body.iter().enumerate().skip(start) {
            frame.line.set(stmt.line);
            self.statement_site = Some((frame.file.clone(), stmt.line));
            self.tick()?;
            self.finalize_dropped()?;
            match self.exec(frame, stmt).map_err(|raised| marked(raised, statement_span(stmt)))? {
                Flow::Next => {}
                Flow::Yield(value) => {
                    self.suspend.push(Resume::At(at));
                    return Ok(Flow::Yield(value));
                }
                other => return Ok(other),
            }
        }
        Ok(Flow::Next)
    }

    /// Takes the resume entry of the statement being resumed, if it is of the kind `wanted` picks.
    fn resumed<T>(&mut self, wanted: impl Fn(Resume) -> Result<T, Resume>) -> Option<T> {
        let entry = self.resume.pop()?;
        match wanted(entry) {
            Ok(taken) => Some(taken),
            Err(entry) => {
                self.resume.push(entry);
                None
            }
        }
    }

    /// A `yield` statement (`yield value`, `received = yield value`): suspends with the value,
    /// and once resumed gives what was sent — or raises what was thrown in.
    fn yield_statement(&mut self, frame: &Frame, value: Option<&Expr>, from: bool) -> Res<Result<Obj, Flow>> {
        if frame.func.is_none() || frame.class_ns.is_some() {
            return self.error("SyntaxError", "'yield' outside function");
        }
        if from {
            return self.yield_from(frame, value);
        }
        if self.resumed(|r| if let Resume::Yield = r { Ok(()) } else { Err(r) }).is_some() {
            if let Some(raised) = self.thrown.take() {
                return Err(raised);
            }
            return Ok(Ok(self.sent.take().unwrap_or(Obj::None)));
        }
        let value = match value {
            Some(value) => self.eval(frame, value)?,
            None => Obj::None,
        };
        self.suspend.push(Resume::Yield);
        Ok(Err(Flow::Yield(value)))
    }

    /// `yield from iterable`: yields each of its items in turn (a generator is resumed with what
    /// this one is sent).
    fn yield_from(&mut self, frame: &Frame, iterable: Option<&Expr>) -> Res<Result<Obj, Flow>> {
        let mut items = match self.resumed(|r| if let Resume::YieldFrom(items) = r { Ok(items) } else { Err(r) }) {
            Some(items) => items,
            None => {
                let Some(iterable) = iterable else { return self.error("SyntaxError", "invalid syntax") };
                let iterable = self.eval(frame, iterable)?;
                self.loop_over(&iterable)?
            }
        };
        let sent = self.sent.take().unwrap_or(Obj::None);
        let next = match (&items, self.thrown.take()) {
            (_, Some(raised)) => match &items {
                LoopItems::Generator(inner) => self.resume_generator(inner, Obj::None, Some(raised))?,
                _ => return Err(raised),
            },
            (LoopItems::Generator(inner), None) => self.resume_generator(inner, sent, None)?,
            _ => self.next_loop_item(&mut items)?,
        };
        match next {
            Some(value) => {
                self.suspend.push(Resume::YieldFrom(items));
                Ok(Err(Flow::Yield(value)))
            }
            None => Ok(Ok(match &items {
                LoopItems::Generator(inner) => inner.returned(),
                _ => Obj::None,
            })),
        }
    }

    fn exec(&mut self, frame: &Frame, stmt: &Stmt) -> Res<Flow> {
        match &stmt.kind {
            StmtKind::Expr(Expr { kind: ExprKind::Yield { value, from }, .. }) => {
                if let Err(flow) = self.yield_statement(frame, value.as_deref(), *from)? {
                    return Ok(flow);
                }
            }
            StmtKind::Assign { targets, value: Expr { kind: ExprKind::Yield { value, from }, .. } } => {
                match self.yield_statement(frame, value.as_deref(), *from)? {
                    Err(flow) => return Ok(flow),
                    Ok(received) => {
                        for target in targets {
                            self.assign(frame, target, received.clone())?;
                        }
                    }
                }
            }
            StmtKind::Expr(expr) => {
                let value = self.eval(frame, expr)?;
                // The console echoes values at its own level, not inside functions or classes.
                if frame.scope.is_none() && frame.class_ns.is_none() && &*frame.file == STDIN {
                    self.echo(value)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                let value = self.eval(frame, value)?;
                for target in targets {
                    self.assign(frame, target, value.clone())?;
                }
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                // A module's or a class body's annotation of a name is kept in its
                // `__annotations__` (evaluated, or as text under the __future__ import); a
                // function's are not evaluated, as in Python.
                if let (None, ExprKind::Name(name)) = (&frame.func, &target.kind) {
                    let kept = if self.future_annotations.contains(&frame.file) {
                        match annotation_text(annotation) {
                            Some(text) => Obj::str(&text),
                            None => return self.stop_not_available("this annotation under `from __future__ import annotations`"),
                        }
                    } else {
                        self.eval(frame, annotation)?
                    };
                    let ns = frame.class_ns.clone().unwrap_or_else(|| frame.globals.clone());
                    let existing = ns.borrow().get_str("__annotations__").cloned();
                    let table = match existing {
                        Some(Obj::Dict(d)) => d,
                        _ => {
                            let d = Rc::new(RefCell::new(Dict::default()));
                            ns.borrow_mut().insert_str("__annotations__", Obj::Dict(d.clone()));
                            d
                        }
                    };
                    table.borrow_mut().insert_str(name, kept);
                }
                if let Some(value) = value {
                    let value = self.eval(frame, value)?;
                    self.assign(frame, target, value)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                let current = self.eval(frame, target)?;
                let right = self.eval(frame, value)?;
                let op = &op[..op.len() - 1];
                let result = match (&current, op) {
                    (Obj::List(list), "+") => {
                        let items = self.iterate(&right)?;
                        list.borrow_mut().extend(items);
                        current.clone()
                    }
                    // A list, dict or set subclass changes in place, as the type's `__iadd__`,
                    // `__ior__` … do; the instance stays what the name holds.
                    (Obj::Instance(instance), _) if matches!(instance.value, Some(Obj::List(_) | Obj::Dict(_) | Obj::Set(_))) && self.lookup_special(&current, &format!("__{}__", super::builtins::operator_name(op))).is_none() => {
                        let inner = instance.value.clone().unwrap_or(Obj::None);
                        let made = match self.binary(op, inner.clone(), right) {
                            Ok(result) => result,
                            Err(raised) => return Err(self.in_place_error(raised, op)),
                        };
                        match (&inner, made) {
                            (Obj::List(old), Obj::List(new)) => *old.borrow_mut() = new.borrow().clone(),
                            (Obj::Dict(old), Obj::Dict(new)) | (Obj::Set(old), Obj::Set(new)) => *old.borrow_mut() = new.borrow().clone(),
                            _ => {}
                        }
                        current.clone()
                    }
                    _ => match self.binary(op, current, right) {
                        Ok(result) => result,
                        Err(raised) => return Err(self.in_place_error(raised, op)),
                    },
                };
                self.assign(frame, target, result)?;
            }
            StmtKind::If { test, body, orelse } => {
                let taken = match self.resumed(|r| if let Resume::If(taken) = r { Ok(taken) } else { Err(r) }) {
                    Some(taken) => taken,
                    None => {
                        let test = self.eval(frame, test)?;
                        self.truthy(&test)?
                    }
                };
                let flow = self.exec_block(frame, if taken { body } else { orelse })?;
                if let Flow::Yield(_) = flow {
                    self.suspend.push(Resume::If(taken));
                }
                return Ok(flow);
            }
            StmtKind::While { test, body, orelse } => {
                let mut in_body = match self.resumed(|r| match r {
                    Resume::Loop(None) => Ok(true),
                    Resume::LoopElse => Ok(false),
                    other => Err(other),
                }) {
                    Some(false) => return self.loop_else(frame, orelse),
                    Some(true) => true,
                    None => false,
                };
                loop {
                    if !in_body {
                        let value = self.eval(frame, test)?;
                        if !self.truthy(&value)? {
                            return self.loop_else(frame, orelse);
                        }
                    }
                    in_body = false;
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Yield(v) => {
                            self.suspend.push(Resume::Loop(None));
                            return Ok(Flow::Yield(v));
                        }
                        Flow::Next | Flow::Continue => {}
                    }
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                let (mut items, mut in_body) = match self.resumed(|r| match r {
                    Resume::Loop(Some(items)) => Ok(Some(items)),
                    Resume::LoopElse => Ok(None),
                    other => Err(other),
                }) {
                    Some(Some(items)) => (*items, true),
                    Some(None) => return self.loop_else(frame, orelse),
                    None => {
                        let iterable = self.eval(frame, iter)?;
                        (self.loop_over(&iterable)?, false)
                    }
                };
                loop {
                    if !in_body {
                        let Some(item) = self.next_loop_item(&mut items)? else { break };
                        self.tick()?;
                        self.assign(frame, target, item)?;
                    }
                    in_body = false;
                    match self.exec_block(frame, body)? {
                        Flow::Break => return Ok(Flow::Next),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Yield(v) => {
                            self.suspend.push(Resume::Loop(Some(Box::new(items))));
                            return Ok(Flow::Yield(v));
                        }
                        Flow::Next | Flow::Continue => {}
                    }
                }
                return self.loop_else(frame, orelse);
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass => {}
            StmtKind::Return(value) => {
                let value = match value {
                    Some(v) => self.eval(frame, v)?,
                    None => Obj::None,
                };
                return Ok(Flow::Return(value));
            }
            StmtKind::FunctionDef { name, params, body, decorators, returns } => {
                let function = self.make_function(frame, name, params, body.clone())?;
                self.keep_annotations(frame, &function, params, returns.as_ref())?;
                let mut value = function;
                for decorator in decorators.iter().rev() {
                    let callable = self.eval(frame, decorator)?;
                    value = self.call(callable, vec![value], Vec::new()).map_err(|raised| marked(raised, decorator.span))?;
                }
                self.store(frame, name, value)?;
            }
            StmtKind::ClassDef { name, bases, body, decorators, .. } => {
                let class = self.make_class(frame, name, bases, body)?;
                let mut value = class;
                for decorator in decorators.iter().rev() {
                    let callable = self.eval(frame, decorator)?;
                    value = self.call(callable, vec![value], Vec::new()).map_err(|raised| marked(raised, decorator.span))?;
                }
                self.store(frame, name, value)?;
            }
            StmtKind::Raise { exc, cause } => {
                let value = match exc {
                    None => {
                        return match self.handling.last() {
                            // A bare `raise` goes on from where the exception was caught.
                            Some((value, frames, at)) => Err(Box::new(Raised { value: value.clone(), frames: frames.clone(), stop: false, at: *at })),
                            None => self.error("RuntimeError", "No active exception to reraise"),
                        };
                    }
                    Some(exc) => self.eval(frame, exc)?,
                };
                let value = match value {
                    Obj::Class(class) if self.is_exception_class(&class) => self.instantiate(&class, Vec::new(), Vec::new())?,
                    Obj::Instance(ref i) if self.is_exception_class(&i.class) => value,
                    _ => return self.error("TypeError", "exceptions must derive from BaseException"),
                };
                if let Some(cause) = cause {
                    let cause = self.eval(frame, cause)?;
                    let cause = match cause {
                        Obj::Class(class) if self.is_exception_class(&class) => self.instantiate(&class, Vec::new(), Vec::new())?,
                        Obj::None => Obj::None,
                        Obj::Instance(ref i) if self.is_exception_class(&i.class) => cause,
                        _ => return self.error("TypeError", "exception causes must derive from BaseException"),
                    };
                    self.set_attr(&value, "__cause__", cause)?;
                    self.set_attr(&value, "__suppress_context__", Obj::Bool(true))?;
                }
                return Err(raised(value, false));
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                let part = self.resumed(|r| if let Resume::Try(part) = r { Ok(part) } else { Err(r) });
                let outcome = match part {
                    Some(TryPart::Finally(pending)) => return self.finish_try(frame, finalbody, *pending),
                    Some(TryPart::Handler(index, raised)) => self.handle(frame, handlers, raised, Some(index)),
                    Some(TryPart::Else) => self.try_else(frame, orelse),
                    None | Some(TryPart::Body) => match self.exec_block(frame, body) {
                        Ok(Flow::Yield(value)) => {
                            // Suspended inside the `try`: its handlers and `finally` still wait.
                            self.suspend.push(Resume::Try(TryPart::Body));
                            return Ok(Flow::Yield(value));
                        }
                        Err(raised) if !raised.stop => self.handle(frame, handlers, raised, None),
                        Err(raised) => Err(raised),
                        Ok(Flow::Next) => self.try_else(frame, orelse),
                        Ok(flow) => Ok(flow),
                    },
                };
                if let Ok(Flow::Yield(value)) = outcome {
                    return Ok(Flow::Yield(value));
                }
                return self.finish_try(frame, finalbody, outcome);
            }
            StmtKind::With { items, body } => {
                let resumed = self.resumed(|r| if let Resume::With(exits) = r { Ok(exits) } else { Err(r) });
                let entering = resumed.is_none();
                let mut exits = resumed.unwrap_or_default();
                for (context, alias) in items.iter().filter(|_| entering) {
                    let manager = self.eval(frame, context)?;
                    let entered = match &manager {
                        Obj::Native(native) => match native.clone().enter(self, &manager) {
                            Some(entered) => entered?,
                            None => {
                                let name = native.type_name().to_string();
                                return self.error("TypeError", format!("'{name}' object does not support the context manager protocol"));
                            }
                        },
                        _ => self.call_method(&manager, "__enter__", Vec::new())?,
                    };
                    exits.push(manager);
                    if let Some(alias) = alias {
                        self.assign(frame, alias, entered)?;
                    }
                }
                let mut outcome = self.exec_block(frame, body);
                if let Ok(Flow::Yield(value)) = outcome {
                    self.suspend.push(Resume::With(exits));
                    return Ok(Flow::Yield(value));
                }
                for manager in exits.iter().rev() {
                    if let Obj::Native(native) = manager {
                        let error = match &outcome {
                            Err(raised) if !raised.stop => Some(raised.value.clone()),
                            _ => None,
                        };
                        if native.clone().exit(self, manager, error.as_ref())? && error.is_some() {
                            outcome = Ok(Flow::Next);
                        }
                        continue;
                    }
                    match &outcome {
                        Err(raised) if !raised.stop => {
                            let class = match &raised.value {
                                Obj::Instance(i) => Obj::Class(i.class.clone()),
                                _ => Obj::None,
                            };
                            let swallow = self.call_method(manager, "__exit__", vec![class, raised.value.clone(), Obj::None])?;
                            if self.truthy(&swallow)? {
                                outcome = Ok(Flow::Next);
                            }
                        }
                        _ => {
                            self.call_method(manager, "__exit__", vec![Obj::None, Obj::None, Obj::None])?;
                        }
                    }
                }
                return outcome;
            }
            StmtKind::Assert { test, msg } => {
                let value = self.eval(frame, test)?;
                if !self.truthy(&value)? {
                    let message = match msg {
                        Some(m) => {
                            let m = self.eval(frame, m)?;
                            self.str_of(&m)?
                        }
                        None => String::new(),
                    };
                    return self.error("AssertionError", message).map_err(|raised| marked(raised, test.span));
                }
            }
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.delete(frame, target)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(names) => {
                for (module, alias) in names {
                    let loaded = self.import_module(module)?;
                    match alias {
                        Some(alias) => self.store(frame, alias, loaded)?,
                        None => {
                            let top = module.split('.').next().unwrap_or(module);
                            let top_module = self.import_module(top)?;
                            self.store(frame, top, top_module)?;
                        }
                    }
                }
            }
            StmtKind::FromImport { module, names, .. } => {
                let loaded = self.import_module(module)?;
                for (name, alias) in names {
                    if name == "*" {
                        if let Obj::Module(m) = &loaded {
                            let entries: Vec<(Obj, Obj)> = m.globals.borrow().items().cloned().collect();
                            for (k, v) in entries {
                                if let Obj::Str(k) = k {
                                    if !k.starts_with('_') {
                                        self.store(frame, &k, v)?;
                                    }
                                }
                            }
                        }
                        continue;
                    }
                    let value = match self.get_attr(&loaded, name) {
                        Ok(v) => v,
                        Err(raised) if raised.stop => return Err(raised),
                        Err(_) => match self.import_module(&format!("{module}.{name}")) {
                            Ok(sub) => sub,
                            // A name a standard module of the lab's lacks (`from typing import
                            // TypeVar`): said as a name, not as a module.
                            Err(raised) if raised.stop && in_standard_library(module) => {
                                return self.stop_not_available(&format!("{module}.{name} (the lab's Python has part of the standard library)"));
                            }
                            // What the lab lacks is said as such, not as a missing name.
                            Err(raised) if raised.stop => return Err(raised),
                            Err(_) => {
                                return self.error(
                                    "ImportError",
                                    format!("cannot import name '{name}' from '{module}' ({})", self.module_file(module)),
                                )
                            }
                        },
                    };
                    self.store(frame, alias.as_deref().unwrap_or(name), value)?;
                }
            }
        }
        Ok(Flow::Next)
    }

    /// The `except` clause that matches `raised`, run (or resumed, at `resume_at`); the
    /// exception goes on when none matches.
    fn handle(&mut self, frame: &Frame, handlers: &[crate::python::ExceptHandler], raised: Box<Raised>, resume_at: Option<usize>) -> Res<Flow> {
        let index = match resume_at {
            Some(index) => index,
            None => {
                let mut found = None;
                for (index, handler) in handlers.iter().enumerate() {
                    let matches = match &handler.type_ {
                        None => true,
                        Some(type_) => {
                            let wanted = self.eval(frame, type_)?;
                            self.exception_matches(&raised.value, &wanted)?
                        }
                    };
                    if matches {
                        found = Some(index);
                        break;
                    }
                }
                let Some(index) = found else { return Err(raised) };
                if let Some(name) = &handlers[index].name {
                    self.store(frame, name, raised.value.clone())?;
                }
                let mut full = raised.frames.clone();
                full.push(frame.entry(raised.at));
                self.caught_frames.insert(identity(&raised.value), (raised.value.clone(), full));
                index
            }
        };
        self.handling.push((raised.value.clone(), raised.frames.clone(), raised.at));
        let outcome = self.exec_block(frame, &handlers[index].body);
        self.handling.pop();
        match outcome {
            Ok(Flow::Yield(value)) => {
                self.suspend.push(Resume::Try(TryPart::Handler(index, raised)));
                Ok(Flow::Yield(value))
            }
            Err(new) => {
                // An exception raised while handling this one remembers it.
                if !new.stop && identity(&new.value) != identity(&raised.value) {
                    if let Obj::Instance(i) = &new.value {
                        if i.attrs.borrow().get_str("__context__").is_none() {
                            i.attrs.borrow_mut().insert_str("__context__", raised.value.clone());
                        }
                    }
                }
                Err(new)
            }
            other => other,
        }
    }

    fn try_else(&mut self, frame: &Frame, orelse: &[Stmt]) -> Res<Flow> {
        let flow = self.exec_block(frame, orelse)?;
        if let Flow::Yield(_) = flow {
            self.suspend.push(Resume::Try(TryPart::Else));
        }
        Ok(flow)
    }

    /// A `try`'s `finally` block after what happened before it; a `return` or `break` in it wins.
    fn finish_try(&mut self, frame: &Frame, finalbody: &[Stmt], outcome: Res<Flow>) -> Res<Flow> {
        if finalbody.is_empty() {
            return outcome;
        }
        // An exception passing through keeps the line it was raised at, as its traceback shows it.
        let raised_at = frame.line.get();
        match self.exec_block(frame, finalbody)? {
            Flow::Next => {
                if outcome.is_err() {
                    frame.line.set(raised_at);
                }
                outcome
            }
            Flow::Yield(value) => {
                self.suspend.push(Resume::Try(TryPart::Finally(Box::new(outcome))));
                Ok(Flow::Yield(value))
            }
            other => Ok(other),
        }
    }

    /// A loop's `else` block.
    fn loop_else(&mut self, frame: &Frame, orelse: &[Stmt]) -> Res<Flow> {
        let flow = self.exec_block(frame, orelse)?;
        if let Flow::Yield(_) = flow {
            self.suspend.push(Resume::LoopElse);
        }
        Ok(flow)
    }

    /// The next item of a loop; a generator runs to its next `yield`.
    pub(super) fn next_loop_item(&mut self, items: &mut LoopItems) -> Res<Option<Obj>> {
        if let LoopItems::Generator(generator) = items {
            let generator = generator.clone();
            return self.resume_generator(&generator, Obj::None, None);
        }
        if let LoopItems::Lazy(lazy) = items {
            let lazy = lazy.clone();
            return self.lazy_next(&lazy);
        }
        if let LoopItems::Next(next) = items {
            return match self.call(next.clone(), Vec::new(), Vec::new()) {
                Ok(item) => Ok(Some(item)),
                Err(raised) if !raised.stop && self.is_instance_of(&raised.value, "StopIteration") => Ok(None),
                Err(raised) => Err(raised),
            };
        }
        match items.next_item() {
            Ok(item) => Ok(item),
            Err(message) => self.error("RuntimeError", message),
        }
    }

    fn module_file(&self, module: &str) -> String {
        let path = module.replace('.', "/");
        if self.files.contains_key(&format!("{path}.py")) {
            return format!("{path}.py");
        }
        // A library module is where the project's virtual environment would have it.
        match self.library_line(module) {
            Some(line) if line.split(' ').next().is_some_and(|m| m.ends_with('/')) => format!("{SITE_PACKAGES}/{path}/__init__.py"),
            Some(_) => format!("{SITE_PACKAGES}/{path}.py"),
            None => "unknown location".into(),
        }
    }

    fn exception_matches(&mut self, value: &Obj, wanted: &Obj) -> Res<bool> {
        let Obj::Instance(instance) = value else { return Ok(false) };
        match wanted {
            Obj::Class(class) => Ok(instance.class.mro.borrow().iter().any(|c| Rc::ptr_eq(c, class))),
            Obj::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(value, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => self.error("TypeError", "catching classes that do not inherit from BaseException is not allowed"),
        }
    }

    pub(super) fn is_exception_class(&self, class: &Rc<Class>) -> bool {
        let base = &self.exceptions["BaseException"];
        class.mro.borrow().iter().any(|c| Rc::ptr_eq(c, base))
    }

    // ---- names ------------------------------------------------------------------------------

    fn load(&mut self, frame: &Frame, name: &str) -> Res<Obj> {
        if let Some(ns) = &frame.class_ns {
            if let Some(v) = ns.borrow().get_str(name) {
                return Ok(v.clone());
            }
        }
        if let (Some(func), Some(scope)) = (&frame.func, &frame.scope) {
            if !func.declared_global.iter().any(|g| g == name) {
                if let Some(v) = scope.vars.borrow().get(name) {
                    return Ok(v.clone());
                }
                if func.locals.iter().any(|l| l == name) && !func.declared_nonlocal.iter().any(|n| n == name) {
                    return self.error(
                        "UnboundLocalError",
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    );
                }
                let mut parent = scope.parent.clone();
                while let Some(p) = parent {
                    if let Some(v) = p.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    parent = p.parent.clone();
                }
            }
        }
        if let Some(v) = frame.globals.borrow().get_str(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.get_str(name) {
            return Ok(v.clone());
        }
        let raised = self.exception("NameError", format!("name '{name}' is not defined"), false);
        if let Some(suggestion) = self.suggest_name(frame, name) {
            self.remember_suggestion(&raised.value, Suggestion::Name(suggestion));
        }
        Err(raised)
    }

    fn remember_suggestion(&mut self, raised: &Obj, suggestion: Suggestion) {
        // A few at most: only the error being shown needs its suggestion.
        if self.suggestions.len() >= 8 {
            self.suggestions.remove(0);
        }
        self.suggestions.push((raised.clone(), suggestion));
    }

    /// An error a native module raises from errors raised inside the real library first
    /// (`raise … from …`): `chain` is those, innermost first, as `(class, message)`; each shows
    /// its traceback header without the library's frames, as the recorders show them. An
    /// AttributeError among them suggests a name of `object`'s, as CPython's would.
    pub fn library_chain(&mut self, object: &Obj, name: &str, chain: &[(&str, String)], class: &str, message: String) -> Box<Raised> {
        let mut cause: Option<Obj> = None;
        for (inner_class, inner_message) in chain {
            let inner = self.exception(inner_class, inner_message.clone(), false);
            if let Obj::Instance(instance) = &inner.value {
                instance.attrs.borrow_mut().insert_str("__lab_library_frames__", Obj::Bool(true));
            }
            if let Some(cause) = cause.take() {
                raised_from(&inner.value, cause);
            }
            cause = Some(self.attribute_error_context(inner, object, name).value.clone());
        }
        let raised = self.exception(class, message, false);
        if let Some(cause) = cause {
            raised_from(&raised.value, cause);
        }
        raised
    }

    /// An AttributeError from looking up `name` on `object` remembers both, the first time (an
    /// error a property raised keeps its own), as CPython's `name` and `obj` of the error do.
    pub fn attribute_error_context(&mut self, raised: Box<Raised>, object: &Obj, name: &str) -> Box<Raised> {
        if !raised.stop
            && self.is_instance_of(&raised.value, "AttributeError")
            && !self.suggestions.iter().any(|(known, _)| identity(known) == identity(&raised.value))
        {
            self.remember_suggestion(&raised.value, Suggestion::Attribute(object.clone(), Rc::from(name)));
        }
        raised
    }

    /// CPython's "Did you mean" for a name: among the function's variables, else the module's
    /// globals, else the builtins.
    fn suggest_name(&self, frame: &Frame, name: &str) -> Option<Rc<str>> {
        if let Some(func) = &frame.func {
            let locals: Vec<&str> = func.locals.iter().map(String::as_str).collect();
            if let Some(found) = super::suggestions::suggest(name, &locals) {
                return Some(Rc::from(found));
            }
        }
        [&*frame.globals.borrow(), &self.builtins].into_iter().find_map(|names| {
            let candidates: Vec<&str> = names.keyed().filter_map(|(key, _)| match key {
                super::object::Key::Str(text) => Some(&**text),
                _ => None,
            }).collect();
            super::suggestions::suggest(name, &candidates).map(Rc::from)
        })
    }

    fn store(&mut self, frame: &Frame, name: &str, value: Obj) -> Res<()> {
        if let Some(ns) = &frame.class_ns {
            ns.borrow_mut().insert_str(name, value);
            return Ok(());
        }
        if let (Some(func), Some(scope)) = (&frame.func, &frame.scope) {
            if func.declared_global.iter().any(|g| g == name) {
                frame.globals.borrow_mut().insert_str(name, value);
                return Ok(());
            }
            if func.declared_nonlocal.iter().any(|n| n == name) {
                let mut parent = scope.parent.clone();
                while let Some(p) = parent {
                    if p.vars.borrow().contains_key(name) {
                        p.vars.borrow_mut().insert(name, value);
                        return Ok(());
                    }
                    parent = p.parent.clone();
                }
                return self.error("SyntaxError", format!("no binding for nonlocal '{name}' found"));
            }
            scope.vars.borrow_mut().insert(name, value);
            return Ok(());
        }
        frame.globals.borrow_mut().insert_str(name, value);
        Ok(())
    }

    /// Stores into `target`; what fails is marked at the target, as CPython marks its store.
    fn assign(&mut self, frame: &Frame, target: &Expr, value: Obj) -> Res<()> {
        self.assign_here(frame, target, value).map_err(|raised| marked(raised, target.span))
    }

    fn assign_here(&mut self, frame: &Frame, target: &Expr, value: Obj) -> Res<()> {
        match &target.kind {
            ExprKind::Name(name) => self.store(frame, name, value),
            ExprKind::Attribute { value: object, attr } => {
                let object = self.eval(frame, object)?;
                self.set_attr(&object, attr, value)
            }
            ExprKind::Subscript { value: object, index } => {
                let object = self.eval(frame, object)?;
                let index = self.eval(frame, index)?;
                self.set_item(&object, index, value)
            }
            ExprKind::Tuple(targets) | ExprKind::List(targets) => {
                let items = match self.iterate(&value) {
                    Err(raised) if self.is_instance_of(&raised.value, "TypeError") && !matches!(value, Obj::Instance(_)) => {
                        return self.error("TypeError", format!("cannot unpack non-iterable {} object", value.type_name()));
                    }
                    other => other?,
                };
                let star = targets.iter().position(|t| matches!(t.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        if items.len() != targets.len() {
                            return if items.len() > targets.len() {
                                self.error("ValueError", format!("too many values to unpack (expected {})", targets.len()))
                            } else {
                                self.error(
                                    "ValueError",
                                    format!("not enough values to unpack (expected {}, got {})", targets.len(), items.len()),
                                )
                            };
                        }
                        for (t, v) in targets.iter().zip(items) {
                            self.assign(frame, t, v)?;
                        }
                    }
                    Some(at) => {
                        let after = targets.len() - at - 1;
                        if items.len() < at + after {
                            return self.error(
                                "ValueError",
                                format!("not enough values to unpack (expected at least {}, got {})", at + after, items.len()),
                            );
                        }
                        for (t, v) in targets[..at].iter().zip(items.iter()) {
                            self.assign(frame, t, v.clone())?;
                        }
                        let middle = items[at..items.len() - after].to_vec();
                        if let ExprKind::Starred(inner) = &targets[at].kind {
                            self.assign(frame, inner, Obj::list(middle))?;
                        }
                        for (t, v) in targets[at + 1..].iter().zip(items[items.len() - after..].iter()) {
                            self.assign(frame, t, v.clone())?;
                        }
                    }
                }
                Ok(())
            }
            _ => self.error("SyntaxError", "cannot assign to expression"),
        }
    }

    fn delete(&mut self, frame: &Frame, target: &Expr) -> Res<()> {
        self.delete_here(frame, target).map_err(|raised| marked(raised, target.span))
    }

    fn delete_here(&mut self, frame: &Frame, target: &Expr) -> Res<()> {
        match &target.kind {
            ExprKind::Name(name) => {
                let removed = if let (Some(_), Some(scope)) = (&frame.func, &frame.scope) {
                    scope.vars.borrow_mut().remove(name).is_some()
                } else {
                    frame.globals.borrow_mut().remove_str(name).is_some()
                };
                if removed {
                    Ok(())
                } else {
                    self.error("NameError", format!("name '{name}' is not defined"))
                }
            }
            ExprKind::Subscript { value, index } => {
                let object = self.eval(frame, value)?;
                let index = self.eval(frame, index)?;
                self.del_item(&object, index)
            }
            ExprKind::Attribute { value, attr } => {
                let object = self.eval(frame, value)?;
                self.del_attr(&object, attr)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for item in items {
                    self.delete(frame, item)?;
                }
                Ok(())
            }
            _ => self.error("SyntaxError", "cannot delete expression"),
        }
    }

    // ---- functions and classes --------------------------------------------------------------

    fn make_function(&mut self, frame: &Frame, name: &str, params: &[Param], body: Vec<Stmt>) -> Res<Obj> {
        // Python's __qualname__: `Class.method`, `outer.<locals>.inner`, or the plain name.
        let qualname = if frame.class_ns.is_some() {
            format!("{}.{name}", frame.name)
        } else if let Some(f) = &frame.func {
            format!("{}.<locals>.{name}", f.qualname)
        } else {
            name.to_string()
        };
        let mut defaults = Vec::new();
        for param in params {
            defaults.push(match &param.default {
                Some(d) => Some(self.eval(frame, d)?),
                None => None,
            });
        }
        let (mut locals, mut globals, mut nonlocals) = (Vec::new(), Vec::new(), Vec::new());
        for param in params.iter().filter(|p| !p.name.is_empty()) {
            locals.push(param.name.clone());
        }
        collect_names(&body, &mut locals, &mut globals, &mut nonlocals);
        let generator = super::generator::has_yield(&body);
        Ok(Obj::Function(Rc::new(Function {
            generator,
            param_names: params.iter().map(|p| Rc::from(p.name.as_str())).collect(),
            plain_params: params.iter().all(|p| p.star.is_empty()),
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            params: params.to_vec(),
            defaults,
            body: Rc::new(body),
            scope: frame.scope.clone(),
            globals: frame.globals.clone(),
            file: frame.file.clone(),
            locals: Rc::new(locals),
            declared_global: Rc::new(globals),
            declared_nonlocal: Rc::new(nonlocals),
            owner: RefCell::new(None),
            attrs: RefCell::new(Dict::default()),
        })))
    }

    /// A `def`'s annotations, evaluated as it is defined (kept as text under `from __future__
    /// import annotations`), in the function's `__annotations__`.
    fn keep_annotations(&mut self, frame: &Frame, function: &Obj, params: &[Param], returns: Option<&Expr>) -> Res<()> {
        let Obj::Function(f) = function else { return Ok(()) };
        let as_text = self.future_annotations.contains(&frame.file);
        let mut table = Dict::default();
        let annotated = params.iter().filter_map(|p| p.annotation.as_ref().map(|a| (p.name.as_str(), a))).chain(returns.map(|r| ("return", r)));
        for (name, annotation) in annotated {
            let value = if as_text {
                match annotation_text(annotation) {
                    Some(text) => Obj::str(&text),
                    None => return self.stop_not_available("this annotation under `from __future__ import annotations`"),
                }
            } else {
                self.eval(frame, annotation)?
            };
            table.insert_str(name, value);
        }
        f.attrs.borrow_mut().insert_str("__annotations__", Obj::Dict(Rc::new(RefCell::new(table))));
        Ok(())
    }

    fn make_class(&mut self, frame: &Frame, name: &str, bases: &[Expr], body: &[Stmt]) -> Res<Obj> {
        let mut base_classes = Vec::new();
        for base in bases {
            match self.eval(frame, base)? {
                Obj::Class(c) => base_classes.push(c),
                // `object` is every class's base anyway.
                Obj::Builtin("object") => {}
                // A built-in type as a base: a class that stands for it (see subclass.rs).
                Obj::Builtin(builtin) if self.base_class(builtin).is_some() => {
                    base_classes.extend(self.base_class(builtin));
                }
                Obj::Builtin(builtin @ ("bool" | "range" | "slice" | "NoneType")) => {
                    return self.error("TypeError", format!("type '{builtin}' is not an acceptable base type"));
                }
                // A metaclass from `type`, a bytes subclass: not in the lab.
                Obj::Builtin(builtin) if super::builtins::is_type_name(builtin) => {
                    let what = if builtin == "type" { "a metaclass (a class deriving from type)".to_string() } else { format!("a subclass of the built-in type {builtin}") };
                    return self.stop_not_available(&what);
                }
                other => return self.error("TypeError", format!("bases must be types, not {}", other.type_name())),
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.object_class.clone());
        }
        // Two different built-in types cannot be one object (`class X(str, dict)`).
        let mut value_types = base_classes.iter().filter_map(|b| self.value_type_of(b));
        if let Some(first) = value_types.next() {
            if value_types.any(|other| other != first) {
                return self.error("TypeError", "multiple bases have instance lay-out conflict");
            }
        }
        let ns = Rc::new(RefCell::new(Dict::default()));
        let module = frame.globals.borrow().get_str("__name__").cloned().unwrap_or_else(|| Obj::str("__main__"));
        ns.borrow_mut().insert_str("__module__", module);
        ns.borrow_mut().insert_str("__qualname__", Obj::str(name));
        let doc = super::builtins::docstring(body).map_or(Obj::None, |d| Obj::str(&d));
        ns.borrow_mut().insert_str("__doc__", doc);
        let class_frame = Frame {
            globals: frame.globals.clone(),
            scope: frame.scope.clone(),
            func: frame.func.clone(),
            class_ns: Some(ns.clone()),
            file: frame.file.clone(),
            name: Rc::from(name),
            line: Cell::new(frame.line.get()),
        };
        // An error in the class body has the body's own frame, named after the class, as in CPython.
        self.exec_block(&class_frame, body).map_err(|mut raised| {
            if !raised.stop {
                class_frame.leave(&mut raised);
            }
            raised
        })?;
        let attrs = ns.borrow().clone();
        let class = Rc::new(Class {
            name: Rc::from(name),
            bases: base_classes.clone(),
            mro: RefCell::new(Vec::new()),
            attrs: RefCell::new(attrs),
            builtin: false,
        });
        let Some(mro) = c3_mro(&class, &base_classes) else {
            return self.error("TypeError", "Cannot create a consistent method resolution order (MRO)");
        };
        *class.mro.borrow_mut() = mro;
        self.classes.push(Rc::downgrade(&class));
        for (_, value) in class.attrs.borrow().items() {
            let functions = match value {
                Obj::Function(f) => vec![f.clone()],
                Obj::StaticMethod(inner) | Obj::ClassMethod(inner) => match inner.as_ref() {
                    Obj::Function(f) => vec![f.clone()],
                    _ => Vec::new(),
                },
                Obj::Property(property) => [Some(&property.getter), property.setter.as_ref(), property.deleter.as_ref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|o| if let Obj::Function(f) = o { Some(f.clone()) } else { None })
                    .collect(),
                _ => Vec::new(),
            };
            for f in functions {
                *f.owner.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
        // A warning a base class's hook gives points at this class statement, as CPython's
        // warnings point at the line that called (stacklevel).
        self.warning_sites.push((frame.file.clone(), frame.line.get()));
        let announced = self.announce_class(&class);
        self.warning_sites.pop();
        announced?;
        Ok(Obj::Class(class))
    }

    /// Python's hooks for a new class, in `type.__new__`'s order: each attribute's
    /// `__set_name__`, then the nearest base's `__init_subclass__` (implicitly a classmethod).
    /// This is how a base class — a native module's declarative base too — sees its subclasses.
    fn announce_class(&mut self, class: &Rc<Class>) -> Res<()> {
        let class_obj = Obj::Class(class.clone());
        let attrs: Vec<(Obj, Obj)> = class.attrs.borrow().items().cloned().collect();
        for (name, value) in attrs {
            let Obj::Str(name) = &name else { continue };
            match &value {
                Obj::Native(native) => native.clone().set_name(self, &value, &class_obj, name)?,
                Obj::Instance(_) => {
                    if let Some(hook) = self.lookup_special(&value, "__set_name__") {
                        self.call(hook, vec![class_obj.clone(), Obj::Str(name.clone())], Vec::new())?;
                    }
                }
                _ => {}
            }
        }
        let mro = class.mro.borrow().clone();
        let hook = mro.iter().skip(1).find_map(|c| c.attrs.borrow().get_str("__init_subclass__").cloned());
        match hook {
            Some(Obj::ClassMethod(f) | Obj::StaticMethod(f)) => self.call(*f, vec![class_obj], Vec::new()).map(|_| ()),
            Some(hook) => self.call(hook, vec![class_obj], Vec::new()).map(|_| ()),
            None => Ok(()),
        }
    }

    /// Calls any callable with positional and keyword arguments.
    pub fn call(&mut self, callee: Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        match callee {
            Obj::Function(f) => self.call_function(&f, args, kwargs),
            Obj::Method(this, f) => {
                let mut all = vec![*this];
                all.extend(args);
                self.call_function(&f, all, kwargs)
            }
            Obj::Builtin(name) => self.call_builtin(name, args, kwargs),
            // `str.maketrans` is a static method: called on the type or on a string alike.
            Obj::NativeMethod(_, "maketrans") | Obj::UnboundNative("maketrans") => self.str_maketrans(&args),
            Obj::NativeMethod(this, name) => self.call_native_method(&this, name, args, kwargs),
            Obj::UnboundNative(name) => match args.split_first() {
                Some((this, rest)) => self.call_native_method(this, name, rest.to_vec(), kwargs),
                None => self.error("TypeError", format!("unbound method {name}() needs an argument")),
            },
            Obj::Class(class) => self.instantiate(&class, args, kwargs),
            Obj::Native(ref native) => match native.clone().call(self, &callee, args, kwargs) {
                Some(result) => result,
                None => self.error("TypeError", format!("'{}' object is not callable", native.type_name())),
            },
            Obj::Instance(_) => match self.lookup_special(&callee, "__call__") {
                Some(method) => self.call(method, args, kwargs),
                None => self.error("TypeError", format!("'{}' object is not callable", callee.type_name())),
            },
            other => self.error("TypeError", format!("'{}' object is not callable", other.type_name())),
        }
    }

    pub(super) fn call_function(&mut self, f: &Rc<Function>, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        if self.depth >= RECURSION_LIMIT {
            return self.error("RecursionError", "maximum recursion depth exceeded");
        }
        let scope = Rc::new(Scope { vars: RefCell::new(Vars::with_capacity(f.params.len() + 2)), parent: f.scope.clone() });
        self.bind_arguments(f, &scope, args, kwargs)?;
        let frame = Frame {
            globals: f.globals.clone(),
            scope: Some(scope),
            func: Some(f.clone()),
            class_ns: None,
            file: f.file.clone(),
            name: f.name.clone(),
            line: Cell::new(f.body.first().map_or(0, |s| s.line)),
        };
        if f.generator {
            return Ok(Obj::Generator(Rc::new(super::generator::Generator::new(f.clone(), frame))));
        }
        match self.run_frame(&frame, &f.body)? {
            Flow::Return(v) => Ok(v),
            _ => Ok(Obj::None),
        }
    }

    /// Runs a function's body (or a generator's next piece) in its frame, one call deeper.
    pub(super) fn run_frame(&mut self, frame: &Frame, body: &[Stmt]) -> Res<Flow> {
        if self.depth >= RECURSION_LIMIT || self.stack_base.saturating_sub(stack_position()) > STACK_BUDGET {
            return self.error("RecursionError", "maximum recursion depth exceeded");
        }
        self.depth += 1;
        let outcome = self.exec_block(frame, body);
        self.depth -= 1;
        outcome.map_err(|mut raised| {
            frame.leave(&mut raised);
            raised
        })
    }

    /// Whether `value` is an instance of the built-in exception class `class` (or a subclass).
    pub(super) fn is_instance_of(&self, value: &Obj, class: &str) -> bool {
        let (Obj::Instance(instance), Some(wanted)) = (value, self.exceptions.get(class)) else { return false };
        let mro = instance.class.mro.borrow();
        mro.iter().any(|c| Rc::ptr_eq(c, wanted))
    }

    fn bind_arguments(&mut self, f: &Rc<Function>, scope: &Rc<Scope>, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<()> {
        let name = &f.qualname;
        let mut vars = scope.vars.borrow_mut();
        // The common call: plain parameters, each given by position.
        if f.plain_params && kwargs.is_empty() && args.len() == f.params.len() {
            for (name, value) in f.param_names.iter().zip(args) {
                vars.insert_shared(name, value);
            }
            return Ok(());
        }
        let star = f.params.iter().position(|p| p.star == "*");
        let double = f.params.iter().position(|p| p.star == "**");
        let positional: Vec<usize> = (0..f.params.len()).filter(|&i| f.params[i].star.is_empty() && star.is_none_or(|s| i < s)).collect();
        let mut args = args.into_iter();
        for &i in &positional {
            match args.next() {
                Some(v) => {
                    vars.insert_shared(&f.param_names[i], v);
                }
                None => break,
            }
        }
        let extra: Vec<Obj> = args.collect();
        match star {
            Some(s) if !f.params[s].name.is_empty() => {
                vars.insert_shared(&f.param_names[s], Obj::tuple(extra));
            }
            _ if !extra.is_empty() => {
                let given = positional.len() + extra.len();
                let required = positional.iter().filter(|&&i| f.defaults[i].is_none()).count();
                let takes = if required == positional.len() {
                    format!("{}", positional.len())
                } else {
                    format!("from {required} to {}", positional.len())
                };
                let plural = if positional.len() == 1 && required == positional.len() { "" } else { "s" };
                let were = if given == 1 { "was" } else { "were" };
                drop(vars);
                return self.error("TypeError", format!("{name}() takes {takes} positional argument{plural} but {given} {were} given"));
            }
            _ => {}
        }
        let mut extra_kwargs = Dict::default();
        // Names before a `/` cannot be given by keyword (with `**kwargs` they land there).
        let positional_only = f.params.iter().position(|p| p.star == "/").map_or(&f.params[..0], |at| &f.params[..at]);
        let (by_keyword, kwargs): (Vec<_>, Vec<_>) = kwargs.into_iter().partition(|(k, _)| positional_only.iter().any(|p| &p.name == k));
        if !by_keyword.is_empty() && double.is_none() {
            let names: Vec<&str> = by_keyword.iter().map(|(k, _)| k.as_str()).collect();
            drop(vars);
            return self.error("TypeError", format!("{name}() got some positional-only arguments passed as keyword arguments: '{}'", names.join(", ")));
        }
        for (k, v) in by_keyword {
            extra_kwargs.insert_str(&k, v);
        }
        for (k, v) in kwargs {
            let param = f.params.iter().position(|p| p.name == k && p.star.is_empty());
            match param {
                Some(i) => {
                    if vars.contains_key(&k) {
                        drop(vars);
                        return self.error("TypeError", format!("{name}() got multiple values for argument '{k}'"));
                    }
                    let _ = i;
                    vars.insert(&k, v);
                }
                None if double.is_some() => extra_kwargs.insert_str(&k, v),
                None => {
                    drop(vars);
                    return self.error("TypeError", format!("{name}() got an unexpected keyword argument '{k}'"));
                }
            }
        }
        if let Some(d) = double {
            vars.insert_shared(&f.param_names[d], Obj::Dict(Rc::new(RefCell::new(extra_kwargs))));
        }
        let mut missing_positional = Vec::new();
        let mut missing_keyword = Vec::new();
        for (i, param) in f.params.iter().enumerate() {
            if !param.star.is_empty() || param.name.is_empty() || vars.contains_key(&param.name) {
                continue;
            }
            match &f.defaults[i] {
                Some(default) => {
                    vars.insert_shared(&f.param_names[i], default.clone());
                }
                None if star.is_some_and(|s| i > s) => missing_keyword.push(format!("'{}'", param.name)),
                None => missing_positional.push(format!("'{}'", param.name)),
            }
        }
        drop(vars);
        for (missing, kind) in [(missing_positional, "positional"), (missing_keyword, "keyword-only")] {
            if missing.is_empty() {
                continue;
            }
            let listed = match missing.len() {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
            };
            let plural = if missing.len() == 1 { "" } else { "s" };
            return self.error("TypeError", format!("{name}() missing {} required {kind} argument{plural}: {listed}", missing.len()));
        }
        Ok(())
    }

    /// `Class(args)`: a new instance, `__init__` run on it.
    pub(super) fn instantiate(&mut self, class: &Rc<Class>, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        if Rc::ptr_eq(class, &self.object_class) {
            return Ok(Obj::new_instance(class.clone()));
        }
        // A class's own __new__ (an enum's lookup by value) makes the object; __init__ follows only
        // for an instance of this class, as type.__call__ does (EnumType's call never runs it).
        if let Some(Obj::Function(new)) = self.find_in_mro(class, "__new__") {
            let mut all = vec![Obj::Class(class.clone())];
            all.extend(args.iter().cloned());
            let made = self.call_function(&new, all, kwargs.clone())?;
            let of_class = matches!(&made, Obj::Instance(i) if i.class.mro.borrow().iter().any(|c| Rc::ptr_eq(c, class)));
            if of_class && !self.is_enum_class(class) {
                if let Some(Obj::Function(init)) = self.find_in_mro(class, "__init__") {
                    let mut all = vec![made.clone()];
                    all.extend(args);
                    self.call_function(&init, all, kwargs)?;
                }
            }
            return Ok(made);
        }
        if let Some(type_name) = self.value_type_of(class) {
            return self.instantiate_valued(class, type_name, args, kwargs);
        }
        let instance = Obj::new_instance(class.clone());
        if self.is_exception_class(class) {
            let tuple = Obj::tuple(args.clone());
            self.set_attr(&instance, "args", tuple)?;
        }
        match self.find_in_mro(class, "__init__") {
            Some(Obj::Function(init)) => self.run_init(&init, &instance, args, kwargs)?,
            // A native module's base class (a declarative base's constructor).
            Some(init @ Obj::Native(_)) => {
                let mut all = vec![instance.clone()];
                all.extend(args);
                self.call(init, all, kwargs)?;
            }
            _ => {
                if !kwargs.is_empty() && !self.is_exception_class(class) {
                    return self.error("TypeError", format!("{}() takes no arguments", class.name));
                }
                if !args.is_empty() && !self.is_exception_class(class) {
                    return self.error("TypeError", format!("{}() takes no arguments", class.name));
                }
            }
        }
        Ok(instance)
    }

    /// A class's `__init__` written in Python, run on a new instance: it must return None.
    pub(super) fn run_init(&mut self, init: &Rc<Function>, instance: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<()> {
        let mut all = vec![instance.clone()];
        all.extend(args);
        let result = self.call_function(init, all, kwargs)?;
        if !matches!(result, Obj::None) {
            return self.error("TypeError", format!("__init__() should return None, not '{}'", result.type_name()));
        }
        Ok(())
    }

    pub(super) fn find_in_mro(&self, class: &Rc<Class>, name: &str) -> Option<Obj> {
        class.mro.borrow().iter().find_map(|c| c.attrs.borrow().get_str(name).cloned())
    }

    /// A special method of an instance's class, bound (`__repr__`, `__len__` …), if defined in Python.
    pub(super) fn lookup_special(&self, value: &Obj, name: &str) -> Option<Obj> {
        let Obj::Instance(instance) = value else { return None };
        // A built-in base answers its own special methods before any later base does.
        let found = instance.class.mro.borrow().iter().take_while(|c| !Self::answered_by_type(c, name)).find_map(|c| c.attrs.borrow().get_str(name).cloned());
        match found? {
            Obj::Function(f) => Some(Obj::Method(Box::new(value.clone()), f)),
            _ => None,
        }
    }

    pub(super) fn call_method(&mut self, object: &Obj, name: &str, args: Vec<Obj>) -> Res<Obj> {
        let method = self.get_attr(object, name)?;
        self.call(method, args, Vec::new())
    }

    // ---- expressions ------------------------------------------------------------------------

    /// An f-string's text; a format spec is itself an f-string (`{x:{width}.2f}`).
    fn fstring_text(&mut self, frame: &Frame, parts: &[FStringPart]) -> Res<String> {
        let mut text = String::new();
        for part in parts {
            match part {
                FStringPart::Text(t) => text.push_str(t),
                FStringPart::Value { expr, conversion, spec } => {
                    let value = self.eval(frame, expr)?;
                    let value = match conversion {
                        Some('r') => Obj::str(&self.repr_of(&value)?),
                        Some('a') => Obj::str(&self.ascii_of(&value)?),
                        Some('s') => Obj::str(&self.str_of(&value)?),
                        _ => value,
                    };
                    let spec = match spec {
                        Some(spec) => self.fstring_text(frame, spec)?,
                        None => String::new(),
                    };
                    text.push_str(&self.format_value(&value, &spec)?);
                }
            }
        }
        Ok(text)
    }

    /// An exception raised by `expr` itself (not by a part of it) is marked at its span.
    #[inline]
    fn eval(&mut self, frame: &Frame, expr: &Expr) -> Res<Obj> {
        self.eval_here(frame, expr).map_err(|raised| match expr.kind {
            // A slice's bounds are checked by the subscript using it, where CPython marks them.
            ExprKind::Slice(..) => raised,
            _ => marked(raised, expr.span),
        })
    }

    fn eval_here(&mut self, frame: &Frame, expr: &Expr) -> Res<Obj> {
        match &expr.kind {
            ExprKind::Name(name) => self.load(frame, name),
            ExprKind::Constant(c) => self.constant(c),
            ExprKind::FString(parts) => Ok(Obj::str(&self.fstring_text(frame, parts)?)),
            ExprKind::Attribute { value, attr } => {
                let object = self.eval(frame, value)?;
                self.get_attr(&object, attr).map_err(|raised| self.attribute_error_context(raised, &object, attr))
            }
            ExprKind::Subscript { value, index } => {
                let object = self.eval(frame, value)?;
                let index = self.eval(frame, index)?;
                match (&object, index) {
                    (Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_) | Obj::Range(..), Obj::Slice(start, stop, step)) => {
                        self.slice(&object, &start, &stop, &step)
                    }
                    (_, index) => self.get_item(&object, index),
                }
            }
            ExprKind::Call { func, args, keywords } => {
                if let ExprKind::Name(name) = &func.kind {
                    if name == "super" && args.is_empty() {
                        return self.zero_arg_super(frame);
                    }
                }
                let callee = self.eval(frame, func)?;
                let (args, kwargs) = self.arguments(frame, args, keywords)?;
                // `exec` and `eval` run in the caller's namespace, which only this frame knows.
                if let Obj::Builtin(which @ ("exec" | "eval")) = callee {
                    return self.exec_or_eval(frame, which, args, kwargs);
                }
                // So do `globals()`, `locals()`, and `dir()` / `vars()` without an argument.
                if let Obj::Builtin(which @ ("globals" | "locals" | "dir" | "vars")) = callee {
                    if args.is_empty() && kwargs.is_empty() {
                        return Ok(self.namespace_of(frame, which));
                    }
                }
                let result = self.call(callee, args, kwargs)?;
                // A generator the call let go of is closed now, as CPython would.
                self.finalize_dropped()?;
                Ok(result)
            }
            ExprKind::Tuple(items) => Ok(Obj::tuple(self.items(frame, items)?)),
            ExprKind::List(items) => Ok(Obj::list(self.items(frame, items)?)),
            ExprKind::Set(written) => {
                let items = self.items(frame, written)?;
                let set = self.make_set(items)?;
                let constant = |e: &Expr| match &e.kind {
                    ExprKind::Constant(_) => true,
                    ExprKind::UnaryOp { op: "-" | "+", operand } => matches!(operand.kind, ExprKind::Constant(_)),
                    _ => false,
                };
                if written.len() > 2 && written.iter().all(constant) {
                    if let Obj::Set(d) = &set {
                        let members: Vec<Obj> = d.borrow().items().map(|(k, _)| k.clone()).collect();
                        let (members, presize) = super::set_order::literal_layout(members);
                        let mut laid_out = Dict::default();
                        laid_out.presize = presize;
                        for member in members {
                            let k = self.hash_key(&member)?;
                            laid_out.insert(k, member, Obj::None);
                        }
                        *d.borrow_mut() = laid_out;
                    }
                }
                Ok(set)
            }
            ExprKind::Dict(pairs) => {
                let mut dict = Dict::default();
                for (k, v) in pairs {
                    if let ExprKind::Starred(mapping) = &k.kind {
                        let mapping = self.eval(frame, mapping)?;
                        match Self::as_dict(&mapping).clone() {
                            Obj::Dict(other) => {
                                for (kk, vv) in other.borrow().items() {
                                    let hashed = self.hash_key(kk)?;
                                    dict.insert(hashed, kk.clone(), vv.clone());
                                }
                            }
                            other => return self.error("TypeError", format!("'{}' object is not a mapping", other.type_name())),
                        }
                        continue;
                    }
                    let k = self.eval(frame, k)?;
                    let v = self.eval(frame, v)?;
                    let hashed = self.hash_key(&k)?;
                    dict.insert(hashed, k, v);
                }
                Ok(Obj::Dict(Rc::new(RefCell::new(dict))))
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                let mut out = Vec::new();
                let name = if matches!(expr.kind, ExprKind::SetComp { .. }) { "<setcomp>" } else { "<listcomp>" };
                self.comprehension(frame, name, generators, &mut |interp, f| {
                    out.push(interp.eval(f, elt)?);
                    Ok(())
                })?;
                match expr.kind {
                    ExprKind::SetComp { .. } => self.make_set(out),
                    _ => Ok(Obj::list(out)),
                }
            }
            ExprKind::GeneratorExp { elt, generators } => self.generator_expression(frame, elt, generators),
            ExprKind::DictComp { key: k, value, generators } => {
                let mut dict = Dict::default();
                self.comprehension(frame, "<dictcomp>", generators, &mut |interp, f| {
                    let kk = interp.eval(f, k)?;
                    let vv = interp.eval(f, value)?;
                    let hashed = interp.hash_key(&kk)?;
                    dict.insert(hashed, kk, vv);
                    Ok(())
                })?;
                Ok(Obj::Dict(Rc::new(RefCell::new(dict))))
            }
            ExprKind::BinOp { left, op, right } => {
                let left = self.eval(frame, left)?;
                let right = self.eval(frame, right)?;
                self.binary(op, left, right)
            }
            ExprKind::UnaryOp { op, operand } => {
                let value = self.eval(frame, operand)?;
                self.unary(op, value)
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Obj::None;
                for (i, v) in values.iter().enumerate() {
                    last = self.eval(frame, v)?;
                    let truth = self.truthy(&last)?;
                    if i + 1 < values.len() && ((*op == "and" && !truth) || (*op == "or" && truth)) {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            ExprKind::Compare { left, ops } => {
                let mut left = self.eval(frame, left)?;
                let mut result = Obj::Bool(true);
                for (at, (op, right)) in ops.iter().enumerate() {
                    let right = self.eval(frame, right)?;
                    // A native value's comparison gives whatever it returns; a chain stops at
                    // the first false link, as `a < b and b < c` would.
                    let rich = matches!(*op, "==" | "!=" | "<" | "<=" | ">" | ">=");
                    result = if rich && (matches!(left, Obj::Native(_)) || matches!(right, Obj::Native(_))) {
                        self.native_operator(op, &left, &right)?
                    } else if rich && (matches!(left, Obj::Instance(_)) || matches!(right, Obj::Instance(_))) {
                        // An instance's comparison gives whatever its method returns, as Python's.
                        self.rich_compare(op, &left, &right)?
                    } else {
                        Obj::Bool(self.compare(op, &left, &right)?)
                    };
                    if at + 1 < ops.len() && !self.truthy(&result)? {
                        return Ok(result);
                    }
                    left = right;
                }
                Ok(result)
            }
            ExprKind::NamedExpr { target, value } => {
                let value = self.eval(frame, value)?;
                let ExprKind::Name(name) = &target.kind else { return self.error("SyntaxError", "cannot use assignment expressions with this expression") };
                // Inside a comprehension the name belongs to the code around it, as in Python.
                let in_comprehension = frame.func.as_ref().is_some_and(|f| matches!(&*f.name, "<listcomp>" | "<genexpr>"));
                match (&frame.scope, in_comprehension) {
                    (Some(scope), true) => match &scope.parent {
                        Some(outer) => outer.vars.borrow_mut().insert(name, value.clone()),
                        None => frame.globals.borrow_mut().insert_str(name, value.clone()),
                    },
                    _ => self.store(frame, name, value.clone())?,
                }
                Ok(value)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let test = self.eval(frame, test)?;
                if self.truthy(&test)? {
                    self.eval(frame, body)
                } else {
                    self.eval(frame, orelse)
                }
            }
            ExprKind::Lambda { params, body } => {
                let ret = Stmt { kind: StmtKind::Return(Some((**body).clone())), line: body.line, col: body.col, span: body.span };
                self.make_function(frame, "<lambda>", params, vec![ret])
            }
            ExprKind::Starred(_) => self.error("SyntaxError", "can't use starred expression here"),
            ExprKind::Slice(start, stop, step) => {
                let mut bound = |e: &Option<Box<Expr>>| -> Res<Option<i64>> {
                    match e {
                        None => Ok(None),
                        Some(e) => match self.eval(frame, e)? {
                            Obj::None => Ok(None),
                            v => match self.to_index(&v) {
                                Ok(i) => Ok(Some(i)),
                                Err(_) => self.error("TypeError", "slice indices must be integers or None or have an __index__ method"),
                            },
                        },
                    }
                };
                Ok(Obj::Slice(bound(start)?, bound(stop)?, bound(step)?))
            }
            ExprKind::Yield { .. } => self.stop_not_available("`yield` inside an expression (write it as a statement: `yield value` or `received = yield value`)"),
        }
    }

    /// `eval(source, globals)` for a native module: a string argument the real library evaluates
    /// itself (SQLAlchemy's `order_by="desc(Post.title)"`, among the mapped classes).
    pub fn eval_with_globals(&mut self, source: &str, globals: Rc<RefCell<Dict>>) -> Res<Obj> {
        let frame = Frame { globals: globals.clone(), scope: None, func: None, class_ns: None, file: Rc::from("<string>"), name: Rc::from("<module>"), line: Cell::new(1) };
        self.exec_or_eval(&frame, "eval", vec![Obj::str(source), Obj::Dict(globals)], Vec::new())
    }

    /// `globals()`; `locals()` (the module's globals at its top level, the class body's namespace,
    /// else a snapshot of the function's variables); `vars()` is `locals()`; `dir()` its sorted names.
    fn namespace_of(&self, frame: &Frame, which: &str) -> Obj {
        let locals = match (which, &frame.class_ns, &frame.scope) {
            ("globals", _, _) => Obj::Dict(frame.globals.clone()),
            (_, Some(namespace), _) => Obj::Dict(namespace.clone()),
            (_, None, Some(scope)) if frame.func.is_some() => {
                let mut snapshot = Dict::default();
                for (name, value) in scope.vars.borrow().iter() {
                    snapshot.insert_str(name, value.clone());
                }
                Obj::Dict(Rc::new(RefCell::new(snapshot)))
            }
            _ => Obj::Dict(frame.globals.clone()),
        };
        if which != "dir" {
            return locals;
        }
        let Obj::Dict(names) = &locals else { return locals };
        let mut names: Vec<String> = names.borrow().items().map(|(k, _)| self.plain_str(k)).collect();
        crate::sorting::sort(&mut names);
        Obj::list(names.iter().map(|n| Obj::str(n)).collect())
    }

    /// `exec(source[, globals])` / `eval(expression[, globals])`: the text runs as code named
    /// `<string>`, in the given globals dict or else where the call is.
    fn exec_or_eval(&mut self, frame: &Frame, which: &str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        let mut args = args.into_iter();
        let source = match args.next() {
            Some(Obj::Str(text)) => text,
            Some(other) => return self.error("TypeError", format!("{which}() arg 1 must be a string, bytes or code object, not {}", other.type_name())),
            None => return self.error("TypeError", format!("{which} expected at least 1 argument, got 0")),
        };
        let globals = args.next().or_else(|| kwargs.into_iter().find(|(k, _)| k == "globals").map(|(_, v)| v));
        let code_frame = match globals {
            None | Some(Obj::None) => Frame {
                globals: frame.globals.clone(),
                scope: frame.scope.clone(),
                func: frame.func.clone(),
                class_ns: frame.class_ns.clone(),
                file: Rc::from("<string>"),
                name: frame.name.clone(),
                line: Cell::new(1),
            },
            Some(Obj::Dict(globals)) => {
                if globals.borrow().get_str("__builtins__").is_none() {
                    globals.borrow_mut().insert_str("__builtins__", Obj::Dict(Rc::new(RefCell::new(Dict::default()))));
                }
                Frame { globals, scope: None, func: None, class_ns: None, file: Rc::from("<string>"), name: Rc::from("<module>"), line: Cell::new(1) }
            }
            Some(other) => return self.error("TypeError", format!("{which}() globals must be a dict, not {}", other.type_name())),
        };
        // Code that runs `exec` on itself nests like a call: the same recursion limit holds.
        if self.depth >= RECURSION_LIMIT || self.stack_base.saturating_sub(stack_position()) > STACK_BUDGET {
            return self.error("RecursionError", "maximum recursion depth exceeded");
        }
        self.depth += 1;
        let outcome = if which == "eval" {
            match crate::python::parse_expression(source.trim_start_matches([' ', '\t'])) {
                Ok(expr) => self.eval(&code_frame, &expr),
                Err(err) => Err(self.syntax_error("<string>", &source, err.message())),
            }
        } else {
            match parse_module(&source) {
                Ok(module) => self.exec_block(&code_frame, &module.body).map(|_| Obj::None),
                Err(err) => Err(self.syntax_error("<string>", &source, err.message())),
            }
        };
        self.depth -= 1;
        outcome.map_err(|mut raised| {
            if !raised.frames.is_empty() || !self.is_instance_of(&raised.value, "SyntaxError") {
                code_frame.leave(&mut raised);
            }
            raised
        })
    }

    fn zero_arg_super(&mut self, frame: &Frame) -> Res<Obj> {
        let owner = frame.func.as_ref().and_then(|f| f.owner.borrow().as_ref().and_then(|w| w.upgrade()));
        let this = frame.func.as_ref().and_then(|f| f.params.first()).and_then(|p| frame.scope.as_ref()?.vars.borrow().get(&p.name).cloned());
        match (owner, this) {
            (Some(class), Some(this)) => Ok(Obj::Super(class, Box::new(this))),
            _ => self.error("RuntimeError", "super(): no arguments"),
        }
    }

    /// What a `for` loop walks: a range step by step (never a million items at once), a list
    /// by index as CPython does (items appended in the loop are visited), an iterator one
    /// `next` at a time; anything else as its items.
    pub(super) fn loop_over(&mut self, iterable: &Obj) -> Res<LoopItems> {
        if let Some(inner) = self.value_part(iterable, "__iter__") {
            return self.loop_over(&inner);
        }
        Ok(match iterable {
            Obj::Range(start, stop, step) => LoopItems::Range { next: *start, step: *step, left: super::builtins::range_len(*start, *stop, *step) },
            Obj::List(list) => LoopItems::List(list.clone(), 0),
            Obj::Iterator(it) => LoopItems::Iterator(it.clone()),
            Obj::Generator(generator) => LoopItems::Generator(generator.clone()),
            Obj::Lazy(lazy) => LoopItems::Lazy(lazy.clone()),
            Obj::Dict(d) => LoopItems::Dict { dict: d.clone(), view: super::object::View::Keys, at: 0, size: d.borrow().len() },
            Obj::DictView(d, view) => LoopItems::Dict { dict: d.clone(), view: *view, at: 0, size: d.borrow().len() },
            Obj::Instance(_) => match self.lookup_special(iterable, "__iter__") {
                Some(method) => {
                    let iterator = self.call(method, Vec::new(), Vec::new())?;
                    self.iterator_items(iterator)?
                }
                None => LoopItems::Items(self.iterate(iterable)?.into_iter()),
            },
            other => LoopItems::Items(self.iterate(other)?.into_iter()),
        })
    }

    /// What an `__iter__` returned, walked lazily: it must be an iterator (one written in Python
    /// has `__next__`), as Python requires.
    pub(super) fn iterator_items(&mut self, iterator: Obj) -> Res<LoopItems> {
        match &iterator {
            Obj::Instance(_) => match self.lookup_special(&iterator, "__next__") {
                Some(next) => Ok(LoopItems::Next(next)),
                None => self.error("TypeError", format!("iter() returned non-iterator of type '{}'", iterator.type_name())),
            },
            Obj::Iterator(_) | Obj::Generator(_) | Obj::Lazy(_) | Obj::Native(_) => self.loop_over(&iterator),
            other => self.error("TypeError", format!("iter() returned non-iterator of type '{}'", other.type_name())),
        }
    }

    fn items(&mut self, frame: &Frame, items: &[Expr]) -> Res<Vec<Obj>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let value = self.eval(frame, inner)?;
                out.extend(self.iterate(&value)?);
            } else {
                out.push(self.eval(frame, item)?);
            }
        }
        Ok(out)
    }

    fn arguments(&mut self, frame: &Frame, args: &[Expr], keywords: &[Keyword]) -> Res<super::native::Args> {
        let positional = self.items(frame, args)?;
        let mut named = Vec::new();
        for keyword in keywords {
            let value = self.eval(frame, &keyword.value)?;
            match &keyword.arg {
                Some(name) => named.push((name.clone(), value)),
                None => match Self::as_dict(&value).clone() {
                    Obj::Dict(d) => {
                        for (k, v) in d.borrow().items() {
                            match k {
                                Obj::Str(s) => named.push((s.to_string(), v.clone())),
                                _ => return self.error("TypeError", "keywords must be strings"),
                            }
                        }
                    }
                    other => {
                        return self.error("TypeError", format!("argument after ** must be a mapping, not {}", other.type_name()))
                    }
                },
            }
        }
        Ok((positional, named))
    }

    /// Runs `body` for every binding the comprehension's clauses produce, in a scope of its own.
    /// `(elt for target in iterable if condition …)`: a generator, as in Python — nothing runs
    /// until an item is asked for, and it stops where its consumer stops (`any`, `next`). It is
    /// the generator of `for target in iterable: if condition: yield elt`, over the outermost
    /// iterable evaluated now, in the code around it.
    fn generator_expression(&mut self, frame: &Frame, elt: &Expr, generators: &[Comprehension]) -> Res<Obj> {
        let first = self.eval(frame, &generators[0].iter)?;
        self.loop_over(&first)?; // not iterable: Python's TypeError, here and now
        let (line, col) = (elt.line, elt.col);
        let span = elt.span;
        let statement = |kind: StmtKind| Stmt { kind, line, col, span };
        let yielded = Expr { kind: ExprKind::Yield { value: Some(Box::new(elt.clone())), from: false }, line, col, span };
        let mut body = vec![statement(StmtKind::Expr(yielded))];
        for (at, g) in generators.iter().enumerate().rev() {
            for condition in g.ifs.iter().rev() {
                body = vec![statement(StmtKind::If { test: condition.clone(), body, orelse: Vec::new() })];
            }
            let iter = if at == 0 { Expr { kind: ExprKind::Name(OUTERMOST.to_string()), line, col, span } } else { g.iter.clone() };
            body = vec![statement(StmtKind::For { target: g.target.clone(), iter, body, orelse: Vec::new() })];
        }
        let mut locals = vec![OUTERMOST.to_string()];
        for g in generators {
            collect_target_names(&g.target, &mut locals);
        }
        let qualname = match &frame.func {
            Some(f) => format!("{}.<locals>.<genexpr>", f.qualname),
            None => "<genexpr>".to_string(),
        };
        let func = inner_function(frame, "<genexpr>", Rc::from(qualname), body, locals, true);
        let mut vars = Vars::default();
        vars.insert(OUTERMOST, first);
        let gen_frame = Frame {
            globals: frame.globals.clone(),
            scope: Some(Rc::new(Scope { vars: RefCell::new(vars), parent: frame.scope.clone() })),
            func: Some(func.clone()),
            class_ns: None,
            file: frame.file.clone(),
            name: func.name.clone(),
            line: Cell::new(line),
        };
        Ok(Obj::Generator(Rc::new(super::generator::Generator::new(func, gen_frame))))
    }

    /// A comprehension runs in a frame of its own, named `<listcomp>` (`<setcomp>`, `<dictcomp>`)
    /// in a traceback, as in CPython 3.11.
    fn comprehension(&mut self, frame: &Frame, name: &str, generators: &[Comprehension], body: &mut dyn FnMut(&mut Self, &Frame) -> Res<()>) -> Res<()> {
        let scope = Rc::new(Scope { vars: RefCell::new(Vars::default()), parent: frame.scope.clone() });
        let mut locals = Vec::new();
        for g in generators {
            collect_target_names(&g.target, &mut locals);
        }
        let qualname = frame.func.as_ref().map_or_else(|| Rc::from("<listcomp>"), |f| f.qualname.clone());
        let func = inner_function(frame, "<listcomp>", qualname, Vec::new(), locals, false);
        // The outermost iterable is evaluated, and iterated, in the enclosing frame, as Python does.
        let first = self.eval(frame, &generators[0].iter)?;
        let items = self.loop_over(&first)?;
        let inner = Frame {
            globals: frame.globals.clone(),
            scope: Some(scope),
            func: Some(func),
            class_ns: None,
            file: frame.file.clone(),
            name: Rc::from(name),
            line: Cell::new(frame.line.get()),
        };
        self.clause(&inner, generators, 0, Some(items), body).map_err(|mut raised| {
            if !raised.stop {
                inner.leave(&mut raised);
            }
            raised
        })
    }

    /// One `for … in … if …` of a comprehension; its items are taken one at a time, so that a
    /// generator's side effects interleave with the comprehension's as in Python.
    fn clause(&mut self, frame: &Frame, generators: &[Comprehension], at: usize, first: Option<LoopItems>, body: &mut dyn FnMut(&mut Self, &Frame) -> Res<()>) -> Res<()> {
        let Some(g) = generators.get(at) else { return body(self, frame) };
        let mut items = match first {
            Some(items) => items,
            None => {
                let iterable = self.eval(frame, &g.iter)?;
                self.loop_over(&iterable)?
            }
        };
        'items: while let Some(item) = self.next_loop_item(&mut items)? {
            self.tick()?;
            self.assign(frame, &g.target, item)?;
            for cond in &g.ifs {
                let value = self.eval(frame, cond)?;
                if !self.truthy(&value)? {
                    continue 'items;
                }
            }
            self.clause(frame, generators, at + 1, None, body)?;
        }
        Ok(())
    }

    fn constant(&mut self, c: &Constant) -> Res<Obj> {
        Ok(match c {
            Constant::None => Obj::None,
            Constant::True => Obj::Bool(true),
            Constant::False => Obj::Bool(false),
            Constant::Ellipsis => Obj::Builtin("Ellipsis"),
            Constant::Str(s) => Obj::str(s),
            Constant::Bytes(b) => super::bytes::obj(b.clone()),
            Constant::Number(text) => return self.number(text),
        })
    }

    fn number(&mut self, text: &str) -> Res<Obj> {
        let clean: String = text.chars().filter(|c| *c != '_').collect();
        let lower = clean.to_ascii_lowercase();
        let parsed = if let Some(hex) = lower.strip_prefix("0x") {
            i64::from_str_radix(hex, 16).ok().map(Obj::Int)
        } else if let Some(oct) = lower.strip_prefix("0o") {
            i64::from_str_radix(oct, 8).ok().map(Obj::Int)
        } else if let Some(bin) = lower.strip_prefix("0b") {
            i64::from_str_radix(bin, 2).ok().map(Obj::Int)
        } else if lower.contains(['.', 'e']) && !lower.ends_with('j') {
            super::parse_float::parse_float(&lower).map(Obj::Float)
        } else if lower.ends_with('j') {
            None
        } else {
            match lower.parse::<i64>() {
                Ok(i) => Some(Obj::Int(i)),
                Err(_) => return self.error("OverflowError", "integer too large for the lab's Python (it keeps 64-bit integers)"),
            }
        };
        match parsed {
            Some(v) => Ok(v),
            None => self.stop(&format!("not available in this lab: the number literal {text}")),
        }
    }

    pub(super) fn make_set(&mut self, items: Vec<Obj>) -> Res<Obj> {
        let mut set = Dict::default();
        for item in items {
            let k = self.hash_key(&item)?;
            set.insert(k, item, Obj::None);
        }
        Ok(Obj::Set(Rc::new(RefCell::new(set))))
    }

    pub(super) fn hash_key(&mut self, value: &Obj) -> Res<super::object::Key> {
        self.hash_key_at(value, 0)
    }

    fn hash_key_at(&mut self, value: &Obj, depth: usize) -> Res<super::object::Key> {
        if let Obj::Instance(instance) = value {
            if let Some(hash) = self.user_hash(instance)? {
                return self.user_key(value, hash);
            }
            // A subclass of a built-in type hashes as its value: `d["active"]` finds `Status.ACTIVE`.
            if let Some(inner) = &instance.value {
                if matches!(inner, Obj::List(_) | Obj::Dict(_) | Obj::Set(_)) {
                    return self.error("TypeError", format!("unhashable type: '{}'", instance.class.name));
                }
                return self.hash_key_at(&inner.clone(), depth + 1);
            }
        }
        if let Obj::Tuple(items) = value {
            // A tuple holding objects with their own __hash__ is keyed through them; tuples
            // nested deeper than key_of allows stay unhashable.
            if depth < 100 && items.iter().any(|i| matches!(i, Obj::Instance(_) | Obj::Tuple(_))) {
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    keys.push(self.hash_key_at(item, depth + 1)?);
                }
                return Ok(super::object::Key::Tuple(keys));
            }
        }
        match key_of(value).filter(|_| depth < 100) {
            Some(k) => Ok(k),
            None => self.error("TypeError", format!("unhashable type: '{}'", value.type_name())),
        }
    }

    /// An instance's own `__hash__()`: None when it hashes by identity. A class that defines
    /// `__eq__` without `__hash__` is unhashable, as in Python.
    fn user_hash(&mut self, instance: &Rc<Instance>) -> Res<Option<i64>> {
        let mro = instance.class.mro.borrow().clone();
        // A built-in base (`str` in `class Status(str, Enum)`) hashes by its value.
        for class in mro.iter().take_while(|c| !Self::is_value_type_class(c)).filter(|c| !c.builtin) {
            let attrs = class.attrs.borrow();
            match (attrs.get_str("__hash__").cloned(), attrs.get_str("__eq__").is_some()) {
                (Some(Obj::None), _) | (None, true) => {
                    drop(attrs);
                    return self.error("TypeError", format!("unhashable type: '{}'", instance.class.name));
                }
                (Some(method), _) => {
                    drop(attrs);
                    let result = self.call(method, vec![Obj::Instance(instance.clone())], Vec::new())?;
                    return match result {
                        Obj::Int(h) => Ok(Some(h)),
                        Obj::Bool(b) => Ok(Some(i64::from(b))),
                        _ => self.error("TypeError", "__hash__ method should return an integer"),
                    };
                }
                (None, false) => {}
            }
        }
        Ok(None)
    }

    /// The key of an object with its own hash: the first registered object of that hash that
    /// it equals (by `__eq__`), or a new one.
    fn user_key(&mut self, value: &Obj, hash: i64) -> Res<super::object::Key> {
        let known = self.user_keys.get(&hash).cloned().unwrap_or_default();
        for (representative, id) in known {
            if self.equal(value, &representative)? {
                return Ok(super::object::Key::User(id));
            }
        }
        // Numbered in the order first seen; counting the registry instead would make building a
        // dict of n such keys quadratic.
        let id = self.user_key_count;
        self.user_key_count += 1;
        self.user_keys.entry(hash).or_default().push((value.clone(), id));
        Ok(super::object::Key::User(id))
    }

    /// `hash(value)`: ints hash to themselves, objects through `__hash__`, the rest through
    /// their key (stable within a run, as Python's are).
    pub(super) fn hash_of(&mut self, value: &Obj) -> Res<i64> {
        use std::hash::{Hash, Hasher};
        // Equal numbers hash alike (`hash(1) == hash(1.0) == hash(True)`); -1 is -2, as in CPython.
        let number = |i: i64| if i == -1 { -2 } else { i };
        match value {
            Obj::Int(i) => return Ok(number(*i)),
            Obj::Bool(b) => return Ok(i64::from(*b)),
            Obj::Instance(instance) => {
                if let Some(h) = self.user_hash(instance)? {
                    return Ok(h);
                }
                if let Some(inner) = instance.value.clone().filter(|v| !matches!(v, Obj::List(_) | Obj::Dict(_) | Obj::Set(_))) {
                    return self.hash_of(&inner);
                }
            }
            _ => {}
        }
        let key = self.hash_key(value)?;
        match key {
            super::object::Key::Id(id) => return Ok(id as i64),
            super::object::Key::Int(i) => return Ok(number(i)),
            _ => {}
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut hasher);
        Ok(hasher.finish() as i64)
    }

    pub(super) fn identity_of(value: &Obj) -> usize {
        identity(value)
    }
}

/// An annotation as Python writes it back under `from __future__ import annotations`, for the
/// shapes annotations take (`Optional[int]`, `Mapped[list["Address"]]`, `int | None`).
fn annotation_text(expr: &Expr) -> Option<String> {
    Some(match &expr.kind {
        ExprKind::Name(name) => name.clone(),
        ExprKind::Attribute { value, attr } => format!("{}.{attr}", annotation_text(value)?),
        ExprKind::Subscript { value, index } => {
            let inside = match &index.kind {
                ExprKind::Tuple(items) if !items.is_empty() => items.iter().map(annotation_text).collect::<Option<Vec<_>>>()?.join(", "),
                _ => annotation_text(index)?,
            };
            format!("{}[{inside}]", annotation_text(value)?)
        }
        ExprKind::Constant(Constant::Str(s)) => crate::value::python_str_repr(s),
        ExprKind::Constant(Constant::None) => "None".into(),
        ExprKind::Constant(Constant::True) => "True".into(),
        ExprKind::Constant(Constant::False) => "False".into(),
        ExprKind::Constant(Constant::Ellipsis) => "...".into(),
        ExprKind::Constant(Constant::Number(n)) => n.clone(),
        ExprKind::BinOp { left, op: "|", right } => format!("{} | {}", annotation_text(left)?, annotation_text(right)?),
        ExprKind::List(items) => format!("[{}]", items.iter().map(annotation_text).collect::<Option<Vec<_>>>()?.join(", ")),
        ExprKind::Tuple(items) => format!("({})", items.iter().map(annotation_text).collect::<Option<Vec<_>>>()?.join(", ")),
        _ => return None,
    })
}

/// Splits the parser's `line 3, col 5: message` into the line and the message.
/// Where a `SyntaxError` was found, as Python prints it under the frames: the file and line, the
/// line itself and a caret under the column. Empty for other exceptions.
fn syntax_error_location(value: &Obj) -> String {
    let Some(place) = syntax_place(value) else { return String::new() };
    let mut text = format!("  File \"{}\", line {}\n", place.file, place.line);
    let trimmed = place.text.trim_start();
    if !trimmed.trim_end().is_empty() {
        let indent = place.text.chars().count() - trimmed.chars().count();
        text.push_str(&format!("    {}\n", trimmed.trim_end()));
        // No caret when it would fall before the line's text (as CPython leaves it out).
        if let Some(caret) = usize::try_from(place.offset - 1).ok().and_then(|at| at.checked_sub(indent)) {
            text.push_str(&format!("    {}^\n", " ".repeat(caret)));
        }
    }
    text
}

/// Where a `SyntaxError` was found: its message, file, line, column and the line's text, as
/// `syntax_error` records them.
pub(super) struct SyntaxPlace {
    pub msg: Rc<str>,
    pub file: Rc<str>,
    pub line: i64,
    offset: i64,
    text: Rc<str>,
}

/// The place a `SyntaxError` records, if `value` is one that does.
pub(super) fn syntax_place(value: &Obj) -> Option<SyntaxPlace> {
    let Obj::Instance(instance) = value else { return None };
    let attrs = instance.attrs.borrow();
    match [attrs.get_str("msg"), attrs.get_str("filename"), attrs.get_str("lineno"), attrs.get_str("offset"), attrs.get_str("text")] {
        [Some(Obj::Str(msg)), Some(Obj::Str(file)), Some(Obj::Int(line)), Some(Obj::Int(offset)), Some(Obj::Str(text))] => {
            Some(SyntaxPlace { msg: msg.clone(), file: file.clone(), line: *line, offset: *offset, text: text.clone() })
        }
        _ => None,
    }
}

/// The parser's `line L, col C: message` as its parts (line and column 1-based).
fn split_line_prefix(message: &str) -> (u32, u32, String) {
    if let Some(rest) = message.strip_prefix("line ") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(line) = digits.parse() {
            let after = &rest[digits.len()..];
            let col = after.strip_prefix(", col ").and_then(|c| c.split(':').next()).and_then(|c| c.parse().ok()).unwrap_or(1);
            let text = rest.split_once(": ").map_or(rest, |(_, m)| m);
            return (line, col, text.to_string());
        }
    }
    (1, 1, message.to_string())
}

/// The names a function body assigns (its locals), and those it declares global or nonlocal.
fn collect_names(body: &[Stmt], locals: &mut Vec<String>, globals: &mut Vec<String>, nonlocals: &mut Vec<String>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| collect_target_names(t, locals)),
            StmtKind::AnnAssign { target, value: Some(_), .. } | StmtKind::AugAssign { target, .. } => collect_target_names(target, locals),
            StmtKind::For { target, body, orelse, .. } => {
                collect_target_names(target, locals);
                collect_names(body, locals, globals, nonlocals);
                collect_names(orelse, locals, globals, nonlocals);
            }
            StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
                collect_names(body, locals, globals, nonlocals);
                collect_names(orelse, locals, globals, nonlocals);
            }
            StmtKind::With { items, body } => {
                for (_, alias) in items {
                    if let Some(alias) = alias {
                        collect_target_names(alias, locals);
                    }
                }
                collect_names(body, locals, globals, nonlocals);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                collect_names(body, locals, globals, nonlocals);
                for h in handlers {
                    if let Some(name) = &h.name {
                        locals.push(name.clone());
                    }
                    collect_names(&h.body, locals, globals, nonlocals);
                }
                collect_names(orelse, locals, globals, nonlocals);
                collect_names(finalbody, locals, globals, nonlocals);
            }
            StmtKind::FunctionDef { name, .. } | StmtKind::ClassDef { name, .. } => locals.push(name.clone()),
            StmtKind::Import(names) => {
                for (module, alias) in names {
                    locals.push(alias.clone().unwrap_or_else(|| module.split('.').next().unwrap_or(module).to_string()));
                }
            }
            StmtKind::FromImport { names, .. } => {
                for (name, alias) in names {
                    locals.push(alias.clone().unwrap_or_else(|| name.clone()));
                }
            }
            StmtKind::Delete(targets) => targets.iter().for_each(|t| collect_target_names(t, locals)),
            StmtKind::Global(names) => globals.extend(names.iter().cloned()),
            StmtKind::Nonlocal(names) => nonlocals.extend(names.iter().cloned()),
            _ => {}
        }
    }
}

fn collect_target_names(target: &Expr, out: &mut Vec<String>) {
    match &target.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| collect_target_names(i, out)),
        ExprKind::Starred(inner) => collect_target_names(inner, out),
        _ => {}
    }
}

/// A `for` loop's position in what it walks (see `Interpreter::loop_over`).
pub(super) enum LoopItems {
    Range { next: i64, step: i64, left: usize },
    /// A generator, run to its next `yield` for each item.
    Generator(Rc<super::generator::Generator>),
    Lazy(Rc<super::generator::Lazy>),
    List(Rc<super::object::ListCell>, usize),
    Iterator(Rc<RefCell<Iter>>),
    /// An iterator written in Python: its bound `__next__`, called for each item until it
    /// raises StopIteration.
    Next(Obj),
    /// A dict walked live: changing its size meanwhile is Python's RuntimeError.
    Dict { dict: Rc<RefCell<Dict>>, view: super::object::View, at: usize, size: usize },
    Items(std::vec::IntoIter<Obj>),
}

impl LoopItems {
    /// The values a loop still holds, for freeing without recursion.
    pub(super) fn into_values(self) -> Vec<Obj> {
        match self {
            LoopItems::Generator(g) => vec![Obj::Generator(g)],
            LoopItems::Lazy(l) => vec![Obj::Lazy(l)],
            LoopItems::List(l, _) => vec![Obj::List(l)],
            LoopItems::Iterator(it) => vec![Obj::Iterator(it)],
            LoopItems::Next(next) => vec![next],
            LoopItems::Dict { dict, .. } => vec![Obj::Dict(dict)],
            LoopItems::Items(items) => items.collect(),
            LoopItems::Range { .. } => Vec::new(),
        }
    }

    fn next_item(&mut self) -> Result<Option<Obj>, &'static str> {
        Ok(match self {
            LoopItems::Dict { dict, view, at, size } => {
                let dict = dict.borrow();
                if dict.len() != *size {
                    return Err("dictionary changed size during iteration");
                }
                loop {
                    match dict.slot(*at) {
                        None => break None,
                        Some(None) => *at += 1,
                        Some(Some((k, v))) => {
                            *at += 1;
                            break Some(match view {
                                super::object::View::Keys => k.clone(),
                                super::object::View::Values => v.clone(),
                                super::object::View::Items => Obj::tuple(vec![k.clone(), v.clone()]),
                            });
                        }
                    }
                }
            }
            LoopItems::Range { next, step, left } => {
                if *left == 0 {
                    return Ok(None);
                }
                let item = *next;
                *left -= 1;
                // The last step may pass i64's edge; it is never read.
                *next = next.wrapping_add(*step);
                Some(Obj::Int(item))
            }
            LoopItems::List(list, at) => {
                let item = list.0.borrow().get(*at).cloned();
                *at += 1;
                item
            }
            LoopItems::Iterator(it) => {
                let mut it = it.borrow_mut();
                let item = it.items.get(it.at).cloned();
                if item.is_some() {
                    it.at += 1;
                }
                item
            }
            LoopItems::Items(items) => items.next(),
            LoopItems::Generator(_) | LoopItems::Lazy(_) | LoopItems::Next(_) => None,
        })
    }
}
