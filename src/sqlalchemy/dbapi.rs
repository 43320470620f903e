//! The driver's own objects, as a pool event hands them to a listener: Python's
//! `sqlite3.Connection` and its `Cursor`. Their statements run on the engine's database without
//! SQLAlchemy's log (as for real: SQLAlchemy does not see them), with pysqlite's transaction rule
//! (a `BEGIN` before the first INSERT, UPDATE, DELETE or REPLACE), and a `PRAGMA` run outside a
//! transaction sets the driver connection's own state (`PRAGMA foreign_keys=ON`).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::databases::Databases;
use crate::error::ErrorKind;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::value::Value;

use super::convert::{from_value, method, native, to_value};
use super::engine::EngineCore;
use super::pool::DbapiState;

/// `sqlite3.Connection`.
pub struct DbapiConnection {
    engine: Rc<EngineCore>,
    state: Rc<DbapiState>,
    closed: Cell<bool>,
}

impl DbapiConnection {
    pub fn new(engine: Rc<EngineCore>, state: Rc<DbapiState>) -> Self {
        DbapiConnection { engine, state, closed: Cell::new(false) }
    }

    fn check_open(&self, py: &mut Interpreter) -> Res<()> {
        if self.closed.get() {
            return driver_exception(py, "ProgrammingError", "Cannot operate on a closed database.");
        }
        Ok(())
    }

    /// Runs one statement as pysqlite does.
    fn run(&self, py: &mut Interpreter, sql: &str, params: &[Value]) -> Res<crate::engine::Ran> {
        self.check_open(py)?;
        let mut database = match Databases::borrow(&self.engine.database) {
            Ok(database) => database,
            Err(busy) => return driver_error(py, busy),
        };
        let writes = super::engine::writes_rows(sql);
        if !database.in_transaction() {
            let _ = database.set_foreign_keys(self.state.foreign_keys.get());
        }
        if writes && !database.in_transaction() {
            if let Err(error) = database.driver("BEGIN") {
                drop(database);
                return driver_error(py, error);
            }
        }
        let ran = database.run(sql, params);
        self.state.remember_pragma(&database, sql);
        drop(database);
        ran.or_else(|error| driver_error(py, error))
    }

    /// `commit()` / `rollback()`: ends the transaction pysqlite began, if one is open.
    fn end(&self, py: &mut Interpreter, word: &str) -> Res<()> {
        self.check_open(py)?;
        let outcome = match Databases::borrow(&self.engine.database) {
            Ok(mut database) if database.in_transaction() && database.transaction_owner.is_none() => database.driver(word),
            Ok(_) => Ok(()),
            Err(busy) => Err(busy),
        };
        outcome.or_else(|error| driver_error(py, error))
    }
}

/// A database error as the driver raises it: `sqlite3.IntegrityError: FOREIGN KEY constraint failed`.
fn driver_error<T>(py: &mut Interpreter, error: crate::error::Error) -> Res<T> {
    if matches!(error.kind(), ErrorKind::LabLimit | ErrorKind::NotAvailable) {
        return py.stop(error.message());
    }
    let class = match error.kind() {
        ErrorKind::IntegrityError => "IntegrityError",
        ErrorKind::ProgrammingError => "ProgrammingError",
        _ => "OperationalError",
    };
    driver_exception(py, class, error.message())
}

fn driver_exception<T>(py: &mut Interpreter, class: &str, message: &str) -> Res<T> {
    let module = py.import("sqlite3")?;
    let class = py.get_attr(&module, class)?;
    let value = py.call(class, vec![Obj::str(message)], Vec::new())?;
    py.raise(value)
}

/// The parameters of `execute(sql, parameters)`: a sequence for `?` placeholders, or a dict
/// for `:name` ones, checked as pysqlite checks them.
fn parameters(py: &mut Interpreter, engine: &EngineCore, sql: &str, given: Option<&Obj>) -> Res<Vec<Value>> {
    // The statement's placeholders; SQL that does not prepare fails when it runs, with its error.
    let names = Databases::borrow(&engine.database).ok().and_then(|d| d.parameter_names(sql).ok());
    let values = match given {
        None => Vec::new(),
        Some(Obj::None) => return driver_exception(py, "ProgrammingError", "parameters are of unsupported type"),
        Some(dict @ Obj::Dict(_)) => {
            let Some(names) = names else { return Ok(Vec::new()) };
            let mut out = Vec::new();
            for (at, name) in names.iter().enumerate() {
                if name.is_empty() {
                    return driver_exception(py, "ProgrammingError", &format!("Binding {} has no name, but you supplied a dictionary (which has only names).", at + 1));
                }
                let key = Obj::str(name.trim_start_matches([':', '@', '$']));
                match py.get_item(dict, key) {
                    Ok(value) => out.push(to_value(py, &value)?),
                    Err(_) => return driver_exception(py, "ProgrammingError", &format!("You did not supply a value for binding parameter {name}.")),
                }
            }
            return Ok(out);
        }
        Some(values) => {
            let mut out = Vec::new();
            for value in py.iterate(values)? {
                out.push(to_value(py, &value)?);
            }
            out
        }
    };
    if let Some(names) = names {
        if names.len() != values.len() {
            return driver_exception(
                py,
                "ProgrammingError",
                &format!("Incorrect number of bindings supplied. The current statement uses {}, and there are {} supplied.", names.len(), values.len()),
            );
        }
    }
    Ok(values)
}

fn sql_argument(py: &mut Interpreter, args: &[Obj]) -> Res<String> {
    match args.first() {
        Some(Obj::Str(sql)) => Ok(sql.to_string()),
        Some(other) => {
            let name = other.type_name();
            py.error("TypeError", format!("execute() argument 1 must be str, not {name}"))
        }
        None => py.error("TypeError", "execute expected at least 1 argument, got 0"),
    }
}

/// `sqlite3.connect("sqlite.db")`: a driver connection of the learner's own, on the database
/// the project's engines and the page share under that name (`":memory:"`: a new one of its own).
/// Python's sqlite3 leaves foreign keys off until a `PRAGMA` turns them on.
pub fn connect(py: &mut Interpreter, databases: &Databases, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let given = args.into_iter().next().or_else(|| kwargs.into_iter().find(|(k, _)| k == "database").map(|(_, v)| v));
    let path = match given {
        Some(Obj::Str(path)) => path.to_string(),
        Some(other) => return py.error("TypeError", format!("expected str, bytes or os.PathLike object, not {}", other.type_name())),
        None => return py.error("TypeError", "connect() missing required argument 'database' (pos 1)"),
    };
    let name = match path.as_str() {
        "" | ":memory:" => format!(":memory:sqlite3-{}", super::engine::new_connection_id()),
        file => super::engine::database_file(file),
    };
    let database = match databases.open(&name) {
        Ok(database) => database,
        Err(_) => return driver_exception(py, "OperationalError", "unable to open database file"),
    };
    let engine = EngineCore::new(format!("sqlite:///{path}"), database, false, false);
    Ok(native(DbapiConnection::new(engine, Rc::new(DbapiState::default()))))
}

impl crate::interp::native::Native for DbapiConnection {
    fn type_name(&self) -> &str {
        "sqlite3.Connection"
    }
    /// `with sqlite3.connect(...) as conn:` commits at the end (rolls back after an error) and
    /// leaves the connection open, as Python's does.
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        self.end(py, if error.is_some() { "ROLLBACK" } else { "COMMIT" })?;
        Ok(false)
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlite3.Connection object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "cursor" => Some(method(this, "cursor", move |py, this, _, _| {
                let Some(conn) = this.native::<DbapiConnection>() else { return Ok(Obj::None) };
                conn.check_open(py)?;
                Ok(native(Cursor::new(this.clone())))
            })),
            // `connection.execute(...)`: a new cursor's `execute`.
            "execute" | "executemany" => {
                let many = name == "executemany";
                Some(method(this, name, move |py, this, args, _| {
                    let cursor = native(Cursor::new(this.clone()));
                    if let Some(c) = cursor.native::<Cursor>() {
                        c.execute(py, &args, many)?;
                    }
                    Ok(cursor)
                }))
            }
            "commit" | "rollback" => {
                let word = if name == "commit" { "COMMIT" } else { "ROLLBACK" };
                Some(method(this, name, move |py, this, _, _| {
                    if let Some(conn) = this.native::<DbapiConnection>() {
                        conn.end(py, word)?;
                    }
                    Ok(Obj::None)
                }))
            }
            "close" => Some(method(this, "close", |py, this, _, _| {
                if let Some(conn) = this.native::<DbapiConnection>() {
                    if !conn.closed.get() {
                        conn.end(py, "ROLLBACK")?;
                        conn.closed.set(true);
                    }
                }
                Ok(Obj::None)
            })),
            "in_transaction" => {
                let open = Databases::borrow(&self.engine.database).map(|d| d.in_transaction()).unwrap_or(false);
                Some(Obj::Bool(open))
            }
            // Python 3.11's default: pysqlite begins transactions itself.
            "isolation_level" => Some(Obj::str("")),
            _ => None,
        })
    }
    fn set_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str, _value: Obj) -> Res<bool> {
        match name {
            "isolation_level" | "autocommit" | "row_factory" | "text_factory" => {
                py.stop_not_available(&format!("setting the driver connection's {name}"))
            }
            _ => Ok(false),
        }
    }
}

/// `sqlite3.Cursor`: the rows of its last statement, fetched one by one or all at once.
pub struct Cursor {
    connection: Obj,
    rows: RefCell<VecDeque<Obj>>,
    description: RefCell<Obj>,
    rowcount: Cell<i64>,
    lastrowid: RefCell<Obj>,
    closed: Cell<bool>,
}

impl Cursor {
    fn new(connection: Obj) -> Self {
        Cursor {
            connection,
            rows: RefCell::new(VecDeque::new()),
            description: RefCell::new(Obj::None),
            rowcount: Cell::new(-1),
            lastrowid: RefCell::new(Obj::None),
            closed: Cell::new(false),
        }
    }

    fn check_open(&self, py: &mut Interpreter) -> Res<()> {
        if self.closed.get() {
            return driver_exception(py, "ProgrammingError", "Cannot operate on a closed cursor.");
        }
        Ok(())
    }

    /// `execute(sql, parameters=())`, or `executemany(sql, seq_of_parameters)`.
    fn execute(&self, py: &mut Interpreter, args: &[Obj], many: bool) -> Res<()> {
        self.check_open(py)?;
        let sql = sql_argument(py, args)?;
        let Some(conn) = self.connection.native::<DbapiConnection>() else { return Ok(()) };
        let sets = if many {
            let Some(seq) = args.get(1) else { return py.error("TypeError", "executemany expected 2 arguments, got 1") };
            let mut sets = Vec::new();
            for item in py.iterate(seq)? {
                sets.push(parameters(py, &conn.engine, &sql, Some(&item))?);
            }
            sets
        } else {
            vec![parameters(py, &conn.engine, &sql, args.get(1))?]
        };
        // pysqlite counts the rows a DML statement changed, and -1 for anything else.
        let dml = super::engine::writes_rows(&sql);
        let mut rows = VecDeque::new();
        let mut description = Obj::None;
        let mut rowcount = -1;
        for params in &sets {
            let ran = conn.run(py, &sql, params)?;
            if !ran.columns.is_empty() {
                let columns = ran.columns.iter().map(|c| {
                    let mut entry = vec![Obj::str(c)];
                    entry.extend(std::iter::repeat_n(Obj::None, 6));
                    Obj::tuple(entry)
                });
                description = Obj::tuple(columns.collect());
            }
            rows.extend(ran.rows.iter().map(|row| Obj::tuple(row.iter().map(|v| from_value(v, None)).collect())));
            if dml {
                rowcount = rowcount.max(0) + ran.rowcount;
            }
            // pysqlite's `executemany` leaves `lastrowid` as it was.
            if !many {
                *self.lastrowid.borrow_mut() = Obj::Int(ran.lastrowid);
            }
        }
        *self.rows.borrow_mut() = rows;
        *self.description.borrow_mut() = description;
        self.rowcount.set(rowcount);
        Ok(())
    }

    fn fetch(&self, py: &mut Interpreter, limit: Option<usize>) -> Res<Vec<Obj>> {
        self.check_open(py)?;
        let mut rows = self.rows.borrow_mut();
        let n = limit.unwrap_or(rows.len()).min(rows.len());
        Ok(rows.drain(..n).collect())
    }
}

impl crate::interp::native::Native for Cursor {
    fn type_name(&self) -> &str {
        "sqlite3.Cursor"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlite3.Cursor object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "execute" | "executemany" => {
                let many = name == "executemany";
                Some(method(this, name, move |py, this, args, _| {
                    if let Some(cursor) = this.native::<Cursor>() {
                        cursor.execute(py, &args, many)?;
                    }
                    Ok(this.clone())
                }))
            }
            "fetchone" => Some(method(this, "fetchone", |py, this, _, _| {
                let Some(cursor) = this.native::<Cursor>() else { return Ok(Obj::None) };
                Ok(cursor.fetch(py, Some(1))?.pop().unwrap_or(Obj::None))
            })),
            "fetchall" => Some(method(this, "fetchall", |py, this, _, _| {
                let Some(cursor) = this.native::<Cursor>() else { return Ok(Obj::list(Vec::new())) };
                Ok(Obj::list(cursor.fetch(py, None)?))
            })),
            "fetchmany" => Some(method(this, "fetchmany", |py, this, args, kwargs| {
                let Some(cursor) = this.native::<Cursor>() else { return Ok(Obj::list(Vec::new())) };
                let size = match args.first().or_else(|| super::convert::kwarg(&kwargs, "size")) {
                    Some(Obj::Int(n)) => (*n).max(0) as usize,
                    Some(other) => {
                        let name = other.type_name();
                        return py.error("TypeError", format!("'{name}' object cannot be interpreted as an integer"));
                    }
                    None => 1,
                };
                Ok(Obj::list(cursor.fetch(py, Some(size))?))
            })),
            "close" => Some(method(this, "close", |_, this, _, _| {
                if let Some(cursor) = this.native::<Cursor>() {
                    cursor.closed.set(true);
                    cursor.rows.borrow_mut().clear();
                }
                Ok(Obj::None)
            })),
            "rowcount" => Some(Obj::Int(self.rowcount.get())),
            "lastrowid" => Some(self.lastrowid.borrow().clone()),
            "description" => Some(self.description.borrow().clone()),
            "connection" => Some(self.connection.clone()),
            "arraysize" => Some(Obj::Int(1)),
            _ => None,
        })
    }
    fn iterate(&self, py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(self.fetch(py, None))
    }
}

/// The pool's `_ConnectionRecord` for a driver connection: its `info` dict lasts as long as the
/// driver connection does.
pub struct ConnectionRecord(pub Rc<DbapiState>);

impl crate::interp::native::Native for ConnectionRecord {
    fn type_name(&self) -> &str {
        "_ConnectionRecord"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.pool.base._ConnectionRecord object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "info" => Some(self.0.info.borrow_mut().get_or_insert_with(|| Obj::Dict(Rc::new(RefCell::new(crate::interp::object::Dict::default())))).clone()),
            _ => None,
        })
    }
}
