//! What env.py talks to: `alembic.context` (Python, py/context.py) over the native `_alembic`
//! module here. A command sets the [`Environment`] (its ini file, `-x` arguments, `--sql`) and
//! runs env.py as Python; `context.configure()` keeps what env.py passes (the connection, the
//! target MetaData, its options) and `context.run_migrations()` records that the migrations are
//! to run. The command then runs them natively on the connection env.py gave, and its log lines
//! go through the logging env.py set up (`fileConfig`), so alembic.ini's logging settings apply.

use std::rc::Rc;

use crate::databases::SharedEngine;
use crate::interp::native::NativeFunction;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::sqlalchemy::engine::ConnectionObj;

use super::Runtime;

/// The command env.py runs for.
pub struct Environment {
    pub config_file_name: String,
    pub ini_section: String,
    /// `-x` arguments (`None` when none were given, as argparse leaves it).
    pub x_arguments: Option<Vec<String>>,
    /// The command's options and positionals, for `config.cmd_opts`.
    pub options: Vec<(&'static str, crate::migrate::cli::OptionValue)>,
    pub offline: bool,
    pub configured: Option<Configured>,
    /// What `context.run_migrations()` runs (taken when it runs, once).
    pub migration: Option<Migration>,
}

/// The command's migration, run by `context.run_migrations()` on what env.py configured.
pub type Migration = Box<dyn FnOnce(&mut Interpreter, &Configured) -> crate::Result<()>>;

/// What env.py passed to `context.configure()`.
#[derive(Clone)]
pub struct Configured {
    /// The database of `connection=` (online); `None` offline.
    pub database: Option<SharedEngine>,
    /// Whether that connection's driver connection enforces foreign keys (a `connect` listener).
    pub foreign_keys: bool,
    pub target_metadata: Obj,
    /// The other keywords (`render_as_batch`, `compare_type`, `include_object`, …) by name.
    pub options: Vec<(String, Obj)>,
}

impl Configured {
    /// `target_metadata` as a list: env.py may give one MetaData or a sequence of them.
    pub fn metadata_items(&self) -> Vec<Obj> {
        match &self.target_metadata {
            Obj::List(items) => items.borrow().clone(),
            Obj::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        }
    }

    pub fn option(&self, name: &str) -> Option<&Obj> {
        self.options.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

fn no_context<T>(py: &mut Interpreter, name: &str) -> Res<T> {
    super::proxy_missing(py, name, "EnvironmentContext")
}

/// The native half of `alembic.context`.
pub fn module(runtime: &Runtime) -> crate::interp::native::ModuleBuilder {
    let runtime = runtime.clone();
    Rc::new(move |_py: &mut Interpreter| {
        let r = runtime.clone();
        let environment = NativeFunction::function("environment", move |py, _, _| {
            let env = r.env.borrow();
            let Some(env) = env.as_ref() else { return Ok(Obj::None) };
            let x = match &env.x_arguments {
                Some(args) => Obj::list(args.iter().map(|a| Obj::str(a)).collect()),
                None => Obj::None,
            };
            let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
            py.set_item(&dict, Obj::str("config_file_name"), Obj::str(&env.config_file_name))?;
            py.set_item(&dict, Obj::str("ini_section"), Obj::str(&env.ini_section))?;
            let options = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
            for (name, value) in &env.options {
                let value = match value {
                    crate::migrate::cli::OptionValue::Flag(on) => Obj::Bool(*on),
                    crate::migrate::cli::OptionValue::Text(Some(text)) => Obj::str(text),
                    crate::migrate::cli::OptionValue::Text(None) => Obj::None,
                };
                py.set_item(&options, Obj::str(name), value)?;
            }
            py.set_item(&options, Obj::str("x"), x)?;
            py.set_item(&dict, Obj::str("options"), options)?;
            Ok(dict)
        });
        let r = runtime.clone();
        let configure = NativeFunction::function("configure", move |py, args, _| {
            let [connection, url, target_metadata, options] = args.as_slice() else {
                return py.error("TypeError", "configure(connection, url, target_metadata, options)");
            };
            let offline = match r.env.borrow().as_ref() {
                Some(env) => env.offline,
                None => return no_context(py, "configure"),
            };
            if let Obj::Str(url) = url {
                crate::sqlalchemy::engine::url_database(py, url)?;
            }
            let foreign_keys = connection.native::<ConnectionObj>().is_some_and(|c| c.foreign_keys());
            let database = match connection {
                Obj::None => None,
                other => match other.native::<ConnectionObj>() {
                    Some(conn) => Some(conn.engine.database.clone()),
                    None => {
                        let shown = py.repr_of(other)?;
                        return py.error("TypeError", format!("connection must be a Connection (engine.connect()), got {shown}"));
                    }
                },
            };
            let mut kept = Vec::new();
            for (key, value) in crate::sqlalchemy::statement::dict_items(py, options)? {
                kept.push((key, value));
            }
            if !offline && database.is_none() {
                return py.stop_not_available("context.configure() without connection= online (the lab's env.py connects with engine_from_config)");
            }
            if let Some(env) = r.env.borrow_mut().as_mut() {
                env.configured = Some(Configured { database, foreign_keys, target_metadata: target_metadata.clone(), options: kept });
            }
            // The migration context opens here, and says so through env.py's logging.
            use crate::migrate::runner::{emit_line, CONTEXT_IMPL, GENERATING_SQL, NON_TRANSACTIONAL};
            emit_line(py, CONTEXT_IMPL)?;
            if offline {
                emit_line(py, GENERATING_SQL)?;
            }
            emit_line(py, NON_TRANSACTIONAL)?;
            Ok(Obj::None)
        });
        let r = runtime.clone();
        let run_migrations = NativeFunction::function("run_migrations", move |py, _, _| {
            let taken = r.env.borrow_mut().as_mut().map(|env| (env.migration.take(), env.configured.clone()));
            let Some((migration, configured)) = taken else { return no_context(py, "run_migrations") };
            let Some(configured) = configured else {
                return py.error("AttributeError", "'NoneType' object has no attribute 'run_migrations' (call context.configure() first)");
            };
            let Some(migration) = migration else { return Ok(Obj::None) };
            match migration(py, &configured) {
                Ok(()) => Ok(Obj::None),
                // A Python exception from a revision or a hook goes on as itself.
                Err(error) => match r.pending.borrow_mut().take() {
                    Some(raised) => Err(raised),
                    None => super::raise_error(py, error, None),
                },
            }
        });
        let r = runtime.clone();
        let is_offline = NativeFunction::function("is_offline_mode", move |py, _, _| match r.env.borrow().as_ref() {
            Some(env) => Ok(Obj::Bool(env.offline)),
            None => no_context(py, "is_offline_mode"),
        });
        let r = runtime.clone();
        let require = NativeFunction::function("require", move |py, args, _| {
            if r.env.borrow().is_some() {
                return Ok(Obj::None);
            }
            let name = match args.first() {
                Some(Obj::Str(n)) => n.to_string(),
                _ => "context".to_string(),
            };
            no_context(py, &name)
        });
        let r = runtime.clone();
        let option = NativeFunction::function("option", move |_py, args, _| {
            let name = match args.first() {
                Some(Obj::Str(n)) => n.to_string(),
                _ => String::new(),
            };
            let env = r.env.borrow();
            Ok(env.as_ref().and_then(|e| e.configured.as_ref()).and_then(|c| c.option(&name).cloned()).unwrap_or(Obj::None))
        });
        let r = runtime.clone();
        let bind = NativeFunction::function("bind", move |py, _, _| {
            let env = r.env.borrow();
            match env.as_ref().and_then(|e| e.configured.as_ref()) {
                Some(Configured { database: Some(database), .. }) => Ok(crate::sqlalchemy::engine::migration_connection(database.clone())),
                Some(_) => Ok(Obj::None),
                None => {
                    drop(env);
                    no_context(py, "get_bind")
                }
            }
        });
        let unavailable = NativeFunction::function("unavailable", |py, args, _| {
            let what = match args.first() {
                Some(Obj::Str(w)) => w.to_string(),
                _ => "this".to_string(),
            };
            py.stop_not_available(&what)
        });
        Ok(vec![
            ("environment".into(), environment),
            ("configure".into(), configure),
            ("run_migrations".into(), run_migrations),
            ("is_offline_mode".into(), is_offline),
            ("require".into(), require),
            ("option".into(), option),
            ("bind".into(), bind),
            ("unavailable".into(), unavailable),
            // The migration context's dialect: SQLite's, with or without a connection.
            ("dialect".into(), crate::sqlalchemy::convert::native(crate::sqlalchemy::engine::Dialect)),
        ])
    })
}
