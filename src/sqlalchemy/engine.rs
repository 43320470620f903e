//! `create_engine`, `Engine` and `Connection`: statements run on one of the lab's databases and
//! are logged as SQLAlchemy logs them (`BEGIN (implicit)`, the SQL, `[generated in 0.00009s]
//! ('John Doe',)`, `COMMIT`) through Python's `logging`, so `echo=True` prints what it prints
//! for real. Transactions begin as SQLAlchemy's do (on first use); the driver's own `BEGIN` is
//! sent before the first INSERT, UPDATE or DELETE, as Python's sqlite3 does.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::databases::{Databases, SharedEngine};
use crate::engine::Ran;
use crate::error::ErrorKind;
use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Never, Res};
use crate::value::Value;

use super::convert::{four_significant, kwarg, method, native, params_repr, raise};
use crate::watchdog::now_ms;
use super::pool::DbapiState;
use super::result::ResultObj;
use super::statement::{DmlObj, SelectObj, TextClause};

/// What the echo log says of how a statement's SQL was found.
#[derive(Clone, Copy)]
pub enum Stat {
    /// A statement compiled by SQLAlchemy: `[generated in …]` the first time, then `[cached since … ago]`.
    Compiled,
    /// DDL: `[no key …]`.
    NoKey,
    /// `exec_driver_sql` and the dialect's own PRAGMAs: `[raw sql]`.
    Raw,
}

/// The classes' paths, as `type(engine)` prints them.
pub const ENGINE_CLASS: &str = "sqlalchemy.engine.base.Engine";
pub const CONNECTION_CLASS: &str = "sqlalchemy.engine.base.Connection";

/// An engine: a database of the lab, reached by URL, with its compiled-statement cache.
pub struct EngineCore {
    pub url: String,
    pub database: SharedEngine,
    /// `echo=True`: this engine logs at INFO whatever its logger's level (SQLAlchemy's
    /// per-engine "instance logger").
    pub echo: Cell<bool>,
    /// Statement text → when it was first compiled (ms), for `[cached since …]`.
    cache: RefCell<HashMap<String, f64>>,
    /// The engine's pool of driver connections, and the listeners of its events.
    pub pool: super::pool::Pool,
}

pub struct EngineObj(pub Rc<EngineCore>);

static CONNECTION_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number no other connection (or in-memory database) of this page has had.
pub fn new_connection_id() -> u64 {
    CONNECTION_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A connection: SQLAlchemy's transaction state over the shared database.
pub struct Conn {
    pub engine: Rc<EngineCore>,
    id: u64,
    in_transaction: Cell<bool>,
    /// A migration's connection (`op.get_bind()`): the runner owns its transaction, so it
    /// neither begins nor ends one.
    external: bool,
    /// Whether the engine logs at INFO, decided when the connection is made (as SQLAlchemy does).
    echo: Cell<Option<bool>>,
    closed: Cell<bool>,
    /// The driver connection checked out of the pool, until the connection is closed.
    dbapi: RefCell<Option<Rc<DbapiState>>>,
    /// SAVEPOINTs named so far (`sa_savepoint_1`, `sa_savepoint_2` …).
    savepoints: Cell<u32>,
}

impl EngineCore {
    pub fn new(url: String, database: SharedEngine, echo: bool, pooled: bool) -> Rc<Self> {
        Rc::new(EngineCore { url, database, echo: Cell::new(echo), cache: RefCell::new(HashMap::new()), pool: super::pool::Pool::new(pooled) })
    }

    /// A connection, on a driver connection from the pool (a new one fires the `connect` event).
    pub fn connect(self: &Rc<Self>, py: &mut Interpreter) -> Res<Rc<Conn>> {
        let dbapi = super::pool::checkout(py, self)?;
        let id = CONNECTION_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Rc::new(Conn {
            engine: self.clone(),
            id,
            in_transaction: Cell::new(false),
            external: false,
            echo: Cell::new(None),
            closed: Cell::new(false),
            dbapi: RefCell::new(Some(dbapi)),
            savepoints: Cell::new(0),
        }))
    }

    fn stats(&self, stat: Stat, key: &str, elapsed_ms: f64) -> String {
        let seconds = elapsed_ms / 1000.0;
        match stat {
            Stat::Raw => "[raw sql]".to_string(),
            Stat::NoKey => format!("[no key {}s]", crate::interp::fixed(seconds, 5)),
            Stat::Compiled => {
                let now = now_ms();
                let key = &expanding_in_collapsed(key);
                let mut cache = self.cache.borrow_mut();
                match cache.get(key) {
                    Some(first) => format!("[cached since {}s ago]", four_significant((now - first) / 1000.0)),
                    None => {
                        cache.insert(key.to_string(), now);
                        format!("[generated in {}s]", crate::interp::fixed(seconds, 5))
                    }
                }
            }
        }
    }
}

/// A statement's cache key with each `IN (?, ?, …)` written `IN (?)`: SQLAlchemy's IN list is one
/// "expanding" parameter, so a statement is the same one to its cache whatever the list's length.
fn expanding_in_collapsed(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut rest = key;
    while let Some(at) = rest.find("IN (?, ?") {
        out.push_str(&rest[..at + "IN (?".len()]);
        rest = &rest[at + "IN (?".len()..];
        while let Some(more) = rest.strip_prefix(", ?") {
            rest = more;
        }
    }
    out.push_str(rest);
    out
}

/// The logger SQLAlchemy's engine logs to.
const ENGINE_LOGGER: &str = "sqlalchemy.engine.Engine";

fn logger(py: &mut Interpreter) -> Res<Obj> {
    let logging = py.import("logging")?;
    let get = py.get_attr(&logging, "getLogger")?;
    py.call(get, vec![Obj::str(ENGINE_LOGGER)], Vec::new())
}

/// What `echo=True` does besides the engine's own flag: a handler writing to stdout in
/// SQLAlchemy's format on the engine's logger, unless it has one.
fn turn_echo_on(py: &mut Interpreter) -> Res<()> {
    let log = logger(py)?;
    let handlers = py.get_attr(&log, "handlers")?;
    if !py.truthy(&handlers)? {
        let logging = py.import("logging")?;
        let sys = py.import("sys")?;
        let stdout = py.get_attr(&sys, "stdout")?;
        let handler_class = py.get_attr(&logging, "StreamHandler")?;
        let handler = py.call(handler_class, vec![stdout], Vec::new())?;
        let formatter_class = py.get_attr(&logging, "Formatter")?;
        let formatter = py.call(formatter_class, vec![Obj::str("%(asctime)s %(levelname)s %(name)s %(message)s")], Vec::new())?;
        let set_formatter = py.get_attr(&handler, "setFormatter")?;
        py.call(set_formatter, vec![formatter], Vec::new())?;
        let add = py.get_attr(&log, "addHandler")?;
        py.call(add, vec![handler], Vec::new())?;
    }
    Ok(())
}

fn engine_logger_enabled(py: &mut Interpreter) -> Res<bool> {
    let log = logger(py)?;
    let enabled = py.get_attr(&log, "isEnabledFor")?;
    let on = py.call(enabled, vec![Obj::Int(20)], Vec::new())?;
    py.truthy(&on)
}

/// `sqlalchemy` leaves its loggers at WARNING unless told otherwise, so a program's
/// `basicConfig(level=INFO)` does not turn the engine's log on.
pub fn quiet_by_default(py: &mut Interpreter) -> Res<()> {
    let logging = py.import("logging")?;
    let get = py.get_attr(&logging, "getLogger")?;
    let root = py.call(get, vec![Obj::str("sqlalchemy")], Vec::new())?;
    if matches!(py.get_attr(&root, "level")?, Obj::Int(0)) {
        let set_level = py.get_attr(&root, "setLevel")?;
        py.call(set_level, vec![Obj::Int(30)], Vec::new())?;
    }
    Ok(())
}

impl Conn {
    /// Whether this message is logged: the connection logs only if the engine logged when it
    /// was made (SQLAlchemy decides that once), and then only while the engine still does.
    fn echoing(&self, py: &mut Interpreter) -> Res<bool> {
        if self.echo.get() == Some(false) {
            return Ok(false);
        }
        let now = self.engine.echo.get() || engine_logger_enabled(py)?;
        if self.echo.get().is_none() {
            self.echo.set(Some(now));
        }
        Ok(now)
    }

    /// One line of the engine's log, if it logs.
    pub fn log(&self, py: &mut Interpreter, message: &str) -> Res<()> {
        if self.echoing(py)? {
            // Past the logger's own level, as SQLAlchemy's instance logger does for echo=True.
            let log = logger(py)?;
            let emit = py.get_attr(&log, "_log")?;
            py.call(emit, vec![Obj::Int(20), Obj::str(message), Obj::tuple(Vec::new())], Vec::new())?;
        }
        Ok(())
    }

    pub fn in_transaction(&self) -> bool {
        self.in_transaction.get()
    }

    /// Puts a transaction marker in the database's SQL log, where the page shows it.
    fn mark(&self, word: &str) {
        if let Ok(mut database) = Databases::borrow(&self.engine.database) {
            database.log_marker(word);
        }
    }

    fn check_open(&self, py: &mut Interpreter) -> Res<()> {
        if self.closed.get() {
            return raise(py, "sqlalchemy.exc", "ResourceClosedError", "This Connection is closed");
        }
        Ok(())
    }

    /// SQLAlchemy's transaction begins on first use ("autobegin").
    pub fn begin(&self, py: &mut Interpreter) -> Res<()> {
        self.check_open(py)?;
        if !self.in_transaction.get() {
            self.in_transaction.set(true);
            self.mark("BEGIN (implicit)");
            self.log(py, "BEGIN (implicit)")?;
        }
        Ok(())
    }

    /// Runs one statement, logged as SQLAlchemy logs it; database errors become SQLAlchemy's.
    pub fn run(&self, py: &mut Interpreter, stat: Stat, key: &str, sql: &str, params: &[Value], echo_text: Option<&str>) -> Res<Ran> {
        self.run_with(py, stat, key, sql, params, echo_text, |stats, shown| format!("{stats} {shown}"))
    }

    /// One row of several that SQLite must insert one by one to return their keys in order
    /// ("insertmanyvalues"): logged with its place in the batch.
    pub fn run_batch_row(&self, py: &mut Interpreter, sql: &str, params: &[Value], at: usize, total: usize) -> Res<Ran> {
        self.run_batch(py, sql, sql, params, at, total, "ordered; batch not supported")
    }

    /// One batch of an "insertmanyvalues" INSERT (`at` of `total`), logged with its place and how
    /// SQLAlchemy batched it (`unordered`: several rows per statement, their order not promised).
    #[allow(clippy::too_many_arguments)]
    pub fn run_batch(&self, py: &mut Interpreter, key: &str, sql: &str, params: &[Value], at: usize, total: usize, how: &str) -> Res<Ran> {
        let logged = super::convert::long_statement(sql);
        self.run_with(py, Stat::Compiled, key, sql, params, Some(&logged), |stats, shown| {
            if at == 1 {
                let stats = stats.trim_end_matches(']');
                format!("{stats} (insertmanyvalues) {at}/{total} ({how})] {shown}")
            } else {
                format!("[insertmanyvalues {at}/{total} ({how})] {shown}")
            }
        })
    }

    /// The database for the statements about to run: foreign keys as the driver connection has
    /// them between transactions (off, as Python's sqlite3 leaves them, unless a `PRAGMA` turned
    /// them on), and before a write the driver's `BEGIN`, unless another connection's transaction
    /// holds the database (SQLite's `database is locked`).
    fn claim(&self, database: &mut crate::engine::Engine, writes: bool) -> Result<(), crate::error::Error> {
        if !database.in_transaction() {
            let _ = database.set_foreign_keys(self.foreign_keys());
        }
        if !writes {
            return Ok(());
        }
        if self.external {
            // The migration's connection: the step's transaction is its own.
            if !database.in_transaction() {
                let _ = database.driver("BEGIN");
            }
            return Ok(());
        }
        match database.transaction_owner {
            Some(owner) if owner != self.id && database.in_transaction() => Err(crate::error::Error::new(ErrorKind::OperationalError, "database is locked")),
            _ => {
                if !database.in_transaction() {
                    let _ = database.driver("BEGIN");
                }
                database.transaction_owner = Some(self.id);
                Ok(())
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_with(&self, py: &mut Interpreter, stat: Stat, key: &str, sql: &str, params: &[Value], echo_text: Option<&str>, line: impl FnOnce(&str, &str) -> String) -> Res<Ran> {
        self.begin(py)?;
        self.log(py, echo_text.unwrap_or(sql))?;
        let started = now_ms();
        let outcome = match Databases::borrow(&self.engine.database) {
            Ok(mut database) => {
                let writes = writes_rows(sql);
                match self.claim(&mut database, writes) {
                    Ok(()) => {
                        let ran = database.run(sql, params);
                        self.remember_pragma(&database, sql);
                        ran
                    }
                    Err(locked) => {
                        database.log_statement(sql, params);
                        Err(locked)
                    }
                }
            }
            Err(busy) => Err(busy),
        };
        let elapsed = now_ms() - started;
        let stats = self.engine.stats(stat, key, elapsed);
        let shown_params = if params.is_empty() && matches!(stat, Stat::Raw | Stat::NoKey) { "()".to_string() } else { params_repr(params) };
        self.log(py, &line(&stats, &shown_params))?;
        match outcome {
            Ok(ran) => Ok(ran),
            Err(error) => {
                let shown = if params.is_empty() { Obj::None } else { value_tuple(params) };
                database_error(py, error, sql, shown)
            }
        }
    }

    /// Runs a list of parameter sets through one statement (`executemany`), logged as one.
    pub fn run_many(&self, py: &mut Interpreter, key: &str, sql: &str, rows: &[Vec<Value>]) -> Res<i64> {
        self.begin(py)?;
        self.log(py, sql)?;
        let started = now_ms();
        let mut total = 0;
        let mut failure = None;
        match Databases::borrow(&self.engine.database) {
            Ok(mut database) => match self.claim(&mut database, true) {
                Ok(()) => {
                    for row in rows {
                        match database.run(sql, row) {
                            Ok(ran) => total += ran.rowcount.max(0),
                            Err(error) => {
                                failure = Some(error);
                                break;
                            }
                        }
                    }
                }
                Err(locked) => failure = Some(locked),
            },
            Err(busy) => failure = Some(busy),
        }
        let elapsed = now_ms() - started;
        // SQLAlchemy caches an executemany's compiled form apart from a single execute's.
        let stats = self.engine.stats(Stat::Compiled, &format!("{key}\0executemany"), elapsed);
        // At most 10 parameter sets: the first 8, then the last 2.
        let shown = if rows.len() > 10 {
            let first: Vec<String> = rows[..8].iter().map(|r| params_repr(r)).collect();
            let last: Vec<String> = rows[rows.len() - 2..].iter().map(|r| params_repr(r)).collect();
            format!("{}  ... displaying 10 of {} total bound parameter sets ...  {}", first.join(", "), rows.len(), last.join(", "))
        } else {
            rows.iter().map(|r| params_repr(r)).collect::<Vec<_>>().join(", ")
        };
        self.log(py, &format!("{stats} [{shown}]"))?;
        match failure {
            Some(error) => database_error(py, error, sql, Obj::list(rows.iter().map(|r| value_tuple(r)).collect())),
            None => Ok(total),
        }
    }

    fn end(&self, py: &mut Interpreter, word: &str) -> Res<()> {
        if !self.in_transaction.get() || self.external {
            return Ok(());
        }
        self.in_transaction.set(false);
        self.mark(word);
        self.log(py, word)?;
        if let Ok(mut database) = Databases::borrow(&self.engine.database) {
            if database.transaction_owner == Some(self.id) || database.transaction_owner.is_none() {
                if database.in_transaction() {
                    let _ = database.driver(word);
                }
                database.transaction_owner = None;
            }
        }
        Ok(())
    }

    pub fn commit(&self, py: &mut Interpreter) -> Res<()> {
        self.end(py, "COMMIT")
    }

    pub fn rollback(&self, py: &mut Interpreter) -> Res<()> {
        self.end(py, "ROLLBACK")
    }

    /// Closing a connection with a transaction open rolls it back (the pool's reset on return).
    pub fn close(&self, py: &mut Interpreter) -> Res<()> {
        if self.closed.get() {
            return Ok(());
        }
        self.rollback(py)?;
        self.closed.set(true);
        self.check_in();
        Ok(())
    }

    /// `SAVEPOINT sa_savepoint_N`, in the connection's transaction (begun if it was not): its name.
    pub fn savepoint(&self, py: &mut Interpreter) -> Res<String> {
        self.begin(py)?;
        let n = self.savepoints.get() + 1;
        self.savepoints.set(n);
        let name = format!("sa_savepoint_{n}");
        self.run_savepoint_statement(py, &format!("SAVEPOINT {name}"))?;
        Ok(name)
    }

    /// `SAVEPOINT`, `RELEASE SAVEPOINT` or `ROLLBACK TO SAVEPOINT`, logged as SQLAlchemy logs them.
    pub fn run_savepoint_statement(&self, py: &mut Interpreter, sql: &str) -> Res<()> {
        self.run(py, Stat::NoKey, sql, sql, &[], None).map(|_| ())
    }

    /// Whether the driver connection enforces foreign keys.
    pub fn foreign_keys(&self) -> bool {
        self.dbapi.borrow().as_ref().is_some_and(|d| d.foreign_keys.get())
    }

    /// The driver connection back to the pool.
    fn check_in(&self) {
        if let Some(dbapi) = self.dbapi.borrow_mut().take() {
            self.engine.pool.check_in(dbapi);
        }
    }

    /// After a statement: what a `PRAGMA` set, the driver connection keeps.
    fn remember_pragma(&self, database: &crate::engine::Engine, sql: &str) {
        if let Some(dbapi) = self.dbapi.borrow().as_ref() {
            dbapi.remember_pragma(database, sql);
        }
    }

    /// The end of a savepoint: `RELEASE SAVEPOINT` (`keep`) or `ROLLBACK TO SAVEPOINT`.
    pub fn end_savepoint(&self, py: &mut Interpreter, name: &str, keep: bool) -> Res<()> {
        let verb = if keep { "RELEASE SAVEPOINT" } else { "ROLLBACK TO SAVEPOINT" };
        self.run_savepoint_statement(py, &format!("{verb} {name}"))
    }

    /// `connection.execute(statement, parameters)`: a Core statement, rows as plain rows.
    pub fn execute(&self, py: &mut Interpreter, statement: &Obj, parameters: Option<&Obj>) -> Res<Obj> {
        let outcome = self.execute_statement(py, statement, parameters);
        // Parameters that cannot make the statement fail before it begins a transaction; outside
        // one, SQLAlchemy's error handling still rolls the driver connection back (and logs it).
        if let Err(raised) = &outcome {
            let before_begin = !self.in_transaction.get() && !self.closed.get() && !self.external;
            if before_begin && matches!(&raised.value, Obj::Instance(i) if &*i.class.name == "StatementError") {
                self.log(py, "ROLLBACK")?;
            }
        }
        outcome
    }

    fn execute_statement(&self, py: &mut Interpreter, statement: &Obj, parameters: Option<&Obj>) -> Res<Obj> {
        if let Some(select) = statement.native::<SelectObj>() {
            // `bindparam()` values come from the parameters, by name; the names are part of what
            // SQLAlchemy caches the compiled statement by.
            let mut supplied = Vec::new();
            for (name, value) in parameter_sets(py, parameters)?.into_iter().next().unwrap_or_default() {
                supplied.push((name, super::convert::to_value(py, &value)?));
            }
            let key_names: Vec<String> = supplied.iter().map(|(n, _)| n.clone()).collect();
            let (sql, params) = match select.0.compile_with(supplied) {
                Ok(compiled) => compiled,
                Err((sql, name)) => {
                    // The message lists the parameter sets given, if any.
                    let shown = match parameters {
                        None | Some(Obj::None) => Obj::None,
                        Some(list @ Obj::List(_)) => list.clone(),
                        Some(one) => Obj::list(vec![one.clone()]),
                    };
                    return super::statement::missing_parameter(py, &name, &sql, shown, None);
                }
            };
            let key = if key_names.is_empty() { sql.clone() } else { format!("{sql}\u{0}{}", key_names.join(",")) };
            let ran = self.run(py, Stat::Compiled, &key, &sql, &params, None)?;
            let types = select.0.column_sqls().iter().map(|s| s.sql_type().cloned()).collect();
            return ResultObj::rows(py, ran, types);
        }
        if let Some(ddl) = statement.native::<super::ddl::DdlElement>() {
            let ran = self.run(py, Stat::NoKey, &ddl.sql, &ddl.sql, &[], Some(&ddl.shown))?;
            return Ok(ResultObj::rowcount(ran.rowcount));
        }
        if let Some(text) = statement.native::<TextClause>() {
            let sets = parameter_sets(py, parameters)?;
            if sets.len() > 1 {
                let mut rows = Vec::new();
                let mut sql = String::new();
                let given = parameters.cloned().unwrap_or(Obj::None);
                for (group, set) in sets.iter().enumerate() {
                    let (s, values) = text.compile_group(py, set, Some((group, &given)))?;
                    sql = s;
                    rows.push(values);
                }
                let key = format!("{sql}\u{0}many");
                let count = self.run_many(py, &key, &sql, &rows)?;
                return Ok(ResultObj::rowcount(count));
            }
            let (sql, params) = text.compile(py, sets.first().map_or(&[][..], |s| s.as_slice()))?;
            let ran = self.run(py, Stat::Compiled, &text.sql, &sql, &params, None)?;
            return Ok(ResultObj::rows(py, ran, Vec::new())?);
        }
        if let Some(dml) = statement.native::<DmlObj>() {
            let sets = parameter_sets(py, parameters)?;
            let base: Vec<(String, Obj)> = dml.0.values.first().cloned().unwrap_or_default();
            let names = dml.0.param_names(py)?;
            if dml.0.values.len() > 1 {
                // A multi-row VALUES: one statement with all rows, each compiled as its own.
                let mut head = String::new();
                let mut params = Vec::new();
                let mut groups = Vec::new();
                for row in &dml.0.values {
                    let (sql, values) = dml.0.compile(py, row)?;
                    let (before, group) = sql.rsplit_once("VALUES ").unwrap_or((sql.as_str(), ""));
                    if groups.is_empty() {
                        head = before.to_string();
                    }
                    groups.push(group.to_string());
                    params.extend(values);
                }
                let sql = format!("{head}VALUES {}", groups.join(", "));
                let ran = self.run(py, Stat::Compiled, &sql, &sql, &params, None)?;
                return Ok(ResultObj::rowcount(ran.rowcount));
            }
            if sets.len() > 1 {
                // One statement for all the sets, compiled from the first: a key a later set
                // adds is left out, one it lacks is SQLAlchemy's "in parameter group N".
                let keys: Vec<String> = sets[0].iter().map(|(k, _)| k.clone()).collect();
                let mut rows = Vec::new();
                let mut sql = String::new();
                for (group, set) in sets.iter().enumerate() {
                    if let Some(missing) = keys.iter().find(|k| !set.iter().any(|(s, _)| s == *k)) {
                        let shown = parameters.cloned().unwrap_or(Obj::None);
                        return super::statement::missing_parameter(py, missing, &sql, shown, Some(group));
                    }
                    let mut row = base.clone();
                    row.extend(set.iter().filter(|(k, _)| keys.contains(k)).cloned());
                    let (s, values) = dml.0.compile_execution(py, &row, &names, true)?;
                    sql = s;
                    rows.push(values);
                }
                if !dml.0.returning.is_empty() && matches!(dml.0.kind, super::statement::DmlKind::Insert) {
                    return self.insert_many_returning(py, &dml.0, &sql, rows);
                }
                let key = format!("{sql}\u{0}many");
                let count = self.run_many(py, &key, &sql, &rows)?;
                return Ok(ResultObj::rowcount(count));
            }
            let mut row = base;
            if let Some(set) = sets.first() {
                row.extend(set.iter().cloned());
            }
            let (sql, params) = dml.0.compile_execution(py, &row, &names, false)?;
            let ran = self.run(py, Stat::Compiled, &sql, &sql, &params, None)?;
            if !dml.0.returning.is_empty() {
                let types = dml.0.returning.iter().map(|s| s.sql_type().cloned()).collect();
                return ResultObj::rows(py, ran, types);
            }
            let inserted = matches!(dml.0.kind, super::statement::DmlKind::Insert).then_some(ran.lastrowid);
            let result = ResultObj::rowcount(ran.rowcount);
            if let (Some(rowid), Some(r)) = (inserted, result.native::<ResultObj>()) {
                r.set_inserted_primary_key(rowid);
            }
            return Ok(result);
        }
        let shown = py.repr_of(statement)?;
        raise(py, "sqlalchemy.exc", "ObjectNotExecutableError", &format!("Not an executable object: {shown}"))
    }
}

impl Conn {
    /// `execute(insert(...).returning(...), [row, row, …])`: SQLAlchemy's "insertmanyvalues" —
    /// the rows in batches of up to 1,000 per statement (`VALUES (?), (?) RETURNING id`), their
    /// returned rows together.
    fn insert_many_returning(&self, py: &mut Interpreter, dml: &super::statement::DmlState, sql: &str, rows: Vec<Vec<Value>>) -> Res<Obj> {
        const PAGE: usize = 1000;
        let Some((head, rest)) = sql.split_once(" VALUES ") else { return py.error("TypeError", "an INSERT without VALUES") };
        let (group, returning) = rest.split_once(" RETURNING ").unwrap_or((rest, ""));
        let pages: Vec<&[Vec<Value>]> = rows.chunks(PAGE).collect();
        let total = pages.len();
        let mut all = Ran::default();
        for (n, page) in pages.iter().enumerate() {
            let groups = vec![group; page.len()].join(", ");
            let batch_sql = format!("{head} VALUES {groups} RETURNING {returning}");
            let params: Vec<Value> = page.iter().flatten().cloned().collect();
            // One cache entry for the statement, whatever the batches' sizes (apart from the
            // ORM's INSERTs of the same text).
            let ran = self.run_batch(py, &format!("{sql}\u{0}core"), &batch_sql, &params, n + 1, total, "unordered")?;
            all.columns = ran.columns;
            all.rows.extend(ran.rows);
            all.rowcount = all.rowcount.max(0) + ran.rowcount.max(0);
        }
        let types = dml.returning.iter().map(|s| s.sql_type().cloned()).collect();
        ResultObj::rows(py, all, types)
    }
}

/// Parameters as the Python tuple an error keeps (`e.params`).
fn value_tuple(values: &[Value]) -> Obj {
    Obj::tuple(values.iter().map(|v| super::convert::from_value(v, None)).collect())
}

/// A statement's failure as Python sees it: the lab's own stop (a statement past its budget) ends
/// the program with the lab's words; a database error becomes SQLAlchemy's wrapper of the
/// driver's exception (`sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) …`).
pub fn database_error<T>(py: &mut Interpreter, error: crate::error::Error, sql: &str, params: Obj) -> Res<T> {
    raise_database_error(py, error, sql, params).map(|never| match never {})
}

#[inline(never)]
fn raise_database_error(py: &mut Interpreter, error: crate::error::Error, sql: &str, params: Obj) -> Res<Never> {
    if matches!(error.kind(), ErrorKind::LabLimit | ErrorKind::NotAvailable) {
        return py.stop(error.message());
    }
    let class = match error.kind() {
        ErrorKind::IntegrityError => "IntegrityError",
        ErrorKind::ProgrammingError => "ProgrammingError",
        _ => "OperationalError",
    };
    let exc = py.import("sqlalchemy.exc")?;
    let make = py.get_attr(&exc, "_database_error")?;
    let value = py.call(make, vec![Obj::str(class), Obj::str(error.message()), Obj::str(sql), params], Vec::new())?;
    py.raise(value)
}

/// The parameter sets of `execute(stmt, {...})` or `execute(stmt, [{...}, {...}])`.
fn parameter_sets(py: &mut Interpreter, parameters: Option<&Obj>) -> Res<Vec<Vec<(String, Obj)>>> {
    match parameters {
        None | Some(Obj::None) => Ok(Vec::new()),
        Some(Obj::List(items)) => {
            let items = items.borrow().clone();
            let mut out = Vec::new();
            for item in &items {
                out.push(super::statement::dict_items(py, item)?);
            }
            Ok(out)
        }
        Some(other) => Ok(vec![super::statement::dict_items(py, other)?]),
    }
}

fn first_word(sql: &str) -> Option<String> {
    sql.split_whitespace().next().map(str::to_ascii_uppercase)
}

/// INSERT, UPDATE, DELETE or REPLACE: the statements Python's sqlite3 sends its own `BEGIN` before,
/// and whose changed rows its cursor counts.
pub fn writes_rows(sql: &str) -> bool {
    first_word(sql).is_some_and(|w| matches!(w.as_str(), "INSERT" | "UPDATE" | "DELETE" | "REPLACE"))
}

/// The database a URL names, as `create_engine` reads it (`None`: a new in-memory one), or the
/// exception SQLAlchemy raises for it: an unparsable URL, a database whose driver is missing,
/// a dialect that does not exist.
pub fn url_database(py: &mut Interpreter, url: &str) -> Res<Option<String>> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Could not parse SQLAlchemy URL from given URL string"));
    };
    let dialect = scheme.split('+').next().unwrap_or(scheme);
    let driver = scheme.split('+').nth(1);
    // A known database whose driver this lab (like a fresh virtualenv) does not have.
    let missing = match (dialect, driver) {
        ("postgresql" | "postgres", None | Some("psycopg")) => Some("psycopg"),
        ("postgresql" | "postgres", Some(d)) => Some(d),
        ("mysql" | "mariadb", None | Some("mysqldb")) => Some("MySQLdb"),
        ("mysql" | "mariadb", Some(d)) => Some(d),
        ("oracle", _) => Some("oracledb"),
        ("mssql", _) => Some("pyodbc"),
        _ => None,
    };
    if let Some(module) = missing {
        return py.error("ModuleNotFoundError", format!("No module named '{module}'"));
    }
    if dialect != "sqlite" {
        return raise(
            py,
            "sqlalchemy.exc",
            "NoSuchModuleError",
            &format!("Can't load plugin: sqlalchemy.dialects:{}", scheme.replace('+', ".")),
        );
    }
    // `sqlite://` and `sqlite:///:memory:` are a database of their own; `sqlite:///name` a named one.
    Ok(match rest.strip_prefix('/') {
        Some(name) if !name.is_empty() && name != ":memory:" => Some(database_file(name.split('?').next().unwrap_or(name))),
        _ => None,
    })
}

/// A database file's name in the project: the path relative to the project folder, the current
/// directory (`/project/app.db` and `./app.db` are `app.db`, as they are one file on disk).
pub fn database_file(path: &str) -> String {
    let mut path = path.strip_prefix("/project/").unwrap_or(path);
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    path.to_string()
}

/// The connection a running migration gives `op.get_bind()`: on the migration's database,
/// inside the transaction the runner holds for the revision.
pub fn migration_connection(database: SharedEngine) -> Obj {
    // The driver connection is env.py's: its foreign keys as that one has them.
    let dbapi = DbapiState::default();
    dbapi.foreign_keys.set(Databases::borrow(&database).map(|d| d.driver_foreign_keys).unwrap_or(false));
    let core = EngineCore::new(String::new(), database, false, false);
    let id = CONNECTION_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let conn = Rc::new(Conn {
        engine: core,
        id,
        in_transaction: Cell::new(true),
        external: true,
        echo: Cell::new(None),
        closed: Cell::new(false),
        dbapi: RefCell::new(Some(Rc::new(dbapi))),
        savepoints: Cell::new(0),
    });
    native(ConnectionObj { conn, begin_block: false })
}

/// `create_engine("sqlite:///sqlite.db", echo=True)`.
pub fn create_engine(py: &mut Interpreter, databases: &Databases, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let url = match args.first().or_else(|| kwarg(&kwargs, "url")) {
        Some(Obj::Str(url)) => url.to_string(),
        Some(other) => {
            let shown = py.repr_of(other)?;
            return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Expected string or URL object, got {shown}"));
        }
        None => return py.error("TypeError", "create_engine() missing 1 required positional argument: 'url'"),
    };
    let name = match url_database(py, &url)? {
        Some(name) => name,
        None => format!(":memory:{}", new_connection_id()),
    };
    let database = match databases.open(&name) {
        Ok(d) => d,
        Err(e) => return raise(py, "sqlalchemy.exc", "OperationalError", &format!("(sqlite3.OperationalError) {}", e.message())),
    };
    let echo = match kwarg(&kwargs, "echo") {
        Some(value) => py.truthy(value)?,
        None => false,
    };
    if echo {
        turn_echo_on(py)?;
    }
    // `poolclass=NullPool` (Alembic's env.py): every connection opens a new driver connection.
    let pooled = !matches!(kwarg(&kwargs, "poolclass"), Some(Obj::Class(class)) if &*class.name == "NullPool");
    Ok(native(EngineObj(EngineCore::new(url, database, echo, pooled))))
}

/// The engine or connection a `create_all(bind)` / `sessionmaker(bind=…)` argument names.
pub fn bind_argument(py: &mut Interpreter, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<Obj> {
    match args.first().or_else(|| kwarg(kwargs, "bind")) {
        Some(bind) if bind.native::<EngineObj>().is_some() || bind.native::<ConnectionObj>().is_some() => Ok(bind.clone()),
        Some(other) => {
            let shown = py.repr_of(other)?;
            raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Expected Engine or Connection, got {shown}"))
        }
        None => py.error("TypeError", "missing 1 required positional argument: 'bind'"),
    }
}

/// A connection to run on: the one given, or a new one from the engine (closed after, with a
/// COMMIT when `begin`).
pub fn with_connection<T>(py: &mut Interpreter, bind: &Obj, run: impl FnOnce(&mut Interpreter, &Rc<Conn>) -> Res<T>) -> Res<T> {
    with_connection_then(py, bind, true, run)
}

/// `run` on `bind`'s connection: the connection itself, or a new one of the engine's, committed
/// after a success when `commit` (as `engine.begin()`) and closed (its `ROLLBACK` otherwise, as
/// `engine.connect()`).
pub fn with_connection_then<T>(py: &mut Interpreter, bind: &Obj, commit: bool, run: impl FnOnce(&mut Interpreter, &Rc<Conn>) -> Res<T>) -> Res<T> {
    if let Some(connection) = bind.native::<ConnectionObj>() {
        return run(py, &connection.conn);
    }
    let Some(engine) = bind.native::<EngineObj>() else { return py.error("TypeError", "an Engine or Connection is needed") };
    let conn = engine.0.connect(py)?;
    let outcome = run(py, &conn);
    if commit && outcome.is_ok() {
        conn.commit(py)?;
    }
    conn.close(py)?;
    outcome
}

/// A connection let go of without `close()` gives its driver connection back, as SQLAlchemy's
/// does when the object is collected.
impl Drop for Conn {
    fn drop(&mut self) {
        self.check_in();
    }
}

impl Native for EngineObj {
    fn type_name(&self) -> &str {
        "Engine"
    }
    fn class_path(&self) -> &str {
        ENGINE_CLASS
    }
    fn set_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str, value: Obj) -> Res<bool> {
        if name != "echo" {
            return Ok(false);
        }
        let on = py.truthy(&value)?;
        if on {
            turn_echo_on(py)?;
        }
        self.0.echo.set(on);
        Ok(true)
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("Engine({})", self.0.url))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "url" => Some(Obj::str(&self.0.url)),
            "echo" => Some(Obj::Bool(self.0.echo.get())),
            "name" => Some(Obj::str("sqlite")),
            "dialect" => Some(native(Dialect)),
            "connect" | "begin" => {
                let begin = name == "begin";
                Some(method(this, name, move |py, this, _, _| {
                    let Some(engine) = this.native::<EngineObj>() else { return Ok(Obj::None) };
                    Ok(native(ConnectionObj { conn: engine.0.connect(py)?, begin_block: begin }))
                }))
            }
            "dispose" => Some(method(this, "dispose", |_, _, _, _| Ok(Obj::None))),
            _ => None,
        })
    }
}

/// `connection.begin()`: the connection's transaction, ended by `commit()` / `rollback()` or by
/// its `with` block (commit, or rollback on an exception).
pub struct Transaction {
    conn: Rc<Conn>,
}

impl Native for Transaction {
    fn type_name(&self) -> &str {
        "RootTransaction"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.engine.base.RootTransaction object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "is_active" => Some(Obj::Bool(self.conn.in_transaction())),
            "commit" | "rollback" | "close" => {
                let commit = name == "commit";
                let name = if commit { "commit" } else if name == "rollback" { "rollback" } else { "close" };
                Some(method(this, name, move |py, this, _, _| {
                    if let Some(transaction) = this.native::<Transaction>() {
                        if commit { transaction.conn.commit(py)? } else { transaction.conn.rollback(py)? }
                    }
                    Ok(Obj::None)
                }))
            }
            _ => None,
        })
    }
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        if error.is_none() { self.conn.commit(py)? } else { self.conn.rollback(py)? }
        Ok(false)
    }
}

/// `engine.dialect` / `connection.dialect`: SQLite's, as code that branches on the database reads
/// it (`name`, `driver`), and `has_table()`, which SQLAlchemy answers only for a real connection.
pub struct Dialect;

impl Native for Dialect {
    fn type_name(&self) -> &str {
        "SQLiteDialect_pysqlite"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.dialects.sqlite.pysqlite.SQLiteDialect_pysqlite object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "name" => Some(Obj::str("sqlite")),
            "driver" => Some(Obj::str("pysqlite")),
            "has_table" => Some(method(this, "has_table", |py, _, args, kwargs| {
                let connection = args.first().or_else(|| kwarg(&kwargs, "connection")).cloned().unwrap_or(Obj::None);
                let Some(table) = args.get(1).or_else(|| kwarg(&kwargs, "table_name")).cloned() else {
                    return py.error("TypeError", "has_table() missing 1 required positional argument: 'table_name'");
                };
                let Some(conn) = connection.native::<ConnectionObj>().map(|c| c.conn.clone()) else {
                    let class = match connection.type_name().as_str() {
                        "MockConnection" => "sqlalchemy.engine.mock.MockConnection".to_string(),
                        "Engine" => "sqlalchemy.engine.base.Engine".to_string(),
                        other => other.to_string(),
                    };
                    return raise(py, "sqlalchemy.exc", "ArgumentError", &format!(
                        "The argument passed to Dialect.has_table() should be a <class 'sqlalchemy.engine.base.Connection'>, got <class '{class}'>. \
                         Additionally, the Dialect.has_table() method is for internal dialect use only; please use \
                         ``inspect(some_engine).has_table(<tablename>>)`` for public API use."));
                };
                let table = super::convert::text_arg(py, &table, "table_name")?;
                Ok(Obj::Bool(super::ddl::has_table(py, &conn, &table)?))
            })),
            _ => None,
        })
    }
}

/// `engine.connect()` (or `engine.begin()`, which commits at the end of its `with` block).
pub struct ConnectionObj {
    pub conn: Rc<Conn>,
    pub begin_block: bool,
}

impl std::ops::Deref for ConnectionObj {
    type Target = Rc<Conn>;
    fn deref(&self) -> &Rc<Conn> {
        &self.conn
    }
}

impl Native for ConnectionObj {
    fn type_name(&self) -> &str {
        "Connection"
    }
    fn class_path(&self) -> &str {
        CONNECTION_CLASS
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.engine.base.Connection object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let conn = |this: &Obj| this.native::<ConnectionObj>().map(|c| c.conn.clone());
        Ok(match name {
            "execute" => Some(method(this, "execute", move |py, this, args, kwargs| {
                let Some(conn) = conn(this) else { return Ok(Obj::None) };
                let Some(statement) = args.first() else { return py.error("TypeError", "execute() missing 1 required positional argument: 'statement'") };
                let parameters = args.get(1).or_else(|| kwarg(&kwargs, "parameters")).cloned();
                conn.execute(py, statement, parameters.as_ref())
            })),
            "exec_driver_sql" => Some(method(this, "exec_driver_sql", move |py, this, args, _| {
                let Some(conn) = conn(this) else { return Ok(Obj::None) };
                let sql = match args.first() {
                    Some(Obj::Str(s)) => s.to_string(),
                    _ => return py.error("TypeError", "exec_driver_sql() needs a string of SQL"),
                };
                let mut params = Vec::new();
                if let Some(values) = args.get(1) {
                    for v in py.iterate(values)? {
                        params.push(super::convert::to_value(py, &v)?);
                    }
                }
                let ran = conn.run(py, Stat::Compiled, &sql, &sql, &params, None)?;
                Ok(ResultObj::rows(py, ran, Vec::new())?)
            })),
            "scalar" => Some(method(this, "scalar", move |py, this, args, _| {
                let Some(conn) = conn(this) else { return Ok(Obj::None) };
                let Some(statement) = args.first() else { return py.error("TypeError", "scalar() missing 1 required positional argument: 'statement'") };
                let result = conn.execute(py, statement, args.get(1))?;
                ResultObj::call_method(py, &result, "scalar")
            })),
            "commit" => Some(method(this, "commit", move |py, this, _, _| {
                if let Some(conn) = conn(this) {
                    conn.commit(py)?;
                }
                Ok(Obj::None)
            })),
            "rollback" => Some(method(this, "rollback", move |py, this, _, _| {
                if let Some(conn) = conn(this) {
                    conn.rollback(py)?;
                }
                Ok(Obj::None)
            })),
            "close" => Some(method(this, "close", move |py, this, _, _| {
                if let Some(conn) = conn(this) {
                    conn.close(py)?;
                }
                Ok(Obj::None)
            })),
            "begin" => Some(method(this, "begin", move |py, this, _, _| {
                let Some(conn) = conn(this) else { return Ok(Obj::None) };
                if conn.in_transaction() {
                    return raise(py, "sqlalchemy.exc", "InvalidRequestError", "This connection has already initialized a SQLAlchemy Transaction() object via begin() or autobegin; can't call begin() here unless rollback() or commit() is called first.");
                }
                conn.begin(py)?;
                Ok(native(Transaction { conn }))
            })),
            "in_transaction" => Some(method(this, "in_transaction", move |_, this, _, _| Ok(Obj::Bool(conn(this).is_some_and(|c| c.in_transaction()))))),
            "begin_nested" => Some(method(this, "begin_nested", move |py, this, _, _| {
                let Some(conn) = conn(this) else { return Ok(Obj::None) };
                super::orm::savepoint::connection_begin_nested(py, &conn)
            })),
            "closed" => Some(Obj::Bool(self.conn.closed.get())),
            "engine" => Some(native(EngineObj(self.conn.engine.clone()))),
            "dialect" => Some(native(Dialect)),
            _ => None,
        })
    }
    /// `with engine.begin() as conn:` begins at once, as SQLAlchemy's `conn.begin()` does.
    fn enter(&self, py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        if self.begin_block {
            if let Err(raised) = self.conn.begin(py) {
                return Some(Err(raised));
            }
        }
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        if self.begin_block && error.is_none() {
            self.conn.begin(py)?;
            self.conn.commit(py)?;
        }
        self.conn.close(py)?;
        Ok(false)
    }
}
