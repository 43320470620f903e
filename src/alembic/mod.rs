//! The lab's `alembic` package as revision files see it: `from alembic import op`. Each `op.*`
//! call becomes an [`Op`] handed to the migration that is running — run on the database (online)
//! or written out as SQL (`--sql`) — the moment `upgrade()` or `downgrade()` calls it, so local
//! variables, loops, helper functions and data migrations run as written.

pub mod batch;
pub mod directives;
pub mod environment;
pub mod hooks;
pub mod op;

use std::cell::RefCell;
use std::rc::Rc;

use crate::databases::{Databases, SharedEngine};
use crate::error::{Error, ErrorKind};
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Never, Res};
use crate::migrate::apply::{apply, plan};
use crate::migrate::ops::Op;

/// The version `alembic.__version__` reports: the one the lab follows.
pub const VERSION: &str = "1.20.1";

/// Where the operations of the revision being run go.
pub enum Target {
    /// Run on this database as they are called; `bind` is `op.get_bind()`'s connection, made
    /// on first use; `lost` is the data the drops took (table or `table.column`, rows).
    Online { database: SharedEngine, bind: Option<Obj>, lost: Vec<(String, i64)> },
    /// `--sql`: written to the output as SQL. There is no database (`op.get_bind()` is `None`).
    Offline,
    /// Kept, not run: what a revision does, to show or compare (`op.get_bind()` is `None`).
    Collect(Vec<Op>),
}

/// The migration context the `op` functions hand their operations to (set by the runner around
/// each `upgrade()` / `downgrade()` call, empty otherwise), and the command env.py runs for.
#[derive(Clone, Default)]
pub struct Runtime {
    target: Rc<RefCell<Option<Target>>>,
    pub env: Rc<RefCell<Option<environment::Environment>>>,
    /// A Python exception raised inside the migration, kept while native code unwinds to the
    /// `run_migrations()` call that raises it again in env.py.
    pub pending: Rc<RefCell<Option<Box<crate::interp::Raised>>>>,
}

impl Runtime {
    pub fn start(&self, target: Target) {
        *self.target.borrow_mut() = Some(target);
    }

    /// Ends the migration's part, giving back its target (with what it collected).
    pub fn stop(&self) -> Option<Target> {
        self.target.borrow_mut().take()
    }

    /// Runs or writes one operation; a failure is the Python exception Alembic's would be.
    pub fn submit(&self, py: &mut Interpreter, name: &str, op: Op) -> Res<()> {
        /// Where the operation goes, decided while the target is borrowed.
        enum Destination {
            Nowhere,
            Sql,
            Database(SharedEngine),
        }
        let destination = match &mut *self.target.borrow_mut() {
            None => Destination::Nowhere,
            Some(Target::Collect(ops)) => {
                ops.push(op);
                return Ok(());
            }
            Some(Target::Offline) => Destination::Sql,
            Some(Target::Online { database, lost, .. }) => {
                if let Ok(engine) = database.try_borrow() {
                    lost.extend(crate::migrate::runner::data_in(&engine, &op));
                }
                Destination::Database(database.clone())
            }
        };
        match destination {
            Destination::Nowhere => no_proxy(py, name),
            Destination::Sql => {
                let statements = match plan(&op, None) {
                    Ok(statements) => statements,
                    Err(error) => return raise_error(py, error, None),
                };
                for statement in statements {
                    // One statement per row, as Alembic renders an executemany.
                    for row in statement.params {
                        write_offline(py, &statement.sql, &row)?;
                    }
                }
                Ok(())
            }
            Destination::Database(database) => {
                let outcome = {
                    let mut engine = match Databases::borrow(&database) {
                        Ok(engine) => engine,
                        Err(busy) => return raise_error(py, busy, None),
                    };
                    apply(&mut engine, &op).map_err(|e| (e, engine.last_logged().map(|s| s.sql.clone())))
                };
                match outcome {
                    Ok(()) => Ok(()),
                    Err((error, sql)) => raise_error(py, error, sql),
                }
            }
        }
    }


    /// `op.get_bind()`: the migration's connection online, `None` offline.
    pub fn bind(&self, py: &mut Interpreter) -> Res<Obj> {
        let mut target = self.target.borrow_mut();
        match &mut *target {
            None => {
                drop(target);
                no_proxy(py, "get_bind")
            }
            Some(Target::Offline) => Ok(crate::sqlalchemy::convert::native(OfflineConnection)),
            Some(Target::Collect(_)) => Ok(Obj::None),
            Some(Target::Online { database, bind, .. }) => {
                Ok(bind.get_or_insert_with(|| crate::sqlalchemy::engine::migration_connection(database.clone())).clone())
            }
        }
    }

    pub fn is_offline(&self) -> bool {
        matches!(&*self.target.borrow(), Some(Target::Offline))
    }
}

/// A statement as `--sql` writes it: parameters as literals, `;`, a blank line.
pub fn write_offline(py: &mut Interpreter, sql: &str, params: &[crate::value::Value]) -> Res<()> {
    let statement = crate::migrate::apply::Statement { sql: sql.to_string(), params: vec![params.to_vec()] };
    py.write(&format!("{}\n\n", statement.offline_text().replace('\t', "    ")))
}

/// An `op.*` call outside a migration (at a revision file's top level), in Alembic's words.
fn no_proxy<T>(py: &mut Interpreter, name: &str) -> Res<T> {
    proxy_missing(py, name, "Operations")
}

/// Alembic's proxies (`op`, `context`) used where there is nothing behind them: its NameError,
/// raised from the one its proxy met inside (as a traceback shows it).
pub fn proxy_missing<T>(py: &mut Interpreter, name: &str, class: &str) -> Res<T> {
    let exc = py.import("alembic.util.exc")?;
    let make = py.get_attr(&exc, "_proxy_missing")?;
    let error = py.call(make, vec![Obj::str(name), Obj::str(class)], Vec::new())?;
    py.raise(error)
}

/// A DDL statement as SQLAlchemy's compiler writes it, which is what its errors quote:
/// `CREATE TABLE` and `DROP …` begin with a newline, `CREATE TABLE` ends with two.
fn as_compiled(sql: &str) -> String {
    if sql.starts_with("CREATE TABLE") {
        format!("\n{sql}\n\n")
    } else if sql.starts_with("DROP TABLE") || sql.starts_with("DROP INDEX") {
        format!("\n{sql}")
    } else {
        sql.to_string()
    }
}

/// The lab's error as the exception Python code sees: a database error as SQLAlchemy's (with
/// the statement that failed), Alembic's `CommandError`, or the built-in exception it names.
pub fn raise_error<T>(py: &mut Interpreter, error: Error, sql: Option<String>) -> Res<T> {
    raise_error_once(py, error, sql).map(|never| match never {})
}

#[inline(never)]
fn raise_error_once(py: &mut Interpreter, error: Error, sql: Option<String>) -> Res<Never> {
    match error.kind() {
        ErrorKind::OperationalError | ErrorKind::IntegrityError | ErrorKind::ProgrammingError => {
            crate::sqlalchemy::engine::database_error(py, error, &as_compiled(&sql.unwrap_or_default()), Obj::None)
        }
        ErrorKind::CommandError => {
            let module = py.import("alembic.util.exc")?;
            let class = py.get_attr(&module, "CommandError")?;
            let value = py.call(class, vec![Obj::str(error.message())], Vec::new())?;
            // Raised from the revision map's error, which was raised in Alembic's own code (its
            // frames are not shown; its traceback header is).
            if let Some((qualified, message)) = error.cause() {
                // The revision map's errors live beside CommandError (their __module__ is Alembic's).
                let class = qualified.rsplit('.').next().unwrap_or(qualified);
                let class = py.get_attr(&module, class)?;
                let cause = py.call(class, vec![Obj::str(message)], Vec::new())?;
                py.set_attr(&cause, "__lab_library_frames__", Obj::Bool(true))?;
                py.set_attr(&value, "__cause__", cause)?;
                py.set_attr(&value, "__suppress_context__", Obj::Bool(true))?;
            }
            py.raise(value)
        }
        ErrorKind::LabLimit | ErrorKind::NotAvailable => py.stop(error.message()),
        other => py.error(other.name(), error.message()),
    }
}

/// Makes `alembic`, `alembic.op` and `alembic.util` importable; `op` hands its operations to
/// `runtime`.
pub fn install(py: &mut Interpreter, runtime: Runtime) {
    py.register_python_module("alembic.util.exc", "alembic/util/exc.py", include_str!("py/exc.py"));
    py.register_python_module("alembic.util", "alembic/util/__init__.py", "from alembic.util.exc import CommandError, AutogenerateDiffsDetected\n");
    py.register_python_module("alembic.config", "alembic/config.py", include_str!("py/config.py"));
    py.register_python_module("alembic.context", "alembic/context.py", include_str!("py/context.py"));
    py.register_module("_alembic", environment::module(&runtime));
    let for_op = runtime.clone();
    py.register_module("alembic.op", Rc::new(move |_py: &mut Interpreter| Ok(op::members(&for_op))));
    // `op` becomes an attribute of `alembic` as the submodule is imported (`from alembic import op`).
    py.register_module("alembic", Rc::new(|_py: &mut Interpreter| Ok(vec![("__version__".into(), Obj::str(VERSION))])));
}

/// `op.get_bind()` under `--sql`: there is no database, so what it executes is written out as
/// SQL, and it returns nothing (`None`), as Alembic's mock connection does.
pub struct OfflineConnection;

impl crate::interp::native::Native for OfflineConnection {
    fn type_name(&self) -> &str {
        "MockConnection"
    }
    fn class_path(&self) -> &str {
        "sqlalchemy.engine.mock.MockConnection"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.engine.mock.MockConnection object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        if name == "dialect" {
            return Ok(Some(crate::sqlalchemy::convert::native(crate::sqlalchemy::engine::Dialect)));
        }
        // Its own engine, and what connecting to that gives (a Session bound to it gets that far).
        if name == "engine" {
            return Ok(Some(this.clone()));
        }
        if name == "connect" {
            return Ok(Some(crate::sqlalchemy::convert::method(this, "connect", |_, this, _, _| Ok(this.clone()))));
        }
        if name != "execute" {
            return Ok(None);
        }
        Ok(Some(crate::sqlalchemy::convert::method(this, "execute", |py, _, args, kwargs| {
            let Some(statement) = args.first() else {
                return py.error("TypeError", "execute() missing 1 required positional argument: 'obj'");
            };
            let parameters = args.get(1).or_else(|| crate::sqlalchemy::convert::kwarg(&kwargs, "parameters")).cloned();
            let given = match &parameters {
                Some(dict) if !matches!(dict, Obj::None) => crate::sqlalchemy::statement::dict_items(py, dict)?,
                _ => Vec::new(),
            };
            let (sql, params) = op::statement_of(py, statement, &given)?;
            write_offline(py, &sql, &params)?;
            Ok(Obj::None)
        })))
    }
}
