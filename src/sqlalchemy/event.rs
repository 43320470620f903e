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

/// Where the listeners on mapped classes (and on `Mapper`, every class) are kept.
const MAPPER_LISTENERS: &str = "sqlalchemy.event mappers";

/// The mapper events the lab fires, from the flush.
const MAPPER_FIRED: &[&str] = &["before_insert", "after_insert", "before_update", "after_update", "before_delete", "after_delete"];

/// The mapper and instance events SQLAlchemy 2.1 has that the lab does not fire.
const MAPPER_NOT_FIRED: &[&str] = &[
    "after_configured", "after_mapper_constructed", "before_configured", "before_mapper_configured", "instrument_class",
    "mapper_configured", "expire", "init", "init_failure", "load", "pickle", "refresh", "refresh_flush", "unpickle",
];

/// Where the listeners on sessions are kept.
const SESSION_LISTENERS: &str = "sqlalchemy.event sessions";

/// The session events the lab fires.
const SESSION_FIRED: &[&str] = &["before_commit", "after_commit", "after_rollback", "before_flush", "after_flush", "after_flush_postexec", "after_begin"];

/// The session events SQLAlchemy 2.1 has that the lab does not fire.
const SESSION_NOT_FIRED: &[&str] = &[
    "after_attach", "after_bulk_delete", "after_bulk_update", "after_soft_rollback", "after_transaction_create", "after_transaction_end",
    "before_attach", "deleted_to_detached", "deleted_to_persistent", "detached_to_persistent", "do_orm_execute", "loaded_as_persistent",
    "pending_to_persistent", "pending_to_transient", "persistent_to_deleted", "persistent_to_detached", "persistent_to_transient",
    "transient_to_pending",
];

/// The flush context a session's flush events get (SQLAlchemy's unit of work).
pub struct FlushContext;

impl crate::interp::native::Native for FlushContext {
    fn type_name(&self) -> &str {
        "UOWTransaction"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.unitofwork.UOWTransaction object at {:#x}>", identity(this)))
    }
}

/// What a listener is registered on.
enum Target {
    /// The `Engine` class: every engine.
    EngineClass,
    Engine(Rc<EngineCore>),
    /// A declarative class (mapped, or a base whose mapped subclasses `propagate=True` reaches).
    Class(Rc<crate::interp::object::Class>),
    /// The `Mapper` class: every mapped class.
    MapperClass,
    /// `Session` (every session: 0), a sessionmaker (the sessions it makes) or a session, by
    /// identity.
    Session(usize),
}

impl Target {
    /// As SQLAlchemy's messages print the target.
    fn shown(&self) -> String {
        match self {
            Target::EngineClass => "<class 'sqlalchemy.engine.base.Engine'>".to_string(),
            Target::Engine(core) => format!("Engine({})", core.url),
            Target::Class(class) => format!("<class '{}'>", super::orm::mapper::qualified_name(class)),
            Target::MapperClass => format!("<class '{}'>", super::orm::mapper::MAPPER_CLASS),
            Target::Session(0) => "<class 'sqlalchemy.orm.session.Session'>".to_string(),
            Target::Session(_) => "<sqlalchemy.orm.session.Session object>".to_string(),
        }
    }

    fn is_mapper_target(&self) -> bool {
        matches!(self, Target::Class(_) | Target::MapperClass)
    }
}

/// The module's members.
pub fn members() -> Vec<(String, Obj)> {
    vec![
        ("listen".into(), function("listen", |py, args, kwargs| {
            let [target, identifier, listener, ..] = args.as_slice() else {
                return missing(py, "listen", &["target", "identifier", "fn"], args.len());
            };
            listen(py, target, identifier, listener.clone(), &kwargs)?;
            Ok(Obj::None)
        })),
        ("listens_for".into(), function("listens_for", |py, args, kwargs| {
            let [target, identifier, ..] = args.as_slice() else {
                return missing(py, "listens_for", &["target", "identifier"], args.len());
            };
            let (target, identifier) = (target.clone(), identifier.clone());
            Ok(function("decorate", move |py, args, _| {
                let Some(listener) = args.first() else { return missing(py, "listens_for.<locals>.decorate", &["fn"], 0) };
                listen(py, &target, &identifier, listener.clone(), &kwargs)?;
                Ok(listener.clone())
            }))
        })),
        ("remove".into(), function("remove", |py, args, _| {
            let [target, identifier, listener, ..] = args.as_slice() else {
                return missing(py, "remove", &["target", "identifier", "fn"], args.len());
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
                return missing(py, "contains", &["target", "identifier", "fn"], args.len());
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
    let declarative = match target {
        // A subclass of the lab's DeclarativeBase: the class that defines the declarative hook.
        Obj::Class(class) => class.mro.borrow().iter().any(|c| c.attrs.borrow().get_str(crate::interp::CLASS_SETATTR_HOOK).is_some()),
        _ => false,
    };
    let session_class = py.import("sqlalchemy.orm").and_then(|orm| py.get_attr(&orm, "Session")).ok();
    let resolved = if let Some(session) = target.native::<super::orm::session::SessionObj>() {
        Target::Session(Rc::as_ptr(&session.0) as usize)
    } else if matches!(target, Obj::Native(n) if n.type_name() == "sessionmaker") {
        Target::Session(identity(target))
    } else if session_class.is_some_and(|c| identity(&c) == identity(target)) {
        Target::Session(0)
    } else if let Some(engine) = target.native::<EngineObj>() {
        Target::Engine(engine.0.clone())
    } else if target.native::<NativeType>().is_some_and(|t| t.0 == super::engine::ENGINE_CLASS) {
        Target::EngineClass
    } else if target.native::<NativeType>().is_some_and(|t| t.0 == super::orm::mapper::MAPPER_CLASS) {
        Target::MapperClass
    } else if let (true, Obj::Class(class)) = (declarative, target) {
        Target::Class(class.clone())
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
    if let Target::Session(_) = resolved {
        if SESSION_FIRED.contains(&identifier.as_str()) {
            return Ok((resolved, identifier));
        }
        if SESSION_NOT_FIRED.contains(&identifier.as_str()) {
            return py.stop_not_available(&format!("the session event '{identifier}' (the lab fires before_/after_commit, after_rollback, before_/after_flush, after_flush_postexec, after_begin)"));
        }
    } else if resolved.is_mapper_target() {
        if MAPPER_FIRED.contains(&identifier.as_str()) {
            return Ok((resolved, identifier));
        }
        if MAPPER_NOT_FIRED.contains(&identifier.as_str()) {
            return py.stop_not_available(&format!("the mapper event '{identifier}' (the lab fires the flush's before_/after_ insert, update and delete)"));
        }
    } else {
        if FIRED.contains(&identifier.as_str()) {
            return Ok((resolved, identifier));
        }
        if NOT_FIRED.contains(&identifier.as_str()) {
            return py.stop_not_available(&format!("the engine event '{identifier}' (the lab fires \"connect\" and \"first_connect\")"));
        }
    }
    raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("No such event '{identifier}' for target '{}'", resolved.shown()))
}

/// Python's TypeError for positional arguments left out: `listen() missing 1 required positional
/// argument: 'fn'`.
fn missing<T>(py: &mut Interpreter, function: &str, names: &[&str], given: usize) -> Res<T> {
    let left: Vec<String> = names.iter().skip(given).map(|n| format!("'{n}'")).collect();
    let listed = match left.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let noun = if left.len() == 1 { "argument" } else { "arguments" };
    py.error("TypeError", format!("{function}() missing {} required positional {noun}: {listed}", left.len()))
}

fn listen(py: &mut Interpreter, target: &Obj, identifier: &Obj, listener: Obj, kwargs: &[(String, Obj)]) -> Res<()> {
    let (target, identifier) = resolve(py, target, identifier)?;
    // SQLAlchemy keeps a weak reference to the listener: what has none cannot listen.
    if !matches!(listener, Obj::Function(_) | Obj::Class(_) | Obj::Instance(_) | Obj::Method(..) | Obj::Native(_) | Obj::Builtin(_)) {
        let name = listener.type_name();
        return py.error("TypeError", format!("cannot create weak reference to '{name}' object"));
    }
    let named = flag(py, kwargs, "named")?.unwrap_or(false);
    let insert = flag(py, kwargs, "insert")?.unwrap_or(false);
    if flag(py, kwargs, "once")?.unwrap_or(false) {
        return py.stop_not_available("event.listen(..., once=True)");
    }
    let propagate = flag(py, kwargs, "propagate")?.unwrap_or(false);
    let entry = match &target {
        Target::Class(class) => Obj::tuple(vec![Obj::str(&identifier), listener, Obj::Bool(named), Obj::Class(class.clone()), Obj::Bool(propagate)]),
        Target::Session(id) => Obj::tuple(vec![Obj::str(&identifier), listener, Obj::Bool(named), Obj::Int(*id as i64), Obj::Bool(propagate)]),
        _ => Obj::tuple(vec![Obj::str(&identifier), listener, Obj::Bool(named), Obj::None, Obj::Bool(propagate)]),
    };
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
        Target::Class(_) | Target::MapperClass => py.native_state.entry(MAPPER_LISTENERS.to_string()).or_insert_with(|| Obj::list(Vec::new())).clone(),
        Target::Session(_) => py.native_state.entry(SESSION_LISTENERS.to_string()).or_insert_with(|| Obj::list(Vec::new())).clone(),
    }
}

/// Whether `listener` listens to `identifier` on `target`; removed if `remove`.
fn take(py: &mut Interpreter, target: &Target, identifier: &str, listener: &Obj, remove: bool) -> bool {
    let Obj::List(items) = listeners(py, target) else { return false };
    let mut items = items.borrow_mut();
    let on = match target {
        Target::Class(class) => Some(Rc::as_ptr(class) as usize),
        Target::Session(id) => Some(*id),
        _ => None,
    };
    let found = items.iter().position(|entry| match entry {
        Obj::Tuple(t) => {
            let same_target = match (&t[3], on) {
                (Obj::Class(c), Some(ptr)) => Rc::as_ptr(c) as usize == ptr,
                (Obj::Int(id), Some(ptr)) => *id as usize == ptr,
                (Obj::None, None) => true,
                _ => false,
            };
            same_target && matches!(&t[0], Obj::Str(name) if &**name == identifier) && identity(&t[1]) == identity(listener)
        }
        _ => false,
    });
    if let (Some(at), true) = (found, remove) {
        items.remove(at);
    }
    found.is_some()
}

/// Whether any listener could hear `engine`'s events.
pub fn has_listeners(py: &Interpreter, engine: &EngineCore) -> bool {
    let class_wide = any_listeners(py, CLASS_LISTENERS);
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
    call_listeners(py, chosen, &["dbapi_connection", "connection_record"], &args)
}

/// Calls each listener with the event's arguments: by position, or by name with `named=True`.
fn call_listeners(py: &mut Interpreter, chosen: Vec<(Obj, bool)>, names: &[&str], args: &[Obj]) -> Res<()> {
    for (listener, named) in chosen {
        if named {
            let kwargs = names.iter().zip(args.iter()).map(|(n, v)| (n.to_string(), v.clone())).collect();
            py.call(listener, Vec::new(), kwargs)?;
        } else {
            py.call(listener, args.to_vec(), Vec::new())?;
        }
    }
    Ok(())
}

/// Whether the listener list kept under `key` has any.
fn any_listeners(py: &Interpreter, key: &str) -> bool {
    matches!(py.native_state.get(key), Some(Obj::List(items)) if !items.borrow().is_empty())
}

/// Whether any listener waits for mapper events (the flush asks before building their arguments).
pub fn has_mapper_listeners(py: &Interpreter) -> bool {
    any_listeners(py, MAPPER_LISTENERS)
}

/// Calls the listeners of mapper event `identifier` for `instance`: those on its class, on a base
/// class with `propagate=True`, and on `Mapper`, in the order they were registered, each with
/// (mapper, connection, target).
pub fn fire_mapper(py: &mut Interpreter, identifier: &str, mapper: &Rc<super::orm::mapper::Mapper>, connection: &Rc<super::engine::Conn>, instance: &Obj) -> Res<()> {
    let Some(Obj::List(items)) = py.native_state.get(MAPPER_LISTENERS).cloned() else { return Ok(()) };
    let Some(Obj::Class(class)) = mapper.class_obj() else { return Ok(()) };
    let mut chosen = Vec::new();
    for entry in items.borrow().iter() {
        let Obj::Tuple(t) = entry else { continue };
        if !matches!(&t[0], Obj::Str(name) if &**name == identifier) {
            continue;
        }
        let hears = match (&t[3], &t[4]) {
            (Obj::None, _) => true,
            (Obj::Class(on), _) if Rc::ptr_eq(on, &class) => true,
            (Obj::Class(on), Obj::Bool(true)) => class.mro.borrow().iter().any(|c| Rc::ptr_eq(c, on)),
            _ => false,
        };
        if hears {
            chosen.push((t[1].clone(), matches!(t[2], Obj::Bool(true))));
        }
    }
    if chosen.is_empty() {
        return Ok(());
    }
    let args = vec![
        super::convert::native(super::orm::mapper::MapperObj(mapper.clone())),
        super::convert::native(super::engine::ConnectionObj { conn: connection.clone(), begin_block: false }),
        instance.clone(),
    ];
    call_listeners(py, chosen, &["mapper", "connection", "target"], &args)
}

/// Whether any listener waits for session events.
pub fn has_session_listeners(py: &Interpreter) -> bool {
    any_listeners(py, SESSION_LISTENERS)
}

/// Calls the listeners of session event `identifier` for `session`: those on `Session`, then on
/// its sessionmaker, then on it, each in the order registered.
pub fn fire_session(py: &mut Interpreter, identifier: &str, session: &Rc<super::orm::session::SessionCore>, args: Vec<Obj>) -> Res<()> {
    let Some(Obj::List(items)) = py.native_state.get(SESSION_LISTENERS).cloned() else { return Ok(()) };
    let own = Rc::as_ptr(session) as usize;
    let maker = session.maker.get();
    let mut chosen: Vec<(u8, Obj, bool)> = Vec::new();
    for entry in items.borrow().iter() {
        let Obj::Tuple(t) = entry else { continue };
        if !matches!(&t[0], Obj::Str(name) if &**name == identifier) {
            continue;
        }
        let rank = match &t[3] {
            Obj::Int(0) => 0,
            Obj::Int(id) if maker != 0 && *id as usize == maker => 1,
            Obj::Int(id) if *id as usize == own => 2,
            _ => continue,
        };
        chosen.push((rank, t[1].clone(), matches!(t[2], Obj::Bool(true))));
    }
    chosen.sort_by_key(|(rank, _, _)| *rank);
    let names: &[&str] = match identifier {
        "before_flush" => &["session", "flush_context", "instances"],
        "after_flush" | "after_flush_postexec" => &["session", "flush_context"],
        "after_begin" => &["session", "transaction", "connection"],
        _ => &["session"],
    };
    call_listeners(py, chosen.into_iter().map(|(_, listener, named)| (listener, named)).collect(), names, &args)
}
