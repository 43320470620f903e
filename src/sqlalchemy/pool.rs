//! An engine's pool: the driver connections (Python's `sqlite3` connections) its Connections run
//! on. A driver connection keeps its own settings from one checkout to the next — `PRAGMA
//! foreign_keys` above all, which Python's sqlite3 leaves off — and a new one fires the pool's
//! `first_connect` and `connect` events, where programs turn such settings on
//! (`@event.listens_for(Engine, "connect")`). `poolclass=NullPool` opens a new one every time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::convert::native;
use super::dbapi::{ConnectionRecord, DbapiConnection};
use super::engine::EngineCore;

/// One driver connection's own state.
#[derive(Default)]
pub struct DbapiState {
    /// `PRAGMA foreign_keys`, as this connection last set it.
    pub foreign_keys: Cell<bool>,
    /// The `connection_record.info` dict listeners keep things in, made when first asked for.
    pub info: RefCell<Option<Obj>>,
}

impl DbapiState {
    /// After a statement outside a transaction: a `PRAGMA` may have changed this connection's
    /// settings, which it keeps from one transaction to the next.
    pub fn remember_pragma(&self, database: &crate::engine::Engine, sql: &str) {
        let pragma = sql.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("PRAGMA"));
        if pragma && !database.in_transaction() {
            if let Ok(on) = database.foreign_keys_enforced() {
                self.foreign_keys.set(on);
            }
        }
    }
}

pub struct Pool {
    /// False for `NullPool`: a connection checked in is closed, not kept.
    pooled: bool,
    idle: RefCell<Vec<Rc<DbapiState>>>,
    /// Whether `first_connect` has run (once per pool, until it succeeds).
    connected: Cell<bool>,
    /// `event.listen(engine, …)`: this engine's own listeners, a list of (identifier, function,
    /// named) tuples.
    pub listeners: Obj,
}

impl Pool {
    pub fn new(pooled: bool) -> Self {
        Pool { pooled, idle: RefCell::new(Vec::new()), connected: Cell::new(false), listeners: Obj::list(Vec::new()) }
    }

    pub fn check_in(&self, dbapi: Rc<DbapiState>) {
        if self.pooled {
            self.idle.borrow_mut().push(dbapi);
        }
    }
}

/// A driver connection for a new Connection: an idle one, or a new one after its events ran.
pub fn checkout(py: &mut Interpreter, engine: &Rc<EngineCore>) -> Res<Rc<DbapiState>> {
    if let Some(dbapi) = engine.pool.idle.borrow_mut().pop() {
        return Ok(dbapi);
    }
    let state = Rc::new(DbapiState::default());
    let listening = super::event::has_listeners(py, engine);
    if listening {
        let args = vec![native(DbapiConnection::new(engine.clone(), state.clone())), native(ConnectionRecord(state.clone()))];
        if !engine.pool.connected.get() {
            super::event::fire(py, engine, "first_connect", args.clone()).map_err(|raised| driver_error(py, raised))?;
        }
        engine.pool.connected.set(true);
        super::event::fire(py, engine, "connect", args).map_err(|raised| driver_error(py, raised))?;
    }
    engine.pool.connected.set(true);
    Ok(state)
}

/// A driver error a listener let out, as SQLAlchemy raises it from the connect: wrapped in its own
/// `DBAPIError` class (`sqlalchemy.exc.ProgrammingError: (sqlite3.ProgrammingError) …`), the
/// driver's error its cause. Any other exception goes on as it is.
fn driver_error(py: &mut Interpreter, raised: Box<crate::interp::Raised>) -> Box<crate::interp::Raised> {
    if raised.stop {
        return raised;
    }
    let from_driver = match &raised.value {
        Obj::Instance(instance) => instance.class.mro.borrow().iter().any(|c| &*c.name == "Error" && c.attrs.borrow().get_str("__module__").is_some_and(|m| matches!(m, Obj::Str(s) if &**s == "sqlite3"))),
        _ => false,
    };
    if !from_driver {
        return raised;
    }
    let wrapped = py.import("sqlalchemy.exc").and_then(|exc| py.get_attr(&exc, "_driver_error")).and_then(|wrap| py.call(wrap, vec![raised.value.clone()], Vec::new()));
    match wrapped {
        Ok(value) => py.reraise_as(raised, value),
        Err(other) => other,
    }
}
