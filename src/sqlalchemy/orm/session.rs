//! `Session` and `sessionmaker`: the identity map, the unit of work (a flush writes what was
//! added, changed and deleted, in dependency order, with the SQL SQLAlchemy emits on SQLite),
//! transactions that begin on first use, and expiry on commit, whose refresh `SELECT` the
//! learner sees when an attribute is read after `commit()`.

use std::cell::{Cell, RefCell};
use crate::fast_hash::FastMap;
use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::{Instance, Obj};
use crate::interp::{Interpreter, Res};
use crate::value::Value;

use super::super::convert::{flag, kwarg, method, native, raise, to_value};
use super::super::engine::{Conn, ConnectionObj, EngineObj, Stat};
use super::super::expression::Sql;
use super::super::result::ResultObj;
use super::super::statement::{DmlKind, DmlObj, DmlState, SelectObj, SelectState, Selected};
use super::deferred::{default_loading, spread, ColumnLoading};
use super::mapper::{ensure_state, mapper_of, qualified_name, state_of, InstanceState, Mapper};
use super::relationship;

/// How a SELECT's rows hold one entity: the columns it loads, and its `column_property()`
/// expressions (`leading` of them before the columns, `trailing` after).
struct EntityShape {
    loading: Vec<ColumnLoading>,
    leading: usize,
    trailing: usize,
    expressions: Vec<super::column_property::ExpressionProperty>,
}

/// A statement with the execution options `session.execute(stmt, execution_options={...})` gives.
fn with_execution_options(py: &mut Interpreter, statement: &Obj, options: &[(String, Obj)]) -> Res<Obj> {
    if let Some(select) = statement.native::<SelectObj>() {
        let mut state = select.0.clone();
        crate::sqlalchemy::statement::execution_options(py, &mut state, options)?;
        return Ok(native(SelectObj(state)));
    }
    if let Some(dml) = statement.native::<DmlObj>() {
        let mut state = dml.0.clone();
        crate::sqlalchemy::statement::dml_execution_options(py, &mut state, options)?;
        return Ok(native(DmlObj(state)));
    }
    if let Some((name, _)) = options.first() {
        return py.stop_not_available(&format!("execution_options({name}=...) of this statement"));
    }
    Ok(statement.clone())
}

/// An identity: the mapped table and the primary key's values (as text, to hash).
type IdentityKey = (String, String);

fn identity_key(mapper: &Mapper, key: &[Value]) -> IdentityKey {
    (mapper.table_name.clone(), key.iter().map(Value::python_repr).collect::<Vec<_>>().join(","))
}

fn state_str(instance: &Obj, mapper: &Mapper) -> String {
    format!("<{} at {:#x}>", mapper.class_name, crate::interp::object::identity(instance))
}

/// The session's state.
pub struct SessionCore {
    /// The session itself, for the events it hands to listeners.
    me: std::rc::Weak<SessionCore>,
    /// The `sessionmaker` that made it (its identity), whose event listeners it has.
    pub maker: Cell<usize>,
    bind: Option<Obj>,
    conn: RefCell<Option<Rc<Conn>>>,
    /// The identity map holds its objects weakly, as SQLAlchemy's does: an object nothing else
    /// refers to (and with no change to flush) leaves it.
    identity: RefCell<FastMap<IdentityKey, std::rc::Weak<Instance>>>,
    /// Persistent objects in the order they entered the session (expiry goes in order).
    order: RefCell<Vec<(IdentityKey, std::rc::Weak<Instance>)>>,
    /// Persistent objects changed since the last flush, held until it writes them.
    modified: RefCell<Vec<Obj>>,
    new: RefCell<Vec<Obj>>,
    deleted: RefCell<Vec<Obj>>,
    pub autoflush: bool,
    expire_on_commit: bool,
    /// A flush failed: the message PendingRollbackError repeats until `rollback()`.
    failed: RefCell<Option<String>>,
    flushing: Cell<bool>,
    /// `session.no_autoflush` and loads inside a flush.
    no_autoflush: Cell<u32>,
    /// Objects inserted or deleted by flushes of the transaction now open: a rollback makes the
    /// first transient again and brings the second back.
    /// Held weakly, as SQLAlchemy's transaction holds them: an object nothing refers to is gone.
    inserted: RefCell<Vec<std::rc::Weak<Instance>>>,
    removed: RefCell<Vec<Obj>>,
    /// `begin_nested()` levels open, innermost last.
    nested: RefCell<Vec<Rc<super::savepoint::Savepoint>>>,
    /// Objects the transaction's flushes updated (a savepoint's rollback expires those it saw),
    /// held weakly.
    updated: RefCell<Vec<std::rc::Weak<Instance>>>,
    /// `Session(bind=connection)`'s connection was already in a transaction when the session
    /// joined it: commit leaves that transaction to its owner, as SQLAlchemy's default
    /// join_transaction_mode ("conservative_savepoint", no savepoint) does; rollback still ends it.
    joined: Cell<bool>,
}

impl SessionCore {
    pub fn new(bind: Option<Obj>, autoflush: bool, expire_on_commit: bool) -> Rc<SessionCore> {
        Rc::new_cyclic(|me| SessionCore {
            me: me.clone(),
            maker: Cell::new(0),
            bind,
            conn: RefCell::new(None),
            identity: RefCell::new(FastMap::default()),
            order: RefCell::new(Vec::new()),
            modified: RefCell::new(Vec::new()),
            new: RefCell::new(Vec::new()),
            deleted: RefCell::new(Vec::new()),
            autoflush,
            expire_on_commit,
            failed: RefCell::new(None),
            flushing: Cell::new(false),
            no_autoflush: Cell::new(0),
            inserted: RefCell::new(Vec::new()),
            removed: RefCell::new(Vec::new()),
            nested: RefCell::new(Vec::new()),
            updated: RefCell::new(Vec::new()),
            joined: Cell::new(false),
        })
    }

    fn check_failed(&self, py: &mut Interpreter) -> Res<()> {
        let failed = self.failed.borrow().clone();
        if let Some(original) = failed {
            return raise(
                py,
                "sqlalchemy.exc",
                "PendingRollbackError",
                &format!("This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: {original}"),
            );
        }
        Ok(())
    }

    /// Session event `identifier` for the listeners on Session, on its sessionmaker or on it.
    fn emit(&self, py: &mut Interpreter, identifier: &str, extra: Vec<Obj>) -> Res<()> {
        if !crate::sqlalchemy::event::has_session_listeners(py) {
            return Ok(());
        }
        let Some(me) = self.me.upgrade() else { return Ok(()) };
        let mut args = vec![native(SessionObj(me.clone()))];
        args.extend(extra);
        crate::sqlalchemy::event::fire_session(py, identifier, &me, args)
    }

    fn bound_connection(&self) -> Option<Rc<Conn>> {
        self.bind.as_ref().and_then(|b| b.native::<ConnectionObj>().map(|c| c.conn.clone()))
    }

    /// The session's connection, its transaction begun, and the SAVEPOINTs of `begin_nested()`
    /// levels not sent yet.
    pub fn connection(&self, py: &mut Interpreter) -> Res<Rc<Conn>> {
        let conn = self.transaction_connection(py)?;
        let unsent: Vec<_> = self.nested.borrow().iter().filter(|s| s.active.get() && s.name.borrow().is_none()).cloned().collect();
        for savepoint in unsent {
            let name = conn.savepoint(py)?;
            *savepoint.name.borrow_mut() = Some(name);
        }
        Ok(conn)
    }

    /// `session.begin_nested()`: what is pending is flushed, then a savepoint level opens.
    pub fn begin_nested(self: &Rc<Self>, py: &mut Interpreter) -> Res<Obj> {
        self.flush(py)?;
        let savepoint = Rc::new(super::savepoint::Savepoint {
            name: RefCell::new(None),
            new_before: self.new.borrow().iter().map(crate::interp::object::identity).collect(),
            inserted_at: self.inserted.borrow().len(),
            updated_at: self.updated.borrow().len(),
            active: Cell::new(true),
        });
        self.nested.borrow_mut().push(savepoint.clone());
        Ok(native(super::savepoint::NestedTransaction { session: self.clone(), savepoint }))
    }

    /// The end of a `begin_nested()` level that keeps its work: a flush, `RELEASE SAVEPOINT`.
    pub fn release_savepoint(self: &Rc<Self>, py: &mut Interpreter, savepoint: &Rc<super::savepoint::Savepoint>) -> Res<()> {
        if !savepoint.active.get() {
            return Ok(());
        }
        self.flush(py)?;
        self.end_savepoint(py, savepoint, true)
    }

    /// Closes `savepoint` (and the levels inside it): off the stack, and `RELEASE SAVEPOINT` or
    /// `ROLLBACK TO SAVEPOINT` if it was sent.
    fn end_savepoint(self: &Rc<Self>, py: &mut Interpreter, savepoint: &Rc<super::savepoint::Savepoint>, keep: bool) -> Res<()> {
        self.close_inner_levels(py, savepoint, keep)?;
        savepoint.active.set(false);
        self.nested.borrow_mut().retain(|s| !Rc::ptr_eq(s, savepoint));
        let name = savepoint.name.borrow().clone();
        let conn = self.conn.borrow().clone();
        if let (Some(name), Some(conn)) = (name, conn) {
            conn.end_savepoint(py, &name, keep)?;
        }
        Ok(())
    }

    /// The end of a `begin_nested()` level that undoes its work: `ROLLBACK TO SAVEPOINT`, the
    /// objects added since expunged (those it inserted transient again), those it updated expired.
    pub fn rollback_savepoint(self: &Rc<Self>, py: &mut Interpreter, savepoint: &Rc<super::savepoint::Savepoint>) -> Res<()> {
        if !savepoint.active.get() {
            return Ok(());
        }
        self.end_savepoint(py, savepoint, false)?;
        let added: Vec<Obj> = self.new.borrow().iter().filter(|o| !savepoint.new_before.contains(&crate::interp::object::identity(o))).cloned().collect();
        for instance in &added {
            self.expunge(py, instance)?;
        }
        let from = savepoint.inserted_at.min(self.inserted.borrow().len());
        let inserted: Vec<Obj> = self.inserted.borrow_mut().drain(from..).filter_map(|w| w.upgrade()).map(Obj::Instance).collect();
        for instance in &inserted {
            if let Some(state) = state_of(instance) {
                if let Some(key) = state.key.borrow_mut().take() {
                    self.forget(&identity_key(&state.mapper, &key));
                }
                *state.session.borrow_mut() = std::rc::Weak::new();
                state.committed.borrow_mut().clear();
            }
        }
        let from = savepoint.updated_at.min(self.updated.borrow().len());
        let updated: Vec<Obj> = self.updated.borrow_mut().drain(from..).filter_map(|w| w.upgrade()).map(Obj::Instance).collect();
        for instance in &updated {
            if let Some(state) = state_of(instance) {
                expire(instance, &state);
            }
        }
        Ok(())
    }

    /// Levels opened inside `savepoint` and still open end with it.
    fn close_inner_levels(self: &Rc<Self>, py: &mut Interpreter, savepoint: &Rc<super::savepoint::Savepoint>, keep: bool) -> Res<()> {
        loop {
            let inner = {
                let levels = self.nested.borrow();
                let Some(at) = levels.iter().position(|s| Rc::ptr_eq(s, savepoint)) else { return Ok(()) };
                levels.get(at + 1..).and_then(|rest| rest.last().cloned())
            };
            let Some(inner) = inner else { return Ok(()) };
            if keep { self.release_savepoint(py, &inner)? } else { self.rollback_savepoint(py, &inner)? }
        }
    }

    fn transaction_connection(&self, py: &mut Interpreter) -> Res<Rc<Conn>> {
        self.check_failed(py)?;
        let existing = self.conn.borrow().clone();
        let conn = match existing {
            Some(conn) => conn,
            None => match self.bound_connection() {
                Some(bound) => {
                    // A session on a given connection works in its transaction and never closes it.
                    self.joined.set(bound.in_transaction());
                    *self.conn.borrow_mut() = Some(bound.clone());
                    bound
                }
                None => {
                    let Some(engine) = self.bind.as_ref().and_then(|b| b.native::<EngineObj>().map(|e| e.0.clone())) else {
                        if let Some(bind) = self.bind.clone().filter(|b| !matches!(b, Obj::None)) {
                            connect_to_other_bind(py, &bind)?;
                        }
                        return raise(py, "sqlalchemy.exc", "UnboundExecutionError", "Could not locate a bind configured on SQL expression or this Session.");
                    };
                    let conn = engine.connect(py)?;
                    *self.conn.borrow_mut() = Some(conn.clone());
                    conn
                }
            },
        };
        let began = !conn.in_transaction();
        conn.begin(py)?;
        if began {
            let transaction = self.me.upgrade().map(|me| native(SessionTransaction(native(SessionObj(me))))).unwrap_or(Obj::None);
            let connection = native(super::super::engine::ConnectionObj { conn: conn.clone(), begin_block: false });
            self.emit(py, "after_begin", vec![transaction, connection])?;
        }
        Ok(conn)
    }

    fn remember(&self, key: IdentityKey, instance: &Obj) {
        let Obj::Instance(inst) = instance else { return };
        let weak = Rc::downgrade(inst);
        let replaced = self.identity.borrow_mut().insert(key.clone(), weak.clone());
        if replaced.and_then(|w| w.upgrade()).is_none() {
            self.order.borrow_mut().push((key, weak));
        }
    }

    fn forget(&self, key: &IdentityKey) {
        self.identity.borrow_mut().remove(key);
        self.order.borrow_mut().retain(|(k, _)| k != key);
    }

    /// The object the identity map has for a key, if it is still alive.
    fn lookup(&self, key: &IdentityKey) -> Option<Obj> {
        let found = self.identity.borrow().get(key).and_then(std::rc::Weak::upgrade).map(Obj::Instance);
        if found.is_none() {
            self.identity.borrow_mut().remove(key);
        }
        found
    }

    /// The persistent objects still alive, in the order they entered (the dead are let go).
    fn persistent(&self) -> Vec<Obj> {
        let mut order = self.order.borrow_mut();
        order.retain(|(_, w)| w.strong_count() > 0);
        let live: Vec<Obj> = order.iter().filter_map(|(_, w)| w.upgrade().map(Obj::Instance)).collect();
        let mut identity = self.identity.borrow_mut();
        identity.retain(|_, w| w.strong_count() > 0);
        live
    }

    /// A persistent object was changed (an attribute set, a collection changed): the session
    /// holds it until the next flush writes it.
    pub fn mark_modified(&self, instance: &Obj, state: &InstanceState) {
        if !state.modified.replace(true) {
            self.modified.borrow_mut().push(instance.clone());
        }
    }

    fn take_modified(&self) -> Vec<Obj> {
        let taken: Vec<Obj> = self.modified.borrow_mut().drain(..).collect();
        for instance in &taken {
            if let Some(state) = state_of(instance) {
                state.modified.set(false);
            }
        }
        taken
    }

    pub fn add(self: &Rc<Self>, py: &mut Interpreter, instance: &Obj) -> Res<()> {
        let Some(mapper) = instance_mapper(py, instance)? else { return unmapped(py, instance) };
        let state = ensure_state(instance, &mapper);
        if let Some(other) = state.session() {
            if Rc::ptr_eq(&other, self) {
                return Ok(());
            }
            return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Object '{}' is already attached to session '1' (this is '2')", state_str(instance, &mapper)));
        }
        *state.session.borrow_mut() = Rc::downgrade(self);
        let key = state.key.borrow().clone();
        match key {
            Some(key) if !state.deleted.get() => self.remember(identity_key(&mapper, &key), instance),
            Some(_) => {}
            None => self.new.borrow_mut().push(instance.clone()),
        }
        // save-update cascade: what it refers to joins the session with it.
        for child in relationship::save_cascade(py, instance)? {
            let attached = state_of(&child).is_some_and(|s| s.session().is_some());
            if !attached {
                self.add(py, &child)?;
            }
        }
        Ok(())
    }

    /// `session.merge(obj)`: the session's own object for `obj` — the one of the same primary key
    /// (from the identity map, or loaded as `get` loads it), else a new pending one — with `obj`'s
    /// loaded column values set on it as assignments (a flush writes what differs). `obj` itself
    /// stays where it was.
    pub fn merge(self: &Rc<Self>, py: &mut Interpreter, instance: &Obj) -> Res<Obj> {
        let Some(mapper) = instance_mapper(py, instance)? else { return unmapped(py, instance) };
        // What is pending is flushed first, as merge may load rows.
        self.autoflush(py)?;
        if state_of(instance).and_then(|s| s.session()).is_some_and(|s| Rc::ptr_eq(&s, self)) {
            return Ok(instance.clone());
        }
        let Obj::Instance(source) = instance else { return unmapped(py, instance) };
        let loaded = |attr: &str| source.attrs.borrow().get_str(attr).cloned();
        if let Some(spec) = mapper.relationships.borrow().iter().find(|r| loaded(&r.attr).is_some()) {
            return py.stop_not_available(&format!("merge() of an object with related objects loaded ('{}')", spec.attr));
        }
        let key: Option<Vec<Obj>> = mapper.primary_key().iter().map(|c| loaded(&c.attr).filter(|v| !matches!(v, Obj::None))).collect();
        let Some(class) = mapper.class_obj() else { return unmapped(py, instance) };
        let found = match key {
            Some(key) => self.get(py, &class, &Obj::tuple(key))?,
            None => Obj::None,
        };
        let merged = match found {
            Obj::None => {
                let Obj::Class(class) = &class else { return unmapped(py, instance) };
                let fresh = Obj::new_instance(class.clone());
                self.add(py, &fresh)?;
                fresh
            }
            found => found,
        };
        for column in &mapper.columns {
            if let Some(value) = loaded(&column.attr) {
                py.set_attr(&merged, &column.attr, value)?;
            }
        }
        Ok(merged)
    }

    /// `session.is_modified(obj)`: a loaded column attribute differs from the database's.
    fn is_modified(&self, py: &mut Interpreter, instance: &Obj) -> Res<bool> {
        let Some(state) = state_of(instance) else { return unmapped(py, instance) };
        Ok(!state.changes(py, instance)?.is_empty())
    }

    pub fn delete(self: &Rc<Self>, py: &mut Interpreter, instance: &Obj) -> Res<()> {
        let Some(mapper) = instance_mapper(py, instance)? else { return unmapped(py, instance) };
        let state = ensure_state(instance, &mapper);
        if state.key.borrow().is_none() {
            return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Instance '{}' is not persisted", state_str(instance, &mapper)));
        }
        if state.session().is_none() {
            self.add(py, instance)?;
        }
        let known = self.deleted.borrow().iter().any(|d| crate::interp::object::identity(d) == crate::interp::object::identity(instance));
        if !known {
            // Cascades: children of a relationship with cascade delete go too (loaded first,
            // without flushing this deletion half-done).
            self.no_autoflush.set(self.no_autoflush.get() + 1);
            let children = relationship::delete_cascade(py, instance, &mapper);
            self.no_autoflush.set(self.no_autoflush.get().saturating_sub(1));
            self.deleted.borrow_mut().push(instance.clone());
            for child in children? {
                self.delete(py, &child)?;
            }
        }
        Ok(())
    }

    /// Loads the expired column attributes of a persistent instance (the refresh `SELECT`).
    pub fn load_expired(session: &Rc<SessionCore>, py: &mut Interpreter, instance: &Obj, state: &Rc<InstanceState>) -> Res<()> {
        let pending = state.pending.borrow().join(",");
        let options = state.load_options.borrow().clone();
        let purpose = if pending.is_empty() { format!("expired {options}") } else { format!("expired but {pending} {options}") };
        SessionCore::load(session, py, instance, state, &purpose)
    }

    pub fn load(session: &Rc<SessionCore>, py: &mut Interpreter, instance: &Obj, state: &Rc<InstanceState>, purpose: &str) -> Res<()> {
        let Some(key) = state.key.borrow().clone() else { return Ok(()) };
        let mapper = state.mapper.clone();
        session.autoflush(py)?;
        // Only the columns not loaded, when others are (an attribute an UPDATE set to a SQL
        // expression, one expired by name): SQLAlchemy selects just those.
        // Deferred columns stay unloaded: they load when read, by themselves.
        let unloaded = state.expired_columns(instance);
        let expressions = super::column_property::unloaded(instance, &mapper);
        if unloaded.is_empty() && !expressions.is_empty() {
            // Only the `column_property()` expressions a flush expired.
            return session.load_expressions(py, instance, state, &expressions, purpose);
        }
        let loading = default_loading(&mapper);
        let by_default: Vec<usize> = (0..mapper.columns.len()).filter(|&i| loading[i] == ColumnLoading::Loaded).collect();
        let rows = if unloaded.is_empty() || unloaded == by_default {
            session.select_rows(py, &mapper, mapper.identity_condition(&key), purpose)?
        } else {
            let mut columns: Vec<Selected> = expressions.iter().map(|p| Selected::Column(p.sql.clone())).collect();
            columns.extend(unloaded.iter().map(|&i| Selected::Column(mapper.columns[i].sql.clone())));
            let select = SelectState { columns, where_: vec![mapper.identity_condition(&key)], ..SelectState::default() };
            let partial = session.select_values(py, &select, purpose)?;
            // As a whole row, the loaded columns' places left empty (populate fills only the rest).
            partial
                .into_iter()
                .map(|values| {
                    let (front, values) = values.split_at(expressions.len().min(values.len()));
                    let mut row = vec![Value::Null; mapper.columns.len()];
                    for (&i, value) in unloaded.iter().zip(values) {
                        row[i] = value.clone();
                    }
                    (front.to_vec(), row)
                })
                .collect()
        };
        let Some((expression_values, row)) = rows.into_iter().next() else { return deleted(py, instance, &mapper) };
        // What the row holds; the rest as the class defers it (nothing new to remember).
        let loading: Vec<ColumnLoading> = (0..mapper.columns.len())
            .map(|i| match unloaded.contains(&i) || unloaded.is_empty() && by_default.contains(&i) {
                true => ColumnLoading::Loaded,
                false => ColumnLoading::Deferred { raiseload: mapper.columns[i].deferred.as_ref().is_some_and(|d| d.raiseload) },
            })
            .collect();
        populate(py, instance, &mapper, state, &row, false, &loading)?;
        super::column_property::populate(py, instance, &expressions, &expression_values, false)?;
        Ok(())
    }

    /// Selects `expressions` (`column_property()`s) of a persistent object by themselves:
    /// `SELECT users.first || ? AS anon_1 FROM users WHERE users.id = ?`.
    pub fn load_expressions(self: &Rc<Self>, py: &mut Interpreter, instance: &Obj, state: &Rc<InstanceState>, expressions: &[super::column_property::ExpressionProperty], purpose: &str) -> Res<()> {
        let columns = expressions.iter().map(|p| Selected::Column(p.sql.clone())).collect();
        match self.select_own(py, state, columns, purpose)? {
            Some(row) => super::column_property::populate(py, instance, expressions, &row, true),
            None if state.key.borrow().is_some() => deleted(py, instance, &state.mapper),
            None => Ok(()),
        }
    }

    /// `SELECT <columns> FROM <table> WHERE <its key>` for a persistent object, after the
    /// autoflush: its row, None when it has no key or its row is gone.
    fn select_own(self: &Rc<Self>, py: &mut Interpreter, state: &InstanceState, columns: Vec<Selected>, purpose: &str) -> Res<Option<Vec<Value>>> {
        let Some(key) = state.key.borrow().clone() else { return Ok(None) };
        self.autoflush(py)?;
        let select = SelectState { columns, where_: vec![state.mapper.identity_condition(&key)], ..SelectState::default() };
        Ok(self.select_values(py, &select, purpose)?.into_iter().next())
    }

    /// Loads `names` (deferred columns being read) by themselves: `SELECT book.summary FROM book
    /// WHERE book.id = ?`.
    pub fn load_columns(self: &Rc<Self>, py: &mut Interpreter, instance: &Obj, state: &Rc<InstanceState>, names: &[String], purpose: &str) -> Res<()> {
        let mapper = state.mapper.clone();
        let columns: Vec<&super::mapper::ColumnInfo> = mapper.columns.iter().filter(|c| names.contains(&c.attr)).collect();
        let selected = columns.iter().map(|c| Selected::Column(c.sql.clone())).collect();
        let Some(row) = self.select_own(py, state, selected, purpose)? else {
            return if state.key.borrow().is_some() { deleted(py, instance, &mapper) } else { Ok(()) };
        };
        let Obj::Instance(inst) = instance else { return Ok(()) };
        for (column, value) in columns.iter().zip(row) {
            let obj = super::super::convert::from_value_typed(py, &value, column.sql_type.as_ref())?;
            set_loaded(py, inst, state, &column.attr, obj)?;
            state.deferred.borrow_mut().retain(|(a, _)| *a != column.attr);
        }
        Ok(())
    }

    /// `SELECT <columns> FROM <table> WHERE <condition>` on the session's connection.
    /// `purpose` keeps apart in the statement cache what SQLAlchemy compiles apart (a `get`, the
    /// load of expired attributes, a `refresh`), though their SQL reads the same.
    /// Each row as its `column_property()` values and its columns spread over the mapper's
    /// columns (the deferred ones' places left Null).
    fn select_rows(&self, py: &mut Interpreter, mapper: &Rc<Mapper>, condition: Sql, purpose: &str) -> Res<Vec<(Vec<Value>, Vec<Value>)>> {
        let state = SelectState { columns: vec![Selected::Entity(mapper.clone())], where_: vec![condition], ..SelectState::default() };
        let loading = default_loading(mapper);
        let (leading, trailing) = super::column_property::split(mapper);
        Ok(self
            .select_values(py, &state, purpose)?
            .iter()
            .map(|row| {
                let (expressions, columns) = super::column_property::split_row(leading.len(), trailing.len(), row);
                (expressions, spread(&loading, &columns))
            })
            .collect())
    }

    /// The rows of a SELECT the ORM emits for itself (a `get`, a selectin load), as values.
    pub fn select_values(&self, py: &mut Interpreter, state: &SelectState, purpose: &str) -> Res<Vec<Vec<Value>>> {
        let (sql, params) = state.compile();
        let conn = self.connection(py)?;
        let ran = conn.run(py, Stat::Compiled, &format!("{sql}\u{0}{purpose}"), &sql, &params, None)?;
        Ok(ran.rows)
    }

    /// Whether the identity map holds `mapper`'s object with primary key `key`.
    pub fn holds_key(&self, mapper: &Mapper, key: &[Value]) -> bool {
        self.lookup(&identity_key(mapper, key)).is_some()
    }

    /// Whether the identity map holds the object of this row.
    fn holds(&self, mapper: &Mapper, row: &[Value]) -> bool {
        let key: Vec<Value> = mapper.columns.iter().zip(row).filter(|(c, _)| c.primary_key).map(|(_, v)| v.clone()).collect();
        self.holds_key(mapper, &key)
    }

    /// The instance for a row (spread over the mapper's columns, `loading` saying which it
    /// holds): the one in the identity map (its expired attributes filled in), or a new one,
    /// persistent in this session.
    pub fn instance_for_row(self: &Rc<Self>, py: &mut Interpreter, mapper: &Rc<Mapper>, row: &[Value], loading: &[ColumnLoading]) -> Res<Obj> {
        self.instance_for_row_with(py, mapper, row, loading, false)
    }

    /// `instance_for_row`; with `overwrite` (`populate_existing`), an object the session holds
    /// takes every value of the row, as if new: its changes are gone, its relationships load
    /// again.
    pub fn instance_for_row_with(self: &Rc<Self>, py: &mut Interpreter, mapper: &Rc<Mapper>, row: &[Value], loading: &[ColumnLoading], overwrite: bool) -> Res<Obj> {
        let key: Vec<Value> = mapper.columns.iter().zip(row).filter(|(c, _)| c.primary_key).map(|(_, v)| v.clone()).collect();
        let ikey = identity_key(mapper, &key);
        if let Some(existing) = self.lookup(&ikey) {
            if let Some(state) = state_of(&existing) {
                if overwrite {
                    if let Obj::Instance(inst) = &existing {
                        let mut attrs = inst.attrs.borrow_mut();
                        for relationship in mapper.relationships.borrow().iter() {
                            attrs.remove_str(&relationship.attr);
                        }
                    }
                    state.loaded.borrow_mut().clear();
                    state.pending.borrow_mut().clear();
                    if state.modified.replace(false) {
                        self.modified.borrow_mut().retain(|o| crate::interp::object::identity(o) != crate::interp::object::identity(&existing));
                    }
                }
                populate(py, &existing, mapper, &state, row, overwrite, loading)?;
            }
            return Ok(existing);
        }
        let Some(Obj::Class(class)) = mapper.class_obj() else { return py.error("TypeError", "the mapped class is gone") };
        let instance = Obj::new_instance(class);
        let state = ensure_state(&instance, mapper);
        *state.key.borrow_mut() = Some(key);
        *state.session.borrow_mut() = Rc::downgrade(self);
        populate(py, &instance, mapper, &state, row, true, loading)?;
        self.remember(ikey, &instance);
        Ok(instance)
    }

    /// Whether the session flushes before it reads (autoflush on, not inside `no_autoflush`, not
    /// flushing already).
    pub fn autoflushes(&self) -> bool {
        self.autoflush && self.no_autoflush.get() == 0 && !self.flushing.get()
    }

    fn autoflush(self: &Rc<Self>, py: &mut Interpreter) -> Res<()> {
        if self.autoflushes() {
            // SQLAlchemy tags the warnings its autoflush gives with where they came from.
            py.warning_notes.push((
                "SAWarning",
                "This warning originated from the Session 'autoflush' process, which was invoked automatically in response to a user-initiated operation. Consider using ``no_autoflush`` context manager if this warning happened while initializing objects.",
            ));
            let flushed = self.flush(py);
            py.warning_notes.pop();
            flushed?;
        }
        Ok(())
    }

    /// `session.get(User, 5)`.
    pub fn get(self: &Rc<Self>, py: &mut Interpreter, entity: &Obj, ident: &Obj) -> Res<Obj> {
        self.get_with(py, entity, ident, false)
    }

    /// `get(User, 1, populate_existing=True)`: the SELECT runs even when the session holds the
    /// object, whose values it then overwrites.
    pub fn get_with(self: &Rc<Self>, py: &mut Interpreter, entity: &Obj, ident: &Obj, populate_existing: bool) -> Res<Obj> {
        let Some(mapper) = mapper_of(py, entity)? else {
            let shown = py.repr_of(entity)?;
            return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Expected mapped class or mapper, got: {shown}"));
        };
        let values = match ident {
            Obj::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        let pk = mapper.primary_key();
        if values.len() != pk.len() {
            return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Incorrect number of values in identifier formed from argument to Session.get(); primary key for mapper Mapper[{}({})] consists of {} columns", mapper.class_name, mapper.table_name, pk.len()));
        }
        let mut key = Vec::new();
        for (v, column) in values.iter().zip(&pk) {
            key.push(crate::sqlalchemy::convert::to_value_as(py, v, column.sql_type.as_ref())?);
        }
        if let Some(existing) = self.lookup(&identity_key(&mapper, &key)).filter(|_| !populate_existing) {
            let deleted = self.deleted.borrow().iter().any(|d| crate::interp::object::identity(d) == crate::interp::object::identity(&existing));
            if deleted {
                return Ok(Obj::None);
            }
            if let Some(state) = state_of(&existing) {
                if !state.expired_columns(&existing).is_empty() {
                    SessionCore::load(self, py, &existing, &state, "get")?;
                }
            }
            return Ok(existing);
        }
        self.autoflush(py)?;
        let rows = self.select_rows(py, &mapper, mapper.identity_condition(&key), "get")?;
        let Some((expressions, row)) = rows.first() else { return Ok(Obj::None) };
        let instance = self.instance_for_row_with(py, &mapper, row, &default_loading(&mapper), populate_existing)?;
        super::column_property::populate(py, &instance, &super::column_property::selected(&mapper), expressions, populate_existing)?;
        // Its lazy="selectin" relationships come with it.
        for spec in super::loader::configured_selectin(&mapper) {
            super::relationship::select_in(py, self, &spec, std::slice::from_ref(&instance))?;
        }
        Ok(instance)
    }

    /// Runs a statement in the session: ORM selects give instances; the rest runs as Core.
    pub fn execute(self: &Rc<Self>, py: &mut Interpreter, statement: &Obj, params: Option<&Obj>) -> Res<Obj> {
        if let Some(select) = statement.native::<SelectObj>() {
            let mut supplied = Vec::new();
            if let Some(params @ Obj::Dict(_)) = params {
                for (name, value) in crate::sqlalchemy::statement::dict_items(py, params)? {
                    supplied.push((name, to_value(py, &value)?));
                }
            }
            return self.run_select_supplied(py, &select.0, "select", supplied, params.filter(|p| matches!(p, Obj::Dict(_))));
        }
        if statement.native::<DmlObj>().is_none() && statement.native::<crate::sqlalchemy::statement::TextClause>().is_none() {
            let shown = py.repr_of(statement)?;
            let message = match statement {
                Obj::Str(_) => format!("Textual SQL expression {shown} should be explicitly declared as text({shown})"),
                _ => format!("Executable SQL or text() construct expected, got {shown}."),
            };
            return raise(py, "sqlalchemy.exc", "ArgumentError", &message);
        }
        self.autoflush(py)?;
        if let Some(dml) = statement.native::<DmlObj>() {
            if let (Some(mapper), DmlKind::Update | DmlKind::Delete) = (dml.0.mapper.clone(), &dml.0.kind) {
                return self.execute_orm_dml(py, &dml.0, &mapper, params);
            }
            // `insert(User)` with a list of dicts: the ORM's bulk INSERT, by attribute names
            // (others are ignored), in groups of rows that name the same ones.
            let plain = dml.0.returning.is_empty() && dml.0.values.is_empty() && dml.0.from_select.is_none() && dml.0.on_conflict.is_none();
            if let (Some(mapper), DmlKind::Insert, Some(list @ Obj::List(_)), true) = (dml.0.mapper.clone(), &dml.0.kind, params, plain) {
                let mut rows = Vec::new();
                for item in py.iterate(list)? {
                    rows.push(crate::sqlalchemy::statement::dict_items(py, &item)?);
                }
                self.bulk_write(py, &mapper, rows, false, true)?;
                return Ok(crate::sqlalchemy::result::ResultObj::rowcount(-1));
            }
        }
        let conn = self.connection(py)?;
        conn.execute(py, statement, params)
    }

    /// An UPDATE or DELETE of a mapped class (`update(User).where(…).values(…)`, the legacy
    /// `Query.update()`), then its effect on the objects the session holds, as
    /// `synchronize_session` says: "evaluate" judges each object by the WHERE in Python
    /// (orm/evaluator.rs), "fetch" adds `RETURNING` of the key to learn the rows, "auto" (the
    /// default) evaluates when it can and fetches otherwise, False leaves the objects as they are.
    /// Matched objects take the new values (what cannot be computed in Python is expired) or,
    /// for a DELETE, are gone from the session.
    fn execute_orm_dml(self: &Rc<Self>, py: &mut Interpreter, dml: &DmlState, mapper: &Rc<Mapper>, params: Option<&Obj>) -> Res<Obj> {
        // A list of parameter sets: SQLAlchemy's ORM bulk UPDATE by primary key.
        if let (DmlKind::Update, Some(list @ Obj::List(_))) = (&dml.kind, params) {
            if dml.where_.is_empty() {
                return self.bulk_update_by_primary_key(py, mapper, list);
            }
            if !matches!(dml.synchronize, Some(Obj::None)) {
                return raise(
                    py,
                    "sqlalchemy.exc",
                    "InvalidRequestError",
                    "bulk synchronize of persistent objects not supported when using bulk update with additional WHERE criteria right now.  add synchronize_session=None execution option to bypass synchronize of persistent objects.",
                );
            }
            let conn = self.connection(py)?;
            return conn.execute(py, &native(DmlObj(dml.clone())), params);
        }
        let strategy = match &dml.synchronize {
            None => "auto",
            Some(Obj::Bool(false)) => "false",
            Some(Obj::Str(s)) => match &**s {
                "auto" => "auto",
                "evaluate" => "evaluate",
                "fetch" => "fetch",
                _ => "invalid",
            },
            Some(_) => "invalid",
        };
        if strategy == "invalid" {
            return raise(py, "sqlalchemy.exc", "ArgumentError", "Valid strategies for session synchronization are 'auto', 'evaluate', 'fetch', False");
        }
        let condition = super::super::expression::and(dml.where_.clone());
        let unevaluable = if dml.where_.is_empty() { None } else { super::evaluator::unevaluable(&condition, mapper) };
        let strategy = match (strategy, unevaluable) {
            ("evaluate", Some(reason)) => {
                return raise(
                    py,
                    "sqlalchemy.exc",
                    "InvalidRequestError",
                    &format!("Could not evaluate current criteria in Python: \"{reason}\". Specify 'fetch' or False for the synchronize_session execution option."),
                )
            }
            ("auto", Some(_)) => "fetch",
            ("auto", None) => "evaluate",
            (other, _) => other,
        };
        let mut statement = dml.clone();
        // A Python-side onupdate= is computed here, so that the matched objects can take it too.
        if let (DmlKind::Update, Some(row)) = (&dml.kind, statement.values.first_mut()) {
            for column in &mapper.columns {
                let (Some(onupdate), false) = (&column.onupdate, row.iter().any(|(k, _)| *k == column.name)) else { continue };
                if onupdate.native::<super::super::expression::ExprObj>().is_none() {
                    let value = crate::sqlalchemy::convert::column_default(py, onupdate)?;
                    row.push((column.name.clone(), value));
                }
            }
        }
        let fetch = strategy == "fetch" && statement.returning.is_empty();
        if fetch {
            statement.returning = mapper.primary_key().iter().map(|c| c.sql.clone()).collect();
        }
        let conn = self.connection(py)?;
        let result = conn.execute(py, &native(DmlObj(statement.clone())), params)?;
        let matched: Vec<(Obj, bool)> = match strategy {
            "evaluate" => {
                let mut matched = Vec::new();
                for instance in self.persistent() {
                    let Some(state) = state_of(&instance).filter(|s| Rc::ptr_eq(&s.mapper, mapper)) else { continue };
                    if state.current(py, &instance)?.iter().all(|(_, v)| v.is_none()) {
                        continue; // expired as a whole: nothing to judge it by
                    }
                    let verdict = if dml.where_.is_empty() { super::evaluator::Evaluated::Value(Obj::Bool(true)) } else { super::evaluator::evaluate(py, &condition, mapper, &instance)? };
                    match verdict {
                        super::evaluator::Evaluated::Value(v) if py.truthy(&v)? => matched.push((instance, false)),
                        super::evaluator::Evaluated::Expired => matched.push((instance, true)),
                        _ => {}
                    }
                }
                matched
            }
            "fetch" if fetch => {
                let rows = result.native::<super::super::result::ResultObj>().map(|r| r.take_rows()).unwrap_or_default();
                let mut matched = Vec::new();
                for row in rows {
                    let mut key = Vec::with_capacity(row.len());
                    for (value, column) in row.iter().zip(mapper.primary_key()) {
                        key.push(crate::sqlalchemy::convert::to_value_as(py, value, column.sql_type.as_ref())?);
                    }
                    if let Some(instance) = self.lookup(&identity_key(mapper, &key)) {
                        matched.push((instance, false));
                    }
                }
                matched
            }
            _ => Vec::new(),
        };
        match dml.kind {
            DmlKind::Delete => {
                for (instance, partly_expired) in matched {
                    let Some(state) = state_of(&instance) else { continue };
                    if partly_expired {
                        expire(&instance, &state);
                    } else if let Some(key) = state.key.borrow().clone() {
                        state.deleted.set(true);
                        self.forget(&identity_key(mapper, &key));
                        self.removed.borrow_mut().push(instance.clone());
                    }
                }
            }
            _ => {
                let values = statement.values.first().cloned().unwrap_or_default();
                for (instance, _) in matched {
                    self.apply_update_values(py, mapper, &instance, &values)?;
                }
            }
        }
        Ok(result)
    }

    /// `session.execute(update(User), [{"id": 1, "name": "x"}, …])`: each row updated by its
    /// primary key (consecutive rows setting the same columns as one executemany), and an object
    /// the session holds for a row takes its values.
    fn bulk_update_by_primary_key(self: &Rc<Self>, py: &mut Interpreter, mapper: &Rc<Mapper>, list: &Obj) -> Res<Obj> {
        let mut rows = Vec::new();
        for item in py.iterate(list)? {
            let row = crate::sqlalchemy::statement::dict_items(py, &item)?;
            let missing: Vec<String> = mapper.primary_key().iter().filter(|c| !row.iter().any(|(k, _)| *k == c.attr)).map(|c| format!("{}.{}", mapper.table_name, c.name)).collect();
            if !missing.is_empty() {
                let message = format!(
                    "No primary key value supplied for column(s) {}; per-row ORM Bulk UPDATE by Primary Key requires that records contain primary key values (Background on this error at: https://sqlalche.me/e/21/bupq)",
                    missing.join(", ")
                );
                return raise(py, "sqlalchemy.exc", "InvalidRequestError", &message);
            }
            rows.push(row);
        }
        self.bulk_write(py, mapper, rows.clone(), true, false)?;
        for row in rows {
            let mut key = Vec::new();
            for pk in mapper.primary_key() {
                let value = row.iter().find(|(k, _)| *k == pk.attr).map(|(_, v)| v.clone()).unwrap_or(Obj::None);
                key.push(crate::sqlalchemy::convert::to_value_as(py, &value, pk.sql_type.as_ref())?);
            }
            let Some(instance) = self.lookup(&identity_key(mapper, &key)) else { continue };
            let (Some(state), Obj::Instance(inst)) = (state_of(&instance), &instance) else { continue };
            for (attr, value) in row {
                if mapper.column(&attr).is_some_and(|c| !c.primary_key) && inst.attrs.borrow().get_str(&attr).is_some() {
                    set_loaded(py, inst, &state, &attr, value)?;
                }
            }
        }
        Ok(crate::sqlalchemy::result::ResultObj::rowcount(-1))
    }

    /// The SET values of an ORM UPDATE given to an object it matched, for the attributes it has
    /// loaded and not changed since: a plain value as it is, an expression computed from the
    /// object when Python can (`User.age + 10`), expired otherwise (`func.upper(User.name)`), as
    /// is a column an `onupdate=` SQL expression sets.
    fn apply_update_values(&self, py: &mut Interpreter, mapper: &Rc<Mapper>, instance: &Obj, values: &[(String, Obj)]) -> Res<()> {
        let (Some(state), Obj::Instance(inst)) = (state_of(instance), instance) else { return Ok(()) };
        let changed: Vec<String> = state.changes(py, instance)?.into_iter().map(|(a, _)| a).collect();
        let mut expire_attrs: Vec<String> = Vec::new();
        for column in &mapper.columns {
            let given = values.iter().find(|(k, _)| *k == column.name).map(|(_, v)| v.clone());
            let value = match given {
                Some(value) => value,
                None => match &column.onupdate {
                    Some(onupdate) if onupdate.native::<super::super::expression::ExprObj>().is_some() => {
                        expire_attrs.push(column.attr.clone());
                        continue;
                    }
                    _ => continue,
                },
            };
            if changed.contains(&column.attr) || inst.attrs.borrow().get_str(&column.attr).is_none() {
                continue;
            }
            let value = match super::super::expression::as_sql(py, &value)? {
                None => value,
                Some(sql) if super::evaluator::unevaluable(&sql, mapper).is_none() => match super::evaluator::evaluate(py, &sql, mapper, instance)? {
                    super::evaluator::Evaluated::Value(v) => v,
                    super::evaluator::Evaluated::Null => Obj::None,
                    super::evaluator::Evaluated::Expired => {
                        expire_attrs.push(column.attr.clone());
                        continue;
                    }
                },
                Some(_) => {
                    expire_attrs.push(column.attr.clone());
                    continue;
                }
            };
            set_loaded(py, inst, &state, &column.attr, value)?;
        }
        for attr in expire_attrs {
            expire_attribute(inst, &state, &attr);
        }
        Ok(())
    }

    pub fn run_select(self: &Rc<Self>, py: &mut Interpreter, select: &SelectState) -> Res<Obj> {
        self.run_select_as(py, select, "select")
    }

    pub fn run_select_as(self: &Rc<Self>, py: &mut Interpreter, select: &SelectState, purpose: &str) -> Res<Obj> {
        self.run_select_supplied(py, select, purpose, Vec::new(), None)
    }

    /// A SELECT whose `bindparam()`s take the values `supplied` by name (`given`: the
    /// parameters as the learner passed them, for the error when one is missing).
    fn run_select_supplied(self: &Rc<Self>, py: &mut Interpreter, select: &SelectState, purpose: &str, supplied: Vec<(String, Value)>, given: Option<&Obj>) -> Res<Obj> {
        if !select.no_autoflush {
            self.autoflush(py)?;
        }
        let names: Vec<String> = supplied.iter().map(|(n, _)| n.clone()).collect();
        let (sql, params) = match select.compile_with(supplied) {
            Ok(compiled) => compiled,
            Err((sql, name)) => {
                // A session lists its one parameter set, empty when none was given.
                let shown = Obj::list(vec![given.cloned().unwrap_or_else(|| Obj::Dict(Default::default()))]);
                return crate::sqlalchemy::statement::missing_parameter(py, &name, &sql, shown, None);
            }
        };
        let conn = self.connection(py)?;
        // Loader options are part of SQLAlchemy's cache key, though most do not change the SQL.
        let mut options = String::new();
        for spec in &select.loaders {
            options.push_str(&format!("selectin {};", spec.attr));
        }
        for (spec, strategy) in &select.strategies {
            let attr = spec.as_ref().map_or("*", |s| s.attr.as_str());
            let how = match strategy {
                super::loader::Strategy::Raise { sql_only: true } => "raise_on_sql",
                super::loader::Strategy::Raise { sql_only: false } => "raise",
                _ => "lazy",
            };
            options.push_str(&format!("{how} {attr};"));
        }
        for (mapper, load) in &select.column_loads {
            let class = mapper.as_ref().map_or("*", |m| m.class_name.as_str());
            options.push_str(&match load {
                super::deferred::ColumnLoad::Only { attrs, raiseload } => format!("load_only {class} {} {raiseload};", attrs.join(",")),
                super::deferred::ColumnLoad::Defer { attr, raiseload } => format!("defer {class}.{attr} {raiseload};"),
                super::deferred::ColumnLoad::Undefer { attr } => format!("undefer {class}.{attr};"),
                super::deferred::ColumnLoad::UndeferGroup(group) => format!("undefer_group {group};"),
            });
        }
        let key = format!("{sql}\u{0}{purpose}\u{0}{}{}\u{0}{}\u{0}{options}", select.limit.is_some(), select.offset.is_some(), names.join(","));
        let ran = conn.run(py, Stat::Compiled, &key, &sql, &params, None)?;
        let mut keys = Vec::new();
        for item in &select.columns {
            match item {
                Selected::Entity(mapper) => keys.push(mapper.class_name.clone()),
                Selected::Aliased(_, _, key) => keys.push(key.clone()),
                Selected::Column(sql) => keys.push(sql.key().map(|k| k.to_string()).unwrap_or_else(|| format!("{}", keys.len()))),
            }
        }
        let mut rows = Vec::with_capacity(ran.rows.len());
        let mut filling = super::loader::Filling::new();
        // A lazy load runs the target's selectin loaders for the objects it makes, not for those
        // the session had (SQLAlchemy's lazy loader does not "invoke all eagers").
        let lazy = purpose == "lazy";
        let mut made = Vec::new();
        // A `contains_eager` load's columns come first.
        let front: usize = select.eager.iter().filter(|e| e.existing).map(|e| e.columns().len()).sum();
        // How each selected entity's part of a row reads, the same for every row: which columns
        // it holds, and its `column_property()` expressions before and after them.
        let shapes: Vec<Option<EntityShape>> = select
            .columns
            .iter()
            .map(|item| match item {
                Selected::Entity(mapper) => {
                    let (leading, trailing) = super::column_property::split(mapper);
                    Some(EntityShape { loading: select.entity_loading(mapper), leading: leading.len(), trailing: trailing.len(), expressions: leading.into_iter().chain(trailing).collect() })
                }
                Selected::Aliased(mapper, ..) => Some(EntityShape { loading: default_loading(mapper), leading: 0, trailing: 0, expressions: Vec::new() }),
                Selected::Column(_) => None,
            })
            .collect();
        for row in &ran.rows {
            let mut at = front;
            let mut values = Vec::with_capacity(select.columns.len());
            for (item, shape) in select.columns.iter().zip(&shapes) {
                match (item, shape) {
                    (Selected::Entity(mapper) | Selected::Aliased(mapper, ..), Some(shape)) => {
                        let width = shape.leading + shape.loading.iter().filter(|l| **l == ColumnLoading::Loaded).count() + shape.trailing;
                        let (expression_values, columns) = super::column_property::split_row(shape.leading, shape.trailing, row.get(at..at + width).unwrap_or(&[]));
                        let slice = spread(&shape.loading, &columns);
                        let known = (lazy || !options.is_empty()) && self.holds(mapper, &slice);
                        let instance = self.instance_for_row_with(py, mapper, &slice, &shape.loading, select.populate_existing)?;
                        super::column_property::populate(py, &instance, &shape.expressions, &expression_values, select.populate_existing)?;
                        if lazy && !known {
                            made.push(crate::interp::object::identity(&instance));
                        }
                        // An object this SELECT loads keeps its raiseload / lazyload options; one
                        // the session had keeps what it was loaded with.
                        if !known && !options.is_empty() {
                            if let Some(state) = super::mapper::state_of(&instance) {
                                *state.strategies.borrow_mut() = super::loader::strategies_for(mapper, &select.strategies);
                                *state.load_options.borrow_mut() = options.clone();
                            }
                        }
                        values.push(instance);
                        at += width;
                    }
                    (Selected::Column(sql), _) => {
                        values.push(match row.get(at) {
                            Some(v) => super::super::convert::from_value_typed(py, v, sql.sql_type())?,
                            None => Obj::None,
                        });
                        at += 1;
                    }
                    // Every entity has its shape.
                    (_, None) => {}
                }
            }
            super::loader::joined(py, self, &select.columns, &select.eager, &values, row, at, &mut filling)?;
            rows.push(values);
        }
        super::loader::fill(&select.eager, filling);
        let loading: Vec<Vec<Obj>> = if lazy {
            rows.iter().filter(|row| row.iter().any(|o| made.contains(&crate::interp::object::identity(o)))).cloned().collect()
        } else {
            rows.clone()
        };
        for spec in super::loader::selectin_loads(select) {
            super::loader::select_in(py, self, &spec, &select.columns, &loading)?;
        }
        if select.eager.iter().any(|e| e.collection) {
            return Ok(ResultObj::objects_needing_unique(keys, rows));
        }
        Ok(ResultObj::objects(keys, rows))
    }

    /// The unit of work: cascade what was added, then write updates and inserts table by table in
    /// dependency order, then deletes in reverse.
    pub fn flush(self: &Rc<Self>, py: &mut Interpreter) -> Res<()> {
        if self.flushing.get() {
            return Ok(());
        }
        self.check_failed(py)?;
        self.flushing.set(true);
        let outcome = self.flush_now(py);
        self.flushing.set(false);
        if let Err(error) = &outcome {
            if !error.stop {
                let text = py.str_of(&error.value).unwrap_or_default();
                let class = py.get_attr(&error.value, "__class__").and_then(|c| py.get_attr(&c, "__name__")).ok();
                let is_db = matches!(class, Some(Obj::Str(ref n)) if n.ends_with("Error") && (n.contains("Integrity") || n.contains("Operational")));
                let innermost = self.nested.borrow().last().cloned();
                if let (true, Some(savepoint)) = (is_db, innermost) {
                    // Inside begin_nested(): only the savepoint's work is rolled back.
                    self.rollback_savepoint(py, &savepoint)?;
                    return outcome;
                }
                if is_db {
                    // SQLAlchemy rolls the transaction back and remembers why.
                    *self.failed.borrow_mut() = Some(text);
                    let conn = self.conn.borrow().clone();
                    if let Some(conn) = conn {
                        conn.rollback(py)?;
                    }
                }
            }
        }
        outcome
    }

    fn flush_now(self: &Rc<Self>, py: &mut Interpreter) -> Res<()> {
        // before_flush, when there is something to flush: what it changes is flushed too.
        let pending = !self.new.borrow().is_empty() || !self.modified.borrow().is_empty() || !self.deleted.borrow().is_empty();
        let context = native(crate::sqlalchemy::event::FlushContext);
        if pending {
            self.emit(py, "before_flush", vec![context.clone(), Obj::None])?;
        }
        let modified: Vec<Obj> = self.modified.borrow().clone();
        let mut roots: Vec<Obj> = self.new.borrow().clone();
        roots.extend(modified.iter().cloned());
        for root in &roots {
            super::writeonly::prepare_flush(py, root)?;
        }
        // The save-update cascade ran as objects were added, appended and assigned; what the
        // session's objects refer to and it does not hold is left out, as SQLAlchemy warns.
        for root in &roots {
            for (member, along) in relationship::unattached_members(py, root)? {
                py.warn("SAWarning", &format!("Object of type <{}> not in session, add operation along '{along}' will not proceed", member.type_name()));
            }
        }
        // Association rows of many-to-many collections, found before the collections' loaded
        // state moves on: new objects in the order added, then changed ones in key order.
        let mut persistent = modified.clone();
        crate::sorting::sort_by(&mut persistent, |a, b| key_order(a) < key_order(b));
        let mut objects: Vec<Obj> = self.new.borrow().clone();
        objects.extend(persistent);
        let deleted_now: Vec<Obj> = self.deleted.borrow().clone();
        let associations = relationship::association_changes(py, &objects, &deleted_now)?;
        // Orphans: members taken out of a loaded collection.
        for instance in &modified {
            let (orphans, _) = relationship::orphans(py, instance)?;
            for orphan in orphans {
                self.delete(py, &orphan)?;
            }
        }
        // A deleted parent lets go of its children (their keys cleared), unless they go too.
        let deleted: Vec<Obj> = self.deleted.borrow().clone();
        for instance in &deleted {
            relationship::release_children(py, instance, &deleted)?;
        }
        let new: Vec<Obj> = self.new.borrow().clone();
        self.sync_all(py, None)?;
        let dirty = self.dirty(py, None, &deleted)?;
        // With mapper listeners, every changed persistent object is saved as SQLAlchemy saves it
        // (its before_update runs even when nothing it changed reaches the table).
        let listening = crate::sqlalchemy::event::has_mapper_listeners(py);
        let is_deleted = |i: &Obj| deleted.iter().any(|d| crate::interp::object::identity(d) == crate::interp::object::identity(i));
        let mut touched: Vec<Obj> = if listening {
            modified.iter().filter(|i| state_of(i).is_some_and(|s| s.key.borrow().is_some()) && !is_deleted(i)).cloned().collect()
        } else {
            Vec::new()
        };
        crate::sorting::sort_by(&mut touched, |a, b| key_order(a) < key_order(b));
        if new.is_empty() && deleted.is_empty() && dirty.is_empty() && associations.is_empty() && touched.is_empty() {
            // Assignments that changed nothing: the objects are clean again, as after a flush.
            self.take_modified();
            return Ok(());
        }
        let conn = self.connection(py)?;
        // Tables in dependency order (the metadata's sorted tables), then mappers in that order.
        let mut mappers: Vec<Rc<Mapper>> = Vec::new();
        for instance in new.iter().chain(dirty.iter().map(|(i, _)| i)).chain(deleted.iter()).chain(touched.iter()) {
            if let Some(state) = state_of(instance) {
                if !mappers.iter().any(|m| Rc::ptr_eq(m, &state.mapper)) {
                    mappers.push(state.mapper.clone());
                }
            }
        }
        let super::unit_of_work::FlushOrder { saves: order, deletes: delete_order } = super::unit_of_work::flush_order(py, &mappers)?;
        let of_mapper = |items: &[Obj], mapper: &Rc<Mapper>| -> Vec<Obj> { items.iter().filter(|i| state_of(i).is_some_and(|s| Rc::ptr_eq(&s.mapper, mapper))).cloned().collect() };
        for mapper in &order {
            let inserts = of_mapper(&new, mapper);
            // The changed persistent objects of this class, by key: those changed before the
            // flush and those it changed itself (a child whose foreign key a parent set).
            self.sync_all(py, Some(mapper))?;
            let mut saved = if listening {
                let now: Vec<Obj> = self.modified.borrow().iter().filter(|i| state_of(i).is_some_and(|s| s.key.borrow().is_some()) && !is_deleted(i)).cloned().collect();
                of_mapper(&now, mapper)
            } else {
                Vec::new()
            };
            crate::sorting::sort_by(&mut saved, |a, b| key_order(a) < key_order(b));
            // before_insert for the new objects (in the order added), then before_update for the
            // changed ones: what they set goes into the statements.
            if listening {
                for instance in &inserts {
                    crate::sqlalchemy::event::fire_mapper(py, "before_insert", mapper, &conn, instance)?;
                }
                for instance in &saved {
                    crate::sqlalchemy::event::fire_mapper(py, "before_update", mapper, &conn, instance)?;
                }
            }
            // Keys of parents inserted just now reach their children before these are written.
            self.sync_all(py, Some(mapper))?;
            let updates = self.dirty(py, Some(mapper), &deleted)?;
            let updates: Vec<&(Obj, Vec<(String, Value)>)> = updates.iter().collect();
            self.emit_updates(py, &conn, mapper, &updates)?;
            // A self-referential mapper (a tree of tags): parents go first, each generation as
            // its own batch, their new keys reaching the next generation's foreign keys.
            for generation in generations(py, mapper, &inserts)? {
                self.sync_all(py, Some(mapper))?;
                self.emit_inserts(py, &conn, mapper, &generation)?;
            }
            if listening {
                for instance in &inserts {
                    crate::sqlalchemy::event::fire_mapper(py, "after_insert", mapper, &conn, instance)?;
                }
                for instance in &saved {
                    crate::sqlalchemy::event::fire_mapper(py, "after_update", mapper, &conn, instance)?;
                }
            }
        }
        // Association rows after both sides are written; a deleted object's before it goes.
        let removed = relationship::association_rows(py, &associations.removed)?;
        let added = relationship::association_rows(py, &associations.added)?;
        let of_deleted = relationship::association_rows(py, &associations.of_deleted)?;
        for (table, columns, rows) in removed.iter().chain(&of_deleted) {
            let quoted = crate::sql::quote_identifier(table);
            let condition: Vec<String> = columns.iter().map(|c| format!("{quoted}.{} = ?", crate::sql::quote_identifier(c))).collect();
            let sql = format!("DELETE FROM {quoted} WHERE {}", condition.join(" AND "));
            self.run_rows(py, &conn, &sql, rows)?;
        }
        for (table, columns, rows) in &added {
            let statement: Vec<(&str, &str)> = columns.iter().map(|c| (c.as_str(), "?")).collect();
            let sql = crate::sql::insert(table, &statement, None);
            self.run_rows(py, &conn, &sql, rows)?;
        }
        for mapper in &delete_order {
            let deletes = of_mapper(&deleted, mapper);
            if listening {
                for instance in &deletes {
                    crate::sqlalchemy::event::fire_mapper(py, "before_delete", mapper, &conn, instance)?;
                }
            }
            self.emit_deletes(py, &conn, mapper, &deletes)?;
            if listening {
                for instance in &deletes {
                    crate::sqlalchemy::event::fire_mapper(py, "after_delete", mapper, &conn, instance)?;
                }
            }
        }
        for instance in &new {
            relationship::orphans(py, instance)?;
        }
        for instance in new.iter().chain(&modified) {
            super::writeonly::flushed(instance);
        }
        // What a flush wrote has its `column_property()` expressions selected again when read.
        for instance in new.iter().chain(dirty.iter().map(|(o, _)| o)) {
            if let Some(state) = state_of(instance) {
                super::column_property::expire(instance, &state.mapper);
            }
        }
        self.emit(py, "after_flush", vec![context.clone()])?;
        self.new.borrow_mut().clear();
        self.deleted.borrow_mut().clear();
        self.take_modified();
        self.emit(py, "after_flush_postexec", vec![context])?;
        Ok(())
    }

    /// One statement for one row, or executemany for several, as SQLAlchemy sends them.
    fn run_rows(&self, py: &mut Interpreter, conn: &Rc<Conn>, sql: &str, rows: &[Vec<Value>]) -> Res<()> {
        match rows {
            [] => Ok(()),
            [row] => conn.run(py, Stat::Compiled, sql, sql, row, None).map(|_| ()),
            _ => conn.run_many(py, sql, sql, rows).map(|_| ()),
        }
    }

    /// Foreign keys from relationships, for every object of the session; the objects of
    /// `writing` (the class whose rows the flush writes next) load an expired parent's key.
    fn sync_all(&self, py: &mut Interpreter, writing: Option<&Rc<Mapper>>) -> Res<()> {
        let mut all = self.new.borrow().clone();
        all.extend(self.modified.borrow().iter().cloned());
        for instance in &all {
            if let Some(state) = state_of(instance) {
                let load = writing.is_some_and(|m| Rc::ptr_eq(m, &state.mapper));
                relationship::sync_foreign_keys(py, instance, &state.mapper, load)?;
            }
        }
        Ok(())
    }

    /// Persistent objects whose loaded column values differ from the database's (of one mapper,
    /// or all), with the changed columns.
    fn dirty(&self, py: &mut Interpreter, only: Option<&Rc<Mapper>>, deleted: &[Obj]) -> Res<Vec<(Obj, Vec<(String, Value)>)>> {
        let mut dirty = Vec::new();
        let modified: Vec<Obj> = self.modified.borrow().clone();
        for instance in modified {
            if deleted.iter().any(|d| crate::interp::object::identity(d) == crate::interp::object::identity(&instance)) {
                continue;
            }
            let Some(state) = state_of(&instance) else { continue };
            if only.is_some_and(|m| !Rc::ptr_eq(m, &state.mapper)) {
                continue;
            }
            let changes = state.changes(py, &instance)?;
            if !changes.is_empty() {
                dirty.push((instance, changes));
            }
        }
        Ok(dirty)
    }

    fn emit_updates(&self, py: &mut Interpreter, conn: &Rc<Conn>, mapper: &Rc<Mapper>, updates: &[&(Obj, Vec<(String, Value)>)]) -> Res<()> {
        let table = crate::sql::quote_identifier(&mapper.table_name);
        let mut planned: Vec<(Obj, Vec<(String, Set)>)> = Vec::with_capacity(updates.len());
        for (instance, changes) in updates {
            planned.push((instance.clone(), self.update_sets(py, mapper, instance, changes)?));
        }
        // What a statement looks like: the columns it sets, each with `?` or its expression.
        let shape = |sets: &[(String, Set)]| -> Vec<(String, Option<String>)> {
            sets.iter().map(|(a, set)| (a.clone(), if let Set::Sql(s) = set { Some(s.text.clone()) } else { None })).collect()
        };
        // Consecutive updates of the same columns go as one executemany.
        let mut at = 0;
        while at < planned.len() {
            let first = shape(&planned[at].1);
            let mut end = at + 1;
            while end < planned.len() && shape(&planned[end].1) == first {
                end += 1;
            }
            let sets: Vec<String> = first
                .iter()
                .map(|(a, text)| {
                    let name = crate::sql::quote_identifier(&mapper.column(a).map_or(a.to_string(), |c| c.name.clone()));
                    format!("{name}={}", text.as_deref().unwrap_or("?"))
                })
                .collect();
            let pk = mapper.primary_key();
            let condition: Vec<String> = pk.iter().map(|c| format!("{table}.{} = ?", crate::sql::quote_identifier(&c.name))).collect();
            let sql = format!("UPDATE {table} SET {} WHERE {}", sets.join(", "), condition.join(" AND "));
            let mut rows = Vec::new();
            for (instance, sets) in &planned[at..end] {
                let mut params: Vec<Value> = Vec::new();
                for (_, set) in sets {
                    match set {
                        Set::Value(v) => params.push(v.clone()),
                        Set::Sql(s) => params.extend(s.params.iter().cloned()),
                    }
                }
                let key = state_of(instance).and_then(|s| s.key.borrow().clone()).unwrap_or_default();
                params.extend(key);
                rows.push(params);
            }
            // The flush's statements are cached apart from the same text run as Core (SQLAlchemy
            // keeps them in each mapper's own compiled cache).
            let key = format!("{sql}\u{0}flush");
            let matched = if rows.len() == 1 {
                conn.run(py, Stat::Compiled, &key, &sql, &rows[0], None)?.rowcount
            } else {
                conn.run_many(py, &key, &sql, &rows)?
            };
            self.updated.borrow_mut().extend(planned[at..end].iter().filter_map(|(instance, _)| if let Obj::Instance(i) = instance { Some(Rc::downgrade(i)) } else { None }));
            if matched != rows.len() as i64 {
                return raise(
                    py,
                    "sqlalchemy.orm.exc",
                    "StaleDataError",
                    &format!("UPDATE statement on table '{}' expected to update {} row(s); {matched} were matched.", mapper.table_name, rows.len()),
                );
            }
            for (instance, sets) in &planned[at..end] {
                let (Some(state), Obj::Instance(inst)) = (state_of(instance), instance) else { continue };
                for (attr, set) in sets {
                    match set {
                        Set::Value(value) => state.set_committed(attr, value.clone()),
                        // What the database computed is not known here: the attribute is
                        // expired, and loads when next read.
                        Set::Sql(_) => expire_attribute(inst, &state, attr),
                    }
                }
            }
            at = end;
        }
        Ok(())
    }

    /// What one object's UPDATE sets, in the table's order: the columns it changed and, for each
    /// other column with an `onupdate=`, that value — a callable's result or a plain value, set on
    /// the object too, or a SQL expression written into the statement.
    fn update_sets(&self, py: &mut Interpreter, mapper: &Rc<Mapper>, instance: &Obj, changes: &[(String, Value)]) -> Res<Vec<(String, Set)>> {
        let mut sets = Vec::new();
        for column in &mapper.columns {
            if let Some((_, value)) = changes.iter().find(|(a, _)| *a == column.attr) {
                sets.push((column.attr.clone(), Set::Value(value.clone())));
                continue;
            }
            let (Some(onupdate), false) = (&column.onupdate, column.primary_key) else { continue };
            let value = crate::sqlalchemy::convert::column_default(py, onupdate)?;
            if let Some(sql) = value.native::<crate::sqlalchemy::expression::ExprObj>().map(|e| e.0.clone()) {
                sets.push((column.attr.clone(), Set::Sql(SetTo::sql(column.name.clone(), &sql))));
                continue;
            }
            let bound = crate::sqlalchemy::convert::to_value_as(py, &value, column.sql_type.as_ref())?;
            if let Obj::Instance(inst) = instance {
                inst.attrs.borrow_mut().insert_str(&column.attr, value);
            }
            sets.push((column.attr.clone(), Set::Value(bound)));
        }
        // Anything changed that is not one of the table's columns keeps its place at the end.
        for (attr, value) in changes {
            if !sets.iter().any(|(a, _)| a == attr) {
                sets.push((attr.clone(), Set::Value(value.clone())));
            }
        }
        Ok(sets)
    }

    /// The bulk writes (`bulk_insert_mappings`, `bulk_save_objects`, `bulk_update_mappings`, and
    /// `session.execute(insert(User), [dicts])`): rows of attribute values straight to the table,
    /// with no identity map. Consecutive rows that name the same attributes go as one
    /// executemany, compiled once per set of names; an INSERT fills a column the row leaves out
    /// from its `default=`. An update sets the row's other columns where its primary key matches.
    /// `statement`: the rows came with an `insert()` statement, whose compiled forms the engine's
    /// cache keeps (the legacy methods' are the mapper's own).
    fn bulk_write(&self, py: &mut Interpreter, mapper: &Rc<Mapper>, rows: Vec<Vec<(String, Obj)>>, update: bool, statement: bool) -> Res<()> {
        let conn = self.connection(py)?;
        let table = crate::sql::quote_identifier(&mapper.table_name);
        // Each row: the attributes it names, and its columns (name, value, primary key).
        let mut prepared: Vec<(Vec<String>, Vec<(String, Value, bool)>)> = Vec::new();
        for row in rows {
            let mut named = Vec::new();
            let mut columns = Vec::new();
            for column in &mapper.columns {
                let value = match row.iter().find(|(attr, _)| *attr == column.attr) {
                    Some((_, value)) => {
                        named.push(column.attr.clone());
                        value.clone()
                    }
                    None => match &column.default {
                        Some(default) if !update => {
                            if default.native::<crate::sqlalchemy::expression::ExprObj>().is_some() {
                                return py.stop_not_available("a bulk INSERT into a table whose column has a SQL expression as its default=");
                            }
                            crate::sqlalchemy::convert::column_default(py, default)?
                        }
                        _ => continue,
                    },
                };
                columns.push((column.name.clone(), crate::sqlalchemy::convert::to_value_as(py, &value, column.sql_type.as_ref())?, column.primary_key));
            }
            if !update || columns.iter().any(|(_, _, pk)| !pk) {
                prepared.push((named, columns));
            }
        }
        let mut at = 0;
        while at < prepared.len() {
            let first = &prepared[at].0;
            let mut end = at + 1;
            while end < prepared.len() && prepared[end].0 == *first {
                end += 1;
            }
            let quoted = |n: &String| crate::sql::quote_identifier(n);
            let row = &prepared[at].1;
            let (sql, rows): (String, Vec<Vec<Value>>) = if update {
                let sets: Vec<String> = row.iter().filter(|c| !c.2).map(|(n, _, _)| format!("{}=?", quoted(n))).collect();
                let keys: Vec<String> = row.iter().filter(|c| c.2).map(|(n, _, _)| format!("{table}.{} = ?", quoted(n))).collect();
                let values = prepared[at..end]
                    .iter()
                    .map(|(_, r)| r.iter().filter(|c| !c.2).chain(r.iter().filter(|c| c.2)).map(|(_, v, _)| v.clone()).collect())
                    .collect();
                (format!("UPDATE {table} SET {} WHERE {}", sets.join(", "), keys.join(" AND ")), values)
            } else {
                let columns: Vec<(&str, &str)> = row.iter().map(|(n, _, _)| (n.as_str(), "?")).collect();
                let values: Vec<Vec<Value>> = prepared[at..end].iter().map(|(_, r)| r.iter().map(|(_, v, _)| v.clone()).collect()).collect();
                let shared_by = mapper.columns.first().filter(|_| values.len() > 1).map(|c| c.name.as_str());
                (crate::sql::insert(&mapper.table_name, &columns, shared_by), values)
            };
            // SQLAlchemy compiles the statement for the names given (a default's column is a
            // parameter it fills), once for a single row and once for an executemany.
            let key = format!("{sql}\u{0}{}\u{0}{}", if statement { "statement" } else { "flush" }, first.join(","));
            if rows.len() == 1 {
                conn.run(py, Stat::Compiled, &key, &sql, &rows[0], None)?;
            } else {
                conn.run_many(py, &key, &sql, &rows)?;
            }
            at = end;
        }
        Ok(())
    }

    fn emit_inserts(self: &Rc<Self>, py: &mut Interpreter, conn: &Rc<Conn>, mapper: &Rc<Mapper>, inserts: &[Obj]) -> Res<()> {
        // Each object's parameters: the columns with a value, defaults applied; NULL for the
        // other plain columns; a primary key without a value is left to SQLite.
        // Each record: the object, its parameters, whether it has its key, and the columns the
        // object gave itself (not filled from a Python-side default): SQLAlchemy batches
        // consecutive rows only when those are the same columns.
        let mut records: Vec<InsertRecord> = Vec::new();
        for instance in inserts {
            relationship::sync_foreign_keys(py, instance, mapper, true)?;
            let Obj::Instance(inst) = instance else { continue };
            let mut params = Vec::new();
            let mut inline = Vec::new();
            let mut own = Vec::new();
            let mut has_pk = true;
            for column in &mapper.columns {
                let given = inst.attrs.borrow().get_str(&column.attr).cloned();
                // A type whose None is a value (JSON `null`): left unset, the column is not in the
                // INSERT; set to None, it is.
                let evaluates_none = column.sql_type.as_ref().is_some_and(crate::schema::SqlType::evaluates_none);
                if evaluates_none && given.is_none() && column.default.is_none() {
                    continue;
                }
                let mut value = given.clone().unwrap_or(Obj::None);
                let defaulted = matches!(value, Obj::None) && (given.is_none() || !evaluates_none) && column.default.is_some();
                if defaulted {
                    if let Some(default) = &column.default {
                        value = crate::sqlalchemy::convert::column_default(py, default)?;
                        // A SQL expression (`func.now()`) is written into the INSERT, and its
                        // value comes back with RETURNING.
                        if let Some(sql) = value.native::<crate::sqlalchemy::expression::ExprObj>().map(|e| e.0.clone()) {
                            inline.push(SetTo::sql(column.name.clone(), &sql));
                            continue;
                        }
                        inst.attrs.borrow_mut().insert_str(&column.attr, value.clone());
                    }
                }
                if matches!(value, Obj::None) {
                    if column.primary_key {
                        has_pk = false;
                        continue;
                    }
                    if column.server_default {
                        continue;
                    }
                }
                if !defaulted {
                    own.push(column.name.clone());
                }
                params.push((column.name.clone(), crate::sqlalchemy::convert::to_value_as(py, &value, column.sql_type.as_ref())?));
            }
            records.push(InsertRecord { instance: instance.clone(), params, inline, has_pk, own });
        }
        let pk_names: Vec<String> = mapper.primary_key().iter().map(|c| c.name.clone()).collect();
        let mut at = 0;
        while at < records.len() {
            let slots = records[at].slots(mapper);
            let has_pk = records[at].has_pk;
            let mut end = at + 1;
            while end < records.len() && records[end].has_pk == has_pk && records[end].slots(mapper) == slots && records[end].own == records[at].own {
                end += 1;
            }
            let columns: Vec<(&str, &str)> = slots.iter().map(|(n, mark)| (n.as_str(), mark.as_str())).collect();
            let shared_by = mapper.columns.first().filter(|_| end - at > 1).map(|c| c.name.as_str());
            let base = crate::sql::insert(&mapper.table_name, &columns, shared_by);
            let group = &records[at..end];
            // SQLAlchemy compiles (and caches) an INSERT per set of columns the objects gave.
            let key = format!("{base}\u{0}{}", records[at].own.join(","));
            // Server defaults the rows leave out, and SQL expression defaults, come back with the
            // key (`RETURNING id, created`), as SQLAlchemy's eager defaults fetch them where
            // RETURNING is available.
            let fetch: Vec<String> = mapper
                .columns
                .iter()
                .filter(|c| !c.primary_key && ((c.server_default && !slots.iter().any(|(n, _)| *n == c.name)) || records[at].inline.iter().any(|i| i.name == c.name)))
                .map(|c| c.name.clone())
                .collect();
            if fetch.is_empty() && (group.len() == 1 || has_pk) {
                if group.len() > 1 {
                    let rows: Vec<Vec<Value>> = group.iter().map(|r| r.values(mapper)).collect();
                    conn.run_many(py, &key, &base, &rows)?;
                    for record in group {
                        self.inserted(py, mapper, &record.instance, &record.params, None)?;
                    }
                } else {
                    let record = &group[0];
                    let ran = conn.run(py, Stat::Compiled, &key, &base, &record.values(mapper), None)?;
                    self.inserted(py, mapper, &record.instance, &record.params, (!has_pk).then_some(ran.lastrowid))?;
                }
            } else {
                // Rows whose keys SQLite makes, or whose server defaults come back: one INSERT …
                // RETURNING per row ("insertmanyvalues" when several, which SQLite cannot batch
                // while keeping order).
                let mut returning: Vec<String> = if has_pk { Vec::new() } else { pk_names.clone() };
                returning.extend(fetch);
                let quoted: Vec<String> = returning.iter().map(|n| crate::sql::quote_identifier(n)).collect();
                let sql = format!("{base} RETURNING {}", quoted.join(", "));
                let total = group.len();
                for (n, record) in group.iter().enumerate() {
                    let (instance, params) = (&record.instance, &record.params);
                    let values = record.values(mapper);
                    let returning_key = format!("{sql}\u{0}{}", records[at].own.join(","));
                    let ran = if total == 1 { conn.run(py, Stat::Compiled, &returning_key, &sql, &values, None)? } else { conn.run_batch_row(py, &sql, &values, n + 1, total)? };
                    let row = ran.rows.first().cloned().unwrap_or_default();
                    let returned: Vec<(String, Value)> = returning.iter().cloned().zip(row).collect();
                    let id = match returned.first() {
                        _ if has_pk => None,
                        Some((_, Value::Integer(i))) => Some(*i),
                        _ => Some(ran.lastrowid),
                    };
                    self.inserted(py, mapper, instance, params, id)?;
                    self.fetched(py, mapper, instance, &returned)?;
                }
            }
            at = end;
        }
        Ok(())
    }

    /// After an INSERT: the new key, the object persistent in the identity map.
    fn inserted(&self, _py: &mut Interpreter, mapper: &Rc<Mapper>, instance: &Obj, params: &[(String, Value)], rowid: Option<i64>) -> Res<()> {
        let Some(state) = state_of(instance) else { return Ok(()) };
        let Obj::Instance(inst) = instance else { return Ok(()) };
        if let (Some(id), Some(pk)) = (rowid, mapper.primary_key().first()) {
            inst.attrs.borrow_mut().insert_str(&pk.attr, Obj::Int(id));
        }
        let mut key = Vec::new();
        for pk in mapper.primary_key() {
            let value = inst.attrs.borrow().get_str(&pk.attr).cloned().unwrap_or(Obj::None);
            key.push(match value {
                Obj::Int(i) => Value::Integer(i),
                Obj::Str(s) => Value::Text(s.to_string()),
                _ => Value::Null,
            });
        }
        *state.key.borrow_mut() = Some(key.clone());
        let mut committed: Vec<(String, Value)> = Vec::new();
        for column in &mapper.columns {
            if let Some((_, v)) = params.iter().find(|(n, _)| *n == column.name) {
                committed.push((column.attr.clone(), v.clone()));
            } else if column.primary_key {
                committed.push((column.attr.clone(), key.first().cloned().unwrap_or(Value::Null)));
            }
        }
        *state.committed.borrow_mut() = committed;
        self.remember(identity_key(mapper, &key), instance);
        if let Obj::Instance(i) = instance {
            self.inserted.borrow_mut().push(Rc::downgrade(i));
        }
        Ok(())
    }

    /// Server-default values an INSERT returned: set on the object, as loaded.
    fn fetched(&self, py: &mut Interpreter, mapper: &Rc<Mapper>, instance: &Obj, returned: &[(String, Value)]) -> Res<()> {
        let (Some(state), Obj::Instance(inst)) = (state_of(instance), instance) else { return Ok(()) };
        for (name, value) in returned {
            let Some(column) = mapper.column_by_name(name).filter(|c| !c.primary_key) else { continue };
            let obj = crate::sqlalchemy::convert::from_value_typed(py, value, column.sql_type.as_ref())?;
            let bound = crate::sqlalchemy::convert::to_value_as(py, &obj, column.sql_type.as_ref())?;
            inst.attrs.borrow_mut().insert_str(&column.attr, obj);
            let mut committed = state.committed.borrow_mut();
            committed.retain(|(a, _)| *a != column.attr);
            committed.push((column.attr.clone(), bound));
        }
        Ok(())
    }

    fn emit_deletes(&self, py: &mut Interpreter, conn: &Rc<Conn>, mapper: &Rc<Mapper>, deletes: &[Obj]) -> Res<()> {
        if deletes.is_empty() {
            return Ok(());
        }
        let table = crate::sql::quote_identifier(&mapper.table_name);
        let pk = mapper.primary_key();
        let condition: Vec<String> = pk.iter().map(|c| format!("{table}.{} = ?", crate::sql::quote_identifier(&c.name))).collect();
        let sql = format!("DELETE FROM {table} WHERE {}", condition.join(" AND "));
        let rows: Vec<Vec<Value>> = deletes.iter().map(|d| state_of(d).and_then(|s| s.key.borrow().clone()).unwrap_or_default()).collect();
        let key = format!("{sql}\u{0}flush");
        if rows.len() == 1 {
            conn.run(py, Stat::Compiled, &key, &sql, &rows[0], None)?;
        } else {
            conn.run_many(py, &key, &sql, &rows)?;
        }
        for (instance, key) in deletes.iter().zip(rows.iter()) {
            if let Some(state) = state_of(instance) {
                state.deleted.set(true);
                self.forget(&identity_key(mapper, key));
                self.removed.borrow_mut().push(instance.clone());
            }
        }
        Ok(())
    }

    pub fn commit(self: &Rc<Self>, py: &mut Interpreter) -> Res<()> {
        self.check_failed(py)?;
        self.emit(py, "before_commit", Vec::new())?;
        self.flush(py)?;
        if let Some(conn) = self.conn.borrow_mut().take() {
            if !self.joined.get() {
                conn.commit(py)?;
            }
            if self.bound_connection().is_none() {
                conn.close(py)?;
            }
        }
        self.after_transaction(true);
        self.emit(py, "after_commit", Vec::new())
    }

    /// After COMMIT or ROLLBACK: deleted objects are detached for good (commit) or persistent
    /// again (rollback), inserted ones stay (commit) or become transient (rollback); everything
    /// persistent is expired (on commit, if `expire_on_commit`; always on rollback).
    fn after_transaction(&self, committed: bool) {
        for savepoint in self.nested.borrow_mut().drain(..) {
            savepoint.active.set(false);
        }
        self.updated.borrow_mut().clear();
        let removed: Vec<Obj> = self.removed.borrow_mut().drain(..).collect();
        let inserted: Vec<Obj> = self.inserted.borrow_mut().drain(..).filter_map(|w| w.upgrade()).map(Obj::Instance).collect();
        for instance in &removed {
            if let Some(state) = state_of(instance) {
                if committed {
                    *state.session.borrow_mut() = std::rc::Weak::new();
                } else {
                    state.deleted.set(false);
                    if let Some(key) = state.key.borrow().clone() {
                        self.remember(identity_key(&state.mapper, &key), instance);
                    }
                }
            }
        }
        if !committed {
            for instance in &inserted {
                if let Some(state) = state_of(instance) {
                    if let Some(key) = state.key.borrow_mut().take() {
                        self.forget(&identity_key(&state.mapper, &key));
                    }
                    *state.session.borrow_mut() = std::rc::Weak::new();
                    state.committed.borrow_mut().clear();
                }
            }
        }
        if !committed || self.expire_on_commit {
            for instance in self.persistent() {
                if let Some(state) = state_of(&instance) {
                    expire(&instance, &state);
                }
            }
        }
    }

    pub fn rollback(self: &Rc<Self>, py: &mut Interpreter) -> Res<()> {
        let open = self.conn.borrow().is_some();
        if let Some(conn) = self.conn.borrow_mut().take() {
            conn.rollback(py)?;
            if self.bound_connection().is_none() {
                conn.close(py)?;
            }
        }
        *self.failed.borrow_mut() = None;
        self.take_modified();
        // Pending objects are expunged; objects inserted in the transaction are transient again.
        for instance in self.new.borrow_mut().drain(..) {
            if let Some(state) = state_of(&instance) {
                *state.session.borrow_mut() = std::rc::Weak::new();
            }
        }
        self.deleted.borrow_mut().clear();
        self.after_transaction(false);
        if open {
            self.emit(py, "after_rollback", Vec::new())?;
        }
        Ok(())
    }

    pub fn close(self: &Rc<Self>, py: &mut Interpreter) -> Res<()> {
        if let Some(conn) = self.conn.borrow_mut().take() {
            match self.bound_connection() {
                None => conn.close(py)?,
                // The transaction the session began on a given connection ends; the connection stays.
                Some(_) if !self.joined.get() => conn.rollback(py)?,
                Some(_) => {}
            }
        }
        *self.failed.borrow_mut() = None;
        self.expunge_all();
        Ok(())
    }

    pub fn expunge_all(&self) {
        for instance in self.persistent().into_iter().chain(self.new.borrow().iter().cloned()) {
            if let Some(state) = state_of(&instance) {
                *state.session.borrow_mut() = std::rc::Weak::new();
            }
        }
        self.identity.borrow_mut().clear();
        self.order.borrow_mut().clear();
        self.take_modified();
        self.new.borrow_mut().clear();
        self.deleted.borrow_mut().clear();
    }

    fn expunge(&self, py: &mut Interpreter, instance: &Obj) -> Res<()> {
        let Some(state) = state_of(instance) else { return unmapped(py, instance) };
        if let Some(key) = state.key.borrow().clone() {
            self.forget(&identity_key(&state.mapper, &key));
        }
        let id = crate::interp::object::identity(instance);
        self.new.borrow_mut().retain(|o| crate::interp::object::identity(o) != id);
        *state.session.borrow_mut() = std::rc::Weak::new();
        Ok(())
    }

    /// `obj in session`: attached, and not deleted by a flush.
    pub fn contains(&self, instance: &Obj) -> bool {
        state_of(instance).filter(|s| !s.deleted.get()).and_then(|s| s.session()).is_some_and(|s| std::ptr::eq(Rc::as_ptr(&s), self))
    }

    pub fn refresh(self: &Rc<Self>, py: &mut Interpreter, instance: &Obj, attribute_names: Option<Vec<String>>) -> Res<()> {
        let Some(state) = state_of(instance).filter(|s| s.key.borrow().is_some()) else {
            let Some(mapper) = mapper_of(py, instance)? else { return unmapped(py, instance) };
            return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Instance '{}' is not persistent within this Session", state_str(instance, &mapper)));
        };
        let Some(names) = attribute_names else {
            expire(instance, &state);
            return SessionCore::load(self, py, instance, &state, "refresh");
        };
        // `refresh(obj, ["name"])`: only those columns are read again (`SELECT users.name …`).
        let mapper = state.mapper.clone();
        let mut columns = Vec::new();
        for name in &names {
            match mapper.column(name) {
                Some(column) => columns.push(column.clone()),
                None if mapper.relationship(name).is_some() => return py.stop_not_available("refresh() of a relationship attribute"),
                None => return py.error("KeyError", name.clone()),
            }
        }
        let selected = columns.iter().map(|c| Selected::Column(c.sql.clone())).collect();
        let Some(row) = self.select_own(py, &state, selected, "refresh")? else {
            if state.key.borrow().is_none() {
                return Ok(());
            }
            return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Could not refresh instance '{}'", state_str(instance, &mapper)));
        };
        let Obj::Instance(inst) = instance else { return Ok(()) };
        for (column, value) in columns.iter().zip(row) {
            let obj = super::super::convert::from_value_typed(py, &value, column.sql_type.as_ref())?;
            inst.attrs.borrow_mut().insert_str(&column.attr, obj);
            state.set_committed(&column.attr, value);
        }
        Ok(())
    }
}

/// SQLAlchemy's error for an object whose row is gone when its attributes load.
fn deleted<T>(py: &mut Interpreter, instance: &Obj, mapper: &Mapper) -> Res<T> {
    let message = format!("Instance '{}' has been deleted, or its row is otherwise not present.", state_str(instance, mapper));
    raise(py, "sqlalchemy.orm.exc", "ObjectDeletedError", &message)
}

/// Removes the loaded column values, so the next read loads them again.
pub fn expire(instance: &Obj, state: &InstanceState) {
    super::column_property::expire(instance, &state.mapper);
    if let Obj::Instance(inst) = instance {
        let mut attrs = inst.attrs.borrow_mut();
        for column in &state.mapper.columns {
            attrs.remove_str(&column.attr);
        }
        for relationship in state.mapper.relationships.borrow().iter() {
            attrs.remove_str(&relationship.attr);
        }
    }
    state.committed.borrow_mut().clear();
    state.pending.borrow_mut().clear();
    state.deferred.borrow_mut().clear();
}

/// An attribute given a value as the database now has it: loaded, nothing for a flush to write.
fn set_loaded(py: &mut Interpreter, inst: &Instance, state: &InstanceState, attr: &str, value: Obj) -> Res<()> {
    let sql_type = state.mapper.column(attr).and_then(|c| c.sql_type.clone());
    let bound = super::super::convert::to_value_as(py, &value, sql_type.as_ref())?;
    inst.attrs.borrow_mut().insert_str(attr, value);
    state.set_committed(attr, bound);
    Ok(())
}

/// One attribute expired: it loads when next read.
fn expire_attribute(inst: &Instance, state: &InstanceState, attr: &str) {
    inst.attrs.borrow_mut().remove_str(attr);
    state.committed.borrow_mut().retain(|(a, _)| a != attr);
    state.deferred.borrow_mut().retain(|(a, _)| a != attr);
}

/// Fills an instance's `__dict__` from a row: every column the row holds when `all`, else only
/// the ones not loaded (what is in `__dict__` already is the session's newer value).
/// What is loaded is also what a flush compares against: the value as the instance holds it,
/// bound back (a `Decimal('3.00')` read from `3` compares as `3.0`). A column the row's query
/// deferred otherwise than its class does is remembered, to load when read.
fn populate(py: &mut Interpreter, instance: &Obj, mapper: &Mapper, state: &InstanceState, row: &[Value], all: bool, loading: &[ColumnLoading]) -> Res<()> {
    let Obj::Instance(inst) = instance else { return Ok(()) };
    let mut loaded = Vec::new();
    for ((column, value), how) in mapper.columns.iter().zip(row).zip(loading) {
        if let ColumnLoading::Deferred { raiseload } = *how {
            let by_class = column.deferred.as_ref().map(|d| d.raiseload);
            let absent = inst.attrs.borrow().get_str(&column.attr).is_none();
            let mut deferred = state.deferred.borrow_mut();
            if absent && by_class != Some(raiseload) && !deferred.iter().any(|(a, _)| *a == column.attr) {
                deferred.push((column.attr.clone(), raiseload));
            }
            continue;
        }
        state.deferred.borrow_mut().retain(|(a, _)| *a != column.attr);
        if all || inst.attrs.borrow().get_str(&column.attr).is_none() {
            let obj = super::super::convert::from_value_typed(py, value, column.sql_type.as_ref())?;
            let bound = super::super::convert::to_value_as(py, &obj, column.sql_type.as_ref())?;
            loaded.push((column.attr.clone(), obj, bound));
        }
    }
    let mut attrs = inst.attrs.borrow_mut();
    for (attr, obj, bound) in loaded {
        attrs.insert_str(&attr, obj);
        state.set_committed(&attr, bound);
    }
    Ok(())
}


/// The mapper of an instance (a mapped class itself is not one).
fn instance_mapper(py: &mut Interpreter, instance: &Obj) -> Res<Option<Rc<Mapper>>> {
    match instance {
        Obj::Instance(_) => mapper_of(py, instance),
        _ => Ok(None),
    }
}

fn unmapped<T>(py: &mut Interpreter, instance: &Obj) -> Res<T> {
    if let Obj::Class(class) = instance {
        let message = format!(
            "Class 'sqlalchemy.orm.decl_api.DeclarativeAttributeIntercept' is not mapped; was a class ({}) supplied where an instance was required?",
            qualified_name(class)
        );
        return raise(py, "sqlalchemy.orm.exc", "UnmappedInstanceError", &message);
    }
    let name = match instance {
        Obj::Instance(inst) => qualified_name(&inst.class),
        other => format!("builtins.{}", other.type_name()),
    };
    raise(py, "sqlalchemy.orm.exc", "UnmappedInstanceError", &format!("Class '{name}' is not mapped"))
}


/// One new object's INSERT: its parameters, whether it has its key, and the columns the object
/// gave itself (not filled from a Python-side default).
struct InsertRecord {
    instance: Obj,
    /// The bound values, by column name.
    params: Vec<(String, Value)>,
    /// The columns whose default is a SQL expression, written into the statement.
    inline: Vec<SetTo>,
    has_pk: bool,
    own: Vec<String>,
}

impl InsertRecord {
    /// The INSERT's columns in the table's order, each with what stands for its value (`?`, or
    /// an expression such as `CURRENT_TIMESTAMP`).
    fn slots(&self, mapper: &Mapper) -> Vec<(String, String)> {
        let mut slots = Vec::new();
        for column in &mapper.columns {
            if self.params.iter().any(|(n, _)| *n == column.name) {
                slots.push((column.name.clone(), "?".to_string()));
            } else if let Some(set) = self.inline.iter().find(|i| i.name == column.name) {
                slots.push((column.name.clone(), set.text.clone()));
            }
        }
        slots
    }

    /// The parameters, in the order of `slots`.
    fn values(&self, mapper: &Mapper) -> Vec<Value> {
        let mut values = Vec::new();
        for column in &mapper.columns {
            if let Some((_, value)) = self.params.iter().find(|(n, _)| *n == column.name) {
                values.push(value.clone());
            } else if let Some(set) = self.inline.iter().find(|i| i.name == column.name) {
                values.extend(set.params.iter().cloned());
            }
        }
        values
    }
}

/// What an UPDATE the flush writes sets a column to: a bound value, or a SQL expression.
enum Set {
    Value(Value),
    Sql(SetTo),
}

/// A column set to a SQL expression in an INSERT or UPDATE the flush writes (`stamp=CURRENT_TIMESTAMP`).
struct SetTo {
    name: String,
    text: String,
    params: Vec<Value>,
}

impl SetTo {
    fn sql(name: String, sql: &crate::sqlalchemy::expression::Sql) -> SetTo {
        let mut c = crate::sqlalchemy::expression::Compiler::default();
        let text = c.expr(sql);
        SetTo { name, text, params: c.params }
    }
}

/// `Session(engine)` / what `sessionmaker()` makes.
pub struct SessionObj(pub Rc<SessionCore>);

pub fn new_session(py: &mut Interpreter, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<Obj> {
    let bind = args.first().or_else(|| kwarg(kwargs, "bind")).filter(|b| !matches!(b, Obj::None)).cloned();
    let autoflush = flag(py, kwargs, "autoflush")?.unwrap_or(true);
    let expire_on_commit = flag(py, kwargs, "expire_on_commit")?.unwrap_or(true);
    Ok(native(SessionObj(SessionCore::new(bind, autoflush, expire_on_commit))))
}

impl Native for SessionObj {
    fn type_name(&self) -> &str {
        "Session"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.session.Session object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let core = |this: &Obj| this.native::<SessionObj>().map(|s| s.0.clone());
        let one = |py: &mut Interpreter, args: &[Obj], what: &str| -> Res<Obj> {
            match args.first() {
                Some(a) => Ok(a.clone()),
                None => py.error("TypeError", format!("Session.{what}() missing 1 required positional argument: 'instance'")),
            }
        };
        Ok(Some(match name {
            "add" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let instance = one(py, &args, "add")?;
                s.add(py, &instance)?;
                Ok(Obj::None)
            }),
            "add_all" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let items = match args.first() {
                    Some(items) => py.iterate(items)?,
                    None => return py.error("TypeError", "Session.add_all() missing 1 required positional argument: 'instances'"),
                };
                for item in &items {
                    s.add(py, item)?;
                }
                Ok(Obj::None)
            }),
            "bulk_insert_mappings" | "bulk_update_mappings" => {
                let update = name == "bulk_update_mappings";
                let name = if update { "bulk_update_mappings" } else { "bulk_insert_mappings" };
                method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let (Some(target), Some(mappings)) = (args.first(), args.get(1)) else {
                    return py.error("TypeError", format!("Session.{name}() missing required positional arguments: 'mapper' and 'mappings'"));
                };
                let Some(mapper) = mapper_of(py, target)? else {
                    let shown = py.repr_of(target)?;
                    return raise(py, "sqlalchemy.orm.exc", "UnmappedClassError", &format!("Class {shown} is not mapped"));
                };
                let mut rows = Vec::new();
                for mapping in py.iterate(mappings)? {
                    let items = crate::sqlalchemy::statement::dict_items(py, &mapping)?;
                    rows.push(items);
                }
                s.bulk_write(py, &mapper, rows, update, false)?;
                Ok(Obj::None)
            })
            }
            "bulk_save_objects" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let Some(objects) = args.first() else {
                    return py.error("TypeError", "Session.bulk_save_objects() missing 1 required positional argument: 'objects'");
                };
                // Rows of new objects, grouped by class as they come; the objects stay transient.
                let mut groups: Vec<(Rc<Mapper>, Vec<Vec<(String, Obj)>>)> = Vec::new();
                for object in py.iterate(objects)? {
                    let Some(mapper) = mapper_of(py, &object)? else {
                        let shown = py.repr_of(&object)?;
                        return raise(py, "sqlalchemy.orm.exc", "UnmappedInstanceError", &format!("Class '{}' is not mapped", shown));
                    };
                    if state_of(&object).is_some_and(|state| state.key.borrow().is_some()) {
                        return py.stop_not_available("Session.bulk_save_objects() of objects already in the database");
                    }
                    let Obj::Instance(inst) = &object else { continue };
                    let row: Vec<(String, Obj)> = mapper
                        .columns
                        .iter()
                        .filter_map(|c| inst.attrs.borrow().get_str(&c.attr).map(|v| (c.attr.clone(), v.clone())))
                        .collect();
                    match groups.last_mut() {
                        Some((last, rows)) if Rc::ptr_eq(last, &mapper) => rows.push(row),
                        _ => groups.push((mapper, vec![row])),
                    }
                }
                for (mapper, rows) in groups {
                    s.bulk_write(py, &mapper, rows, false, false)?;
                }
                Ok(Obj::None)
            }),
            "delete" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let instance = one(py, &args, "delete")?;
                s.delete(py, &instance)?;
                Ok(Obj::None)
            }),
            "commit" | "flush" | "rollback" | "close" | "expire_all" | "expunge_all" => {
                let which: &'static str = match name {
                    "commit" => "commit",
                    "flush" => "flush",
                    "rollback" => "rollback",
                    "close" => "close",
                    "expire_all" => "expire_all",
                    _ => "expunge_all",
                };
                method(this, which, move |py, this, _, _| {
                    let Some(s) = core(this) else { return Ok(Obj::None) };
                    match which {
                        "commit" => s.commit(py)?,
                        "flush" => s.flush(py)?,
                        "rollback" => s.rollback(py)?,
                        "close" => s.close(py)?,
                        "expire_all" => {
                            for instance in s.persistent() {
                                if let Some(state) = state_of(&instance) {
                                    expire(&instance, &state);
                                }
                            }
                        }
                        _ => s.expunge_all(),
                    }
                    Ok(Obj::None)
                })
            }
            "get" => method(this, name, move |py, this, args, kwargs| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let (Some(entity), Some(ident)) = (args.first(), args.get(1)) else {
                    return py.error("TypeError", "Session.get() missing 2 required positional arguments: 'entity' and 'ident'");
                };
                if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "populate_existing") {
                    return py.stop_not_available(&format!("Session.get({other}=...)"));
                }
                let populate_existing = flag(py, &kwargs, "populate_existing")?.unwrap_or(false);
                s.get_with(py, entity, ident, populate_existing)
            }),
            // `get()` that insists: SQLAlchemy's NoResultFound when there is no such row.
            "get_one" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let (Some(entity), Some(ident)) = (args.first(), args.get(1)) else {
                    return py.error("TypeError", "Session.get_one() missing 2 required positional arguments: 'entity' and 'ident'");
                };
                match s.get(py, entity, ident)? {
                    Obj::None => raise(py, "sqlalchemy.exc", "NoResultFound", "No row was found when one was required"),
                    found => Ok(found),
                }
            }),
            "merge" => method(this, name, move |py, this, args, kwargs| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let instance = one(py, &args, "merge")?;
                if let Some((other, _)) = kwargs.first() {
                    return py.stop_not_available(&format!("Session.merge({other}=...)"));
                }
                s.merge(py, &instance)
            }),
            "refresh" => method(this, name, move |py, this, args, kwargs| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let Some(instance) = args.first().cloned() else { return py.error("TypeError", "refresh() missing 1 required positional argument: 'instance'") };
                let names = match args.get(1).or_else(|| kwarg(&kwargs, "attribute_names")) {
                    None | Some(Obj::None) => None,
                    Some(given) => {
                        let mut names = Vec::new();
                        for item in py.iterate(given)? {
                            names.push(super::super::convert::text_arg(py, &item, "attribute_names")?);
                        }
                        Some(names)
                    }
                };
                s.refresh(py, &instance, names)?;
                Ok(Obj::None)
            }),
            "expire" => method(this, name, move |py, this, args, kwargs| {
                let Some(instance) = args.first().cloned() else { return py.error("TypeError", "Session.expire() missing 1 required positional argument: 'instance'") };
                let Some(state) = state_of(&instance) else { return unmapped(py, &instance) };
                // Only an object this session holds from the database has anything to expire.
                let ours = core(this).is_some_and(|s| state.session().is_some_and(|held| Rc::ptr_eq(&held, &s)));
                if state.key.borrow().is_none() || !ours {
                    let message = format!("Instance '{}' is not persistent within this Session", state_str(&instance, &state.mapper));
                    return raise(py, "sqlalchemy.exc", "InvalidRequestError", &message);
                }
                let Some(names) = args.get(1).or_else(|| kwarg(&kwargs, "attribute_names")).cloned() else {
                    expire(&instance, &state);
                    return Ok(Obj::None);
                };
                // `expire(obj, ["title"])`: only those attributes; a name the class does not
                // map is SQLAlchemy's KeyError.
                let names = py.iterate(&names)?;
                let Obj::Instance(inst) = &instance else { return Ok(Obj::None) };
                for name in names {
                    let name = super::super::convert::text_arg(py, &name, "attribute name")?;
                    if state.mapper.column(&name).is_some() {
                        expire_attribute(inst, &state, &name);
                    } else if state.mapper.relationship(&name).is_some() {
                        inst.attrs.borrow_mut().remove_str(&name);
                    } else {
                        return py.error("KeyError", name);
                    }
                }
                Ok(Obj::None)
            }),
            "expunge" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let instance = one(py, &args, "expunge")?;
                s.expunge(py, &instance)?;
                Ok(Obj::None)
            }),
            "execute" | "scalars" | "scalar" => {
                let which: &'static str = if name == "execute" { "execute" } else if name == "scalars" { "scalars" } else { "scalar" };
                method(this, which, move |py, this, args, kwargs| {
                    let Some(s) = core(this) else { return Ok(Obj::None) };
                    let Some(statement) = args.first() else { return py.error("TypeError", format!("Session.{which}() missing 1 required positional argument: 'statement'")) };
                    let params = args.get(1).or_else(|| kwarg(&kwargs, "params")).cloned();
                    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "params" && k != "execution_options") {
                        return py.stop_not_available(&format!("Session.{which}({other}=...)"));
                    }
                    let mut statement = statement.clone();
                    if let Some(options) = args.get(2).or_else(|| kwarg(&kwargs, "execution_options")) {
                        let options = crate::sqlalchemy::statement::dict_items(py, options)?;
                        statement = with_execution_options(py, &statement, &options)?;
                    }
                    let result = s.execute(py, &statement, params.as_ref())?;
                    match which {
                        "execute" => Ok(result),
                        other => ResultObj::call_method(py, &result, other),
                    }
                })
            }
            "query" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                super::query::new_query(py, s, &args)
            }),
            "connection" => method(this, name, move |py, this, _, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let conn = s.connection(py)?;
                Ok(native(super::super::engine::ConnectionObj { conn, begin_block: false }))
            }),
            "begin" => method(this, name, move |_, this, _, _| Ok(native(SessionTransaction(this.clone())))),
            "begin_nested" => method(this, name, move |py, this, _, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                s.begin_nested(py)
            }),
            "in_transaction" => method(this, name, move |_, this, _, _| Ok(Obj::Bool(core(this).is_some_and(|s| s.conn.borrow().is_some())))),
            "is_modified" => method(this, name, move |py, this, args, _| {
                let Some(s) = core(this) else { return Ok(Obj::None) };
                let instance = one(py, &args, "is_modified")?;
                Ok(Obj::Bool(s.is_modified(py, &instance)?))
            }),
            "is_active" => Obj::Bool(true),
            "new" => native(IdentitySet(self.0.new.borrow().clone())),
            "deleted" => native(IdentitySet(self.0.deleted.borrow().clone())),
            "dirty" => {
                // Any assignment makes an object dirty, as in SQLAlchemy, even one that changes
                // nothing (`is_modified()` tells; a flush writes only what differs).
                let deleted: Vec<usize> = self.0.deleted.borrow().iter().map(crate::interp::object::identity).collect();
                let modified: Vec<Obj> = self.0.modified.borrow().clone();
                native(IdentitySet(modified.into_iter().filter(|i| !deleted.contains(&crate::interp::object::identity(i))).collect()))
            }
            "identity_map" => Obj::list(self.0.persistent()),
            "bind" => self.0.bind.clone().unwrap_or(Obj::None),
            "autoflush" => Obj::Bool(self.0.autoflush),
            "no_autoflush" => native(NoAutoflush(self.0.clone())),
            _ => return Ok(None),
        }))
    }
    fn contains(&self, _py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
        Some(Ok(self.0.contains(item)))
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        let mut all = self.0.new.borrow().clone();
        all.extend(self.0.persistent());
        Some(Ok(all))
    }
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, _error: Option<&Obj>) -> Res<bool> {
        self.0.close(py)?;
        Ok(false)
    }
}

/// `session.new`, `.dirty`, `.deleted`: objects by identity.
pub struct IdentitySet(Vec<Obj>);

impl Native for IdentitySet {
    fn type_name(&self) -> &str {
        "IdentitySet"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let list = Obj::list(self.0.clone());
        Ok(format!("IdentitySet({})", py.repr_of(&list)?))
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.0.clone()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.0.len()))
    }
    fn contains(&self, _py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
        let id = crate::interp::object::identity(item);
        Some(Ok(self.0.iter().any(|o| crate::interp::object::identity(o) == id)))
    }
    fn truthy(&self, _py: &mut Interpreter, _this: &Obj) -> Res<bool> {
        Ok(!self.0.is_empty())
    }
}

/// `with session.begin():` commits at the end of the block, or rolls back on an exception.
pub struct SessionTransaction(Obj);

impl Native for SessionTransaction {
    fn type_name(&self) -> &str {
        "SessionTransaction"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.session.SessionTransaction object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn enter(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(self.0.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        let Some(session) = self.0.native::<SessionObj>() else { return Ok(false) };
        let core = session.0.clone();
        match error {
            None => core.commit(py)?,
            Some(_) => core.rollback(py)?,
        }
        Ok(false)
    }
}

/// `with session.no_autoflush:`.
pub struct NoAutoflush(Rc<SessionCore>);

impl Native for NoAutoflush {
    fn type_name(&self) -> &str {
        "no_autoflush"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok("<no_autoflush>".into())
    }
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        self.0.no_autoflush.set(self.0.no_autoflush.get() + 1);
        Some(Ok(this.clone()))
    }
    fn exit(&self, _py: &mut Interpreter, _this: &Obj, _error: Option<&Obj>) -> Res<bool> {
        self.0.no_autoflush.set(self.0.no_autoflush.get().saturating_sub(1));
        Ok(false)
    }
}

/// `sessionmaker(bind=engine, expire_on_commit=False)`: calling it makes a Session.
pub struct SessionMaker {
    args: Vec<Obj>,
    kwargs: RefCell<Vec<(String, Obj)>>,
}

pub fn sessionmaker(args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Obj {
    native(SessionMaker { args, kwargs: RefCell::new(kwargs) })
}

impl Native for SessionMaker {
    fn type_name(&self) -> &str {
        "sessionmaker"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let mut parts = Vec::new();
        let kwargs = self.kwargs.borrow().clone();
        if let Some(bind) = self.args.first().or_else(|| kwarg(&kwargs, "bind")).cloned() {
            parts.push(format!("bind={}", py.repr_of(&bind)?));
        }
        parts.push("autoflush=True".into());
        parts.push("expire_on_commit=True".into());
        Ok(format!("sessionmaker(class_='Session', {})", parts.join(", ")))
    }
    fn call(&self, py: &mut Interpreter, _this: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        let mut all_kwargs = self.kwargs.borrow().clone();
        all_kwargs.extend(kwargs);
        let args = if args.is_empty() { self.args.clone() } else { args };
        let session = new_session(py, &args, &all_kwargs);
        if let Ok(made) = &session {
            if let Some(core) = made.native::<SessionObj>() {
                core.0.maker.set(crate::interp::object::identity(_this));
            }
        }
        Some(session)
    }
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "kw" => {
                let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
                if let Some(bind) = self.args.first() {
                    py.set_item(&dict, Obj::str("bind"), bind.clone())?;
                }
                for (k, v) in self.kwargs.borrow().clone() {
                    py.set_item(&dict, Obj::str(&k), v)?;
                }
                Some(dict)
            }
            "configure" => Some(method(this, name, |_, this, _, kwargs| {
                if let Some(maker) = this.native::<SessionMaker>() {
                    maker.kwargs.borrow_mut().extend(kwargs);
                }
                Ok(Obj::None)
            })),
            "begin" => Some(method(this, name, |py, this, _, _| {
                let session = py.call(this.clone(), Vec::new(), Vec::new())?;
                Ok(native(SessionMakerBegin(native(SessionTransaction(session)))))
            })),
            _ => None,
        })
    }
}

/// `with Session.begin() as session:` from a sessionmaker: a session that commits and closes.
struct SessionMakerBegin(Obj);

impl Native for SessionMakerBegin {
    fn type_name(&self) -> &str {
        "_SessionContext"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok("<session context>".into())
    }
    fn enter(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Obj>> {
        self.0.native::<SessionTransaction>().map(|t| Ok(t.0.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        let Some(t) = self.0.native::<SessionTransaction>() else { return Ok(false) };
        let Some(session) = t.0.native::<SessionObj>() else { return Ok(false) };
        let core = session.0.clone();
        match error {
            None => core.commit(py)?,
            Some(_) => core.rollback(py)?,
        }
        core.close(py)?;
        Ok(false)
    }
}

/// `inserts` of one mapper split into generations: each object after the pending objects it
/// refers to through a self-referential relationship (all in one generation when there is none).
fn generations(py: &mut Interpreter, mapper: &Rc<Mapper>, inserts: &[Obj]) -> Res<Vec<Vec<Obj>>> {
    let mut parents = Vec::with_capacity(inserts.len());
    for instance in inserts {
        parents.push(relationship::pending_parents(py, instance, mapper, inserts)?);
    }
    let mut placed = vec![false; inserts.len()];
    let mut out = Vec::new();
    while placed.iter().any(|p| !p) {
        let ready: Vec<usize> = (0..inserts.len()).filter(|&i| !placed[i] && parents[i].iter().all(|&p| placed[p])).collect();
        // A cycle of pending objects (each the other's parent): the rest go together.
        let ready = if ready.is_empty() { (0..inserts.len()).filter(|&i| !placed[i]).collect() } else { ready };
        for &i in &ready {
            placed[i] = true;
        }
        out.push(ready.into_iter().map(|i| inserts[i].clone()).collect());
    }
    Ok(out)
}

/// A persistent object's first key value, for ordering changed objects as SQLAlchemy does.
fn key_order(instance: &Obj) -> i64 {
    match state_of(instance).and_then(|s| s.key.borrow().as_ref().and_then(|k| k.first().cloned())) {
        Some(Value::Integer(i)) => i,
        _ => i64::MAX,
    }
}

/// A bind that is neither an engine nor a connection (`op.get_bind()` under `--sql` is a mock
/// connection): SQLAlchemy connects to it and asks whether it is in a transaction; when that
/// fails, it closes what it connected, inside the handler of the first error.
fn connect_to_other_bind(py: &mut Interpreter, bind: &Obj) -> Res<()> {
    let connect = py.get_attr(bind, "connect")?;
    let conn = py.call(connect, Vec::new(), Vec::new())?;
    let Err(first) = py.get_attr(&conn, "in_transaction") else { return Ok(()) };
    let close = py.get_attr(&conn, "close").and_then(|close| py.call(close, Vec::new(), Vec::new()));
    match close {
        Ok(_) => Err(first),
        Err(second) => {
            py.set_attr(&first.value, "__lab_library_frames__", Obj::Bool(true))?;
            py.set_attr(&second.value, "__context__", first.value.clone())?;
            Err(second)
        }
    }
}
