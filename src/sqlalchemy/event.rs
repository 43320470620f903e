//! `sqlalchemy.event`: `listen`, `listens_for`, `remove` and `contains`, for the pool events of
//! engines (`connect`, `first_connect`) — the events a SQLite program listens to, to turn
//! `PRAGMA foreign_keys` on for every connection. A listener on the `Engine` class hears every
//! engine of the program; one on an engine, that engine. Other events SQLAlchemy has are the lab's
//! "not available", and a name it does not have is SQLAlchemy's `InvalidRequestError`.

use std::rc::Rc;

use crate::interp::native::NativeType;
use crate::interp::object::{identity, Obj};
use crate::interp::{Interpreter, Res};

use super::convert::{flag, function, raise};
use super::engine::{EngineCore, EngineObj};

/// Where the listeners on the `Engine` class are kept, in the interpreter's native state.
const CLASS_LISTENERS: &str = "sqlalchemy.event Engine";

/// The events the lab fires (the pool's, as each new driver connection opens).
const FIRED: &[&str] = &["connect", "first_connect"];

/// The events SQLAlchemy 2.1 has for an engine (its pool's, its connections' and its dialect's)
/// that the lab does not fire.
const NOT_FIRED: &[&str] = &[
    "checkin", "checkout", "close", "close_detached", "detach", "invalidate", "reset", "soft_invalidate",
    "after_cursor_execute", "after_execute", "before_cursor_execute", "before_execute", "begin", "begin_twophase",
    "commit", "commit_twophase", "engine_connect", "engine_disposed", "prepare_twophase", "release_savepoint",
    "rollback", "rollback_savepoint", "rollback_twophase", "savepoint", "set_connection_execution_options",
    "set_engine_execution_options", "do_connect", "do_execute", "do_execute_no_params", "do_executemany",
    "do_setinputsizes", "handle_error",
];

/// What a listener is registered on.
enum Target {
    /// The `Engine` class: every engine.
    EngineClass,
    Engine(Rc<EngineCore>),
}

impl Target {
    /// As SQLAlchemy's messages print the target.
    fn shown(&self) -> String {
        match self {
            Target::EngineClass => "<class 'sqlalchemy.engine.base.Engine'>".to_string(),
            Target::Engine(core) => format!("Engine({})", core.url),
        }
    }
}

/// The module's members.
pub fn members() -> Vec<(String, Obj)> {
    vec![
        ("listen".into(), function("listen", |py, args, kwargs| {
            let [target, identifier, listener, ..] = args.as_slice() else {
                return py.error("TypeError", "listen() missing required positional arguments: 'target', 'identifier' and 'fn'");
            };
            listen(py, target, identifier, listener.clone(), &kwargs)?;
            Ok(Obj::None)
        })),
        ("listens_for".into(), function("listens_for", |py, args, kwargs| {
            let [target, identifier, ..] = args.as_slice() else {
                return py.error("TypeError", "listens_for() missing required positional arguments: 'target' and 'identifier'");
            };
            let (target, identifier) = (target.clone(), identifier.clone());
            Ok(function("decorate", move |py, args, _| {
                let Some(listener) = args.first() else { return py.error("TypeError", "decorate() missing 1 required positional argument: 'fn'") };
                listen(py, &target, &identifier, listener.clone(), &kwargs)?;
                Ok(listener.clone())
            }))
        })),
        ("remove".into(), function("remove", |py, args, _| {
            let [target, identifier, listener, ..] = args.as_slice() else {
                return py.error("TypeError", "remove() missing required positional arguments: 'target', 'identifier' and 'fn'");
            };
            let (target, identifier) = resolve(py, target, identifier)?;
            if !take(py, &target, &identifier, listener, true) {
                let shown = py.repr_of(listener)?;
                return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("No listeners found for event {} / '{identifier}' / {shown} ", target.shown()));
            }
            Ok(Obj::None)
        })),
        ("contains".into(), function("contains", |py, args, _| {
            let [target, identifier, listener, ..] = args.as_slice() else {
                return py.error("TypeError", "contains() missing required positional arguments: 'target', 'identifier' and 'fn'");
            };
            let (target, identifier) = resolve(py, target, identifier)?;
            Ok(Obj::Bool(take(py, &target, &identifier, listener, false)))
        })),
    ]
}

/// The target and event name of a call, checked as SQLAlchemy checks them.
fn resolve(py: &mut Interpreter, target: &Obj, identifier: &Obj) -> Res<(Target, String)> {
    let identifier = match identifier {
        Obj::Str(name) => name.to_string(),
        other => py.repr_of(other)?,
    };
    let resolved = if let Some(engine) = target.native::<EngineObj>() {
        Target::Engine(engine.0.clone())
    } else if target.native::<NativeType>().is_some_and(|t| t.0 == super::engine::ENGINE_CLASS) {
        Target::EngineClass
    } else {
        // Mapper, session, attribute and table events are on SQLAlchemy's own classes and objects.
        let orm_like = match target {
            Obj::Class(_) => true,
            Obj::Native(native) => matches!(
                native.type_name(),
                "builtin_function_or_method" | "Session" | "sessionmaker" | "InstrumentedAttribute" | "MetaData" | "Table" | "Column" | "Connection" | "Mapper"
            ),
            _ => false,
        };
        if orm_like {
            return py.stop_not_available(&format!("sqlalchemy.event listeners except an engine's \"connect\" and \"first_connect\" (the event '{identifier}')"));
        }
        let shown = py.str_of(target)?;
        return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("No such event '{identifier}' for target '{shown}'"));
    };
    if FIRED.contains(&identifier.as_str()) {
        return Ok((resolved, identifier));
    }
    if NOT_FIRED.contains(&identifier.as_str()) {
        return py.stop_not_available(&format!("the engine event '{identifier}' (the lab fires \"connect\" and \"first_connect\")"));
    }
    raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("No such event '{identifier}' for target '{}'", resolved.shown()))
}

fn listen(py: &mut Interpreter, target: &Obj, identifier: &Obj, listener: Obj, kwargs: &[(String, Obj)]) -> Res<()> {
    let (target, identifier) = resolve(py, target, identifier)?;
    let named = flag(py, kwargs, "named")?.unwrap_or(false);
    let insert = flag(py, kwargs, "insert")?.unwrap_or(false);
    if flag(py, kwargs, "once")?.unwrap_or(false) {
        return py.stop_not_available("event.listen(..., once=True)");
    }
    let entry = Obj::tuple(vec![Obj::str(&identifier), listener, Obj::Bool(named)]);
    let list = listeners(py, &target);
    if let Obj::List(items) = list {
        let mut items = items.borrow_mut();
        if insert { items.insert(0, entry) } else { items.push(entry) }
    }
    Ok(())
}

/// The list of (identifier, function, named) a target's listeners are kept in.
fn listeners(py: &mut Interpreter, target: &Target) -> Obj {
    match target {
        Target::EngineClass => py.native_state.entry(CLASS_LISTENERS.to_string()).or_insert_with(|| Obj::list(Vec::new())).clone(),
        Target::Engine(core) => core.pool.listeners.clone(),
    }
}

/// Whether `listener` listens to `identifier` on `target`; removed if `remove`.
fn take(py: &mut Interpreter, target: &Target, identifier: &str, listener: &Obj, remove: bool) -> bool {
    let Obj::List(items) = listeners(py, target) else { return false };
    let mut items = items.borrow_mut();
    let found = items.iter().position(|entry| match entry {
        Obj::Tuple(t) => matches!(&t[0], Obj::Str(name) if &**name == identifier) && identity(&t[1]) == identity(listener),
        _ => false,
    });
    if let (Some(at), true) = (found, remove) {
        items.remove(at);
    }
    found.is_some()
}

/// Whether any listener could hear `engine`'s events.
pub fn has_listeners(py: &Interpreter, engine: &EngineCore) -> bool {
    let class_wide = matches!(py.native_state.get(CLASS_LISTENERS), Some(Obj::List(items)) if !items.borrow().is_empty());
    let own = matches!(&engine.pool.listeners, Obj::List(items) if !items.borrow().is_empty());
    class_wide || own
}

/// Calls the listeners of `identifier` for `engine`: those on the class, then the engine's own.
pub fn fire(py: &mut Interpreter, engine: &Rc<EngineCore>, identifier: &str, args: Vec<Obj>) -> Res<()> {
    let mut chosen = Vec::new();
    for list in [py.native_state.get(CLASS_LISTENERS).cloned(), Some(engine.pool.listeners.clone())].into_iter().flatten() {
        if let Obj::List(items) = list {
            for entry in items.borrow().iter() {
                if let Obj::Tuple(t) = entry {
                    if matches!(&t[0], Obj::Str(name) if &**name == identifier) {
                        chosen.push((t[1].clone(), matches!(t[2], Obj::Bool(true))));
                    }
                }
            }
        }
    }
    for (listener, named) in chosen {
        if named {
            let names = ["dbapi_connection", "connection_record"];
            let kwargs = names.iter().zip(args.iter()).map(|(n, v)| (n.to_string(), v.clone())).collect();
            py.call(listener, Vec::new(), kwargs)?;
        } else {
            py.call(listener, args.clone(), Vec::new())?;
        }
    }
    Ok(())
}
