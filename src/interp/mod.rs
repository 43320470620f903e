//! The lab's Python: a tree-walking interpreter over the parser's syntax tree, for the language of
//! tutorials (functions, closures, classes, exceptions, loops, comprehensions, f-strings) with
//! budgets on steps, time, recursion and sizes, so no program can hang or exhaust the page.
//! It knows nothing of SQLAlchemy or Alembic; modules plug in by name.

mod builtins;
mod bytes;
mod carets;
mod dir;
mod eval;
mod format;
mod generator;
mod math;
mod host;
pub mod native;
pub mod object;
mod parse_float;
mod set_order;
mod subclass;
mod suggestions;
pub mod typing;

pub use format::fixed;
pub use eval::{available_modules, Interpreter, Never, Raised, Res, RunOutcome, TIME_BUDGET_MS};

/// The class attribute a native module's class defines to hear of attributes assigned to its
/// subclasses after their class statement (`cls`, `name`, `value`), as a metaclass's
/// `__setattr__` would.
pub const CLASS_SETATTR_HOOK: &str = "_sa_class_setattr";

/// What `python -V` and `sys.version` say: the language level the lab follows, and what it is.
pub const VERSION: &str = "3.11.0 (Alembic Lab's Python, an interpreter written in Rust)";
