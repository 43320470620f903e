//! `inspect()`: an engine's inspector (table names, columns), an instance's state, a class's mapper.

use std::cell::RefCell;
use std::rc::Rc;

use crate::databases::Databases;
use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::value::Value;

use super::convert::{method, native, raise};
use super::engine::{Conn, EngineObj, Stat};
use super::orm::mapper::{mapper_obj, mapper_of, state_of};
use super::types::TypeObj;

pub fn inspect(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let Some(subject) = args.first() else { return py.error("TypeError", "inspect() missing 1 required positional argument: 'subject'") };
    if subject.native::<EngineObj>().is_some() || subject.native::<super::engine::ConnectionObj>().is_some() {
        return Ok(native(Inspector::new(subject.clone())));
    }
    if let Obj::Instance(_) = subject {
        if let Some(mapper) = mapper_of(py, subject)? {
            super::orm::mapper::ensure_state(subject, &mapper);
        }
        if let (Some(_), Obj::Instance(inst)) = (state_of(subject), subject) {
            let value = inst.attrs.borrow().get_str("_sa_instance_state").cloned();
            if let Some(value) = value {
                return Ok(value);
            }
        }
    }
    if let Some(mapper) = mapper_of(py, subject)? {
        return Ok(mapper_obj(&mapper));
    }
    no_inspection(py, subject)
}

/// SQLAlchemy's `NoInspectionAvailable` for what `inspect()` (or `autoload_with=`) cannot inspect,
/// naming its type.
pub fn no_inspection<T>(py: &mut Interpreter, subject: &Obj) -> Res<T> {
    let class = py.type_of(subject);
    let shown = py.repr_of(&class)?;
    raise(py, "sqlalchemy.exc", "NoInspectionAvailable", &format!("No inspection system is available for object of type {shown}"))
}

/// What `inspect(engine)` gives: the live schema, read back with the statements SQLAlchemy's
/// SQLite dialect runs (logged when the engine echoes), each answer kept as its `info_cache` keeps
/// it, so asking twice runs nothing the second time.
pub struct Inspector {
    /// The engine (a connection of its own per question) or the connection it was made from.
    bind: Obj,
    /// The questions asked already (`get_columns users`).
    asked: Rc<RefCell<Vec<String>>>,
}

const TABLE_NAMES: &str = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name";
const VIEW_NAMES: &str = "SELECT name FROM sqlite_master WHERE type='view' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name";
const TEMP_TABLE_NAMES: &str = "SELECT name FROM sqlite_temp_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name";
const TEMP_VIEW_NAMES: &str = "SELECT name FROM sqlite_temp_master WHERE type='view' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name";
const TABLE_SQL: &str = "SELECT sql FROM  (SELECT * FROM sqlite_master UNION ALL   SELECT * FROM sqlite_temp_master) WHERE name = ? AND type in ('table', 'view')";

fn raw(py: &mut Interpreter, conn: &Rc<Conn>, sql: &str, params: &[Value]) -> Res<Vec<Vec<Value>>> {
    Ok(conn.run(py, Stat::Raw, sql, sql, params, None)?.rows)
}

/// `_get_table_pragma`: the `main` schema's answer, else the `temp` one's.
fn pragma(py: &mut Interpreter, conn: &Rc<Conn>, pragma: &str, name: &str) -> Res<Vec<Vec<Value>>> {
    for schema in ["main", "temp"] {
        let sql = format!("PRAGMA {schema}.{pragma}({})", crate::sql::quote_always(name));
        let rows = raw(py, conn, &sql, &[])?;
        if !rows.is_empty() {
            return Ok(rows);
        }
    }
    Ok(Vec::new())
}

fn no_such_table<T>(py: &mut Interpreter, name: &str) -> Res<T> {
    raise(py, "sqlalchemy.exc", "NoSuchTableError", name)
}

/// `_get_table_sql`: the table's `CREATE` statement; a missing table is `NoSuchTableError`.
fn table_sql(py: &mut Interpreter, conn: &Rc<Conn>, name: &str) -> Res<()> {
    let rows = raw(py, conn, TABLE_SQL, &[Value::Text(name.to_string())])?;
    let found = rows.first().and_then(|r| r.first()).is_some_and(|v| !matches!(v, Value::Null));
    if !found && !matches!(name, "sqlite_schema" | "sqlite_master" | "sqlite_temp_schema" | "sqlite_temp_master") {
        return no_such_table(py, name);
    }
    Ok(())
}

impl Inspector {
    /// Runs `question` unless its answer is cached (`key`), as `reflection.cache` does.
    fn ask(&self, py: &mut Interpreter, conn: &Rc<Conn>, key: String, question: impl FnOnce(&mut Interpreter, &Rc<Conn>) -> Res<()>) -> Res<()> {
        if self.asked.borrow().contains(&key) {
            return Ok(());
        }
        question(py, conn)?;
        self.asked.borrow_mut().push(key);
        Ok(())
    }

    fn columns(&self, py: &mut Interpreter, conn: &Rc<Conn>, name: &str) -> Res<()> {
        self.ask(py, conn, format!("get_columns {name}"), |py, conn| {
            if pragma(py, conn, "table_xinfo", name)?.is_empty() && pragma(py, conn, "table_info", name)?.is_empty() {
                return no_such_table(py, name);
            }
            Ok(())
        })
    }

    fn indexes(&self, py: &mut Interpreter, conn: &Rc<Conn>, name: &str, include_auto: bool) -> Res<()> {
        self.ask(py, conn, format!("get_indexes {name} {include_auto}"), |py, conn| {
            let listed = pragma(py, conn, "index_list", name)?;
            let mut any = false;
            for row in &listed {
                let index = row.get(1).map(Value::python_str).unwrap_or_default();
                if !include_auto && index.starts_with("sqlite_autoindex") {
                    continue;
                }
                any = true;
                pragma(py, conn, "index_info", &index)?;
            }
            if !any && pragma(py, conn, "table_info", name)?.is_empty() {
                return no_such_table(py, name);
            }
            Ok(())
        })
    }

    /// An inspector of its own (a fresh `info_cache`) on `bind`.
    pub fn new(bind: Obj) -> Inspector {
        Inspector { bind, asked: Rc::new(RefCell::new(Vec::new())) }
    }

    /// The statements SQLAlchemy runs to answer `question` about `table` (logged when echoing).
    fn run_questions(&self, py: &mut Interpreter, question: &str, table: &str) -> Res<()> {
        let bind = self.bind.clone();
        // One question's connection: a new one of the engine's, closed after (its `ROLLBACK`),
        // or the connection the inspector was made from.
        super::engine::with_connection_then(py, &bind, false, |py, conn| self.ask_on(py, conn, question, table))
    }

    /// Asks `question` about `table` on `conn`, unless this inspector knows the answer already.
    pub fn ask_on(&self, py: &mut Interpreter, conn: &Rc<Conn>, question: &str, table: &str) -> Res<()> {
        match question {
            "get_table_names" => self.ask(py, conn, question.into(), |py, conn| raw(py, conn, TABLE_NAMES, &[]).map(|_| ())),
            "get_view_names" => self.ask(py, conn, question.into(), |py, conn| raw(py, conn, VIEW_NAMES, &[]).map(|_| ())),
            "get_temp_table_names" => self.ask(py, conn, question.into(), |py, conn| raw(py, conn, TEMP_TABLE_NAMES, &[]).map(|_| ())),
            "get_temp_view_names" => self.ask(py, conn, question.into(), |py, conn| raw(py, conn, TEMP_VIEW_NAMES, &[]).map(|_| ())),
            "has_table" => self.ask(py, conn, format!("has_table {table}"), |py, conn| pragma(py, conn, "table_info", table).map(|_| ())),
            "get_columns" => self.columns(py, conn, table),
            "get_pk_constraint" => self.ask(py, conn, format!("get_pk_constraint {table}"), |py, conn| {
                table_sql(py, conn, table)?;
                self.columns(py, conn, table)
            }),
            "get_foreign_keys" => self.ask(py, conn, format!("get_foreign_keys {table}"), |py, conn| {
                pragma(py, conn, "foreign_key_list", table)?;
                table_sql(py, conn, table)
            }),
            "get_indexes" => self.indexes(py, conn, table, false),
            _ => self.ask(py, conn, format!("get_unique_constraints {table}"), |py, conn| {
                self.indexes(py, conn, table, true)?;
                self.ask(py, conn, format!("_get_table_sql {table}"), |py, conn| table_sql(py, conn, table))
            }),
        }
    }

    fn database(&self) -> Option<crate::databases::SharedEngine> {
        if let Some(engine) = self.bind.native::<EngineObj>() {
            return Some(engine.0.database.clone());
        }
        self.bind.native::<super::engine::ConnectionObj>().map(|c| c.conn.engine.database.clone())
    }

    pub fn table_names(&self) -> Vec<String> {
        self.names(TABLE_NAMES)
    }

    pub fn view_names(&self) -> Vec<String> {
        self.names(VIEW_NAMES)
    }

    fn names(&self, query: &str) -> Vec<String> {
        let Some(database) = self.database() else { return Vec::new() };
        let Ok(engine) = Databases::borrow(&database) else { return Vec::new() };
        let rows = engine.inspect(query).map(|r| r.rows).unwrap_or_default();
        rows.into_iter().filter_map(|r| r.into_iter().next()).map(|v| v.python_str()).collect()
    }

    /// The table as it is in the database now (read without logging: the questions asked
    /// before it are what the log shows).
    pub fn table(&self, name: &str) -> Option<crate::schema::Table> {
        let database = self.database()?;
        let engine = Databases::borrow(&database).ok()?;
        crate::reflect::reflect_table(&engine, name).ok().flatten()
    }
}

fn dict(py: &mut Interpreter, items: Vec<(&str, Obj)>) -> Res<Obj> {
    let d = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
    for (k, v) in items {
        py.set_item(&d, Obj::str(k), v)?;
    }
    Ok(d)
}

impl Native for Inspector {
    fn type_name(&self) -> &str {
        "SQLiteInspector"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.dialects.sqlite.base.SQLiteInspector object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let me = |this: &Obj| this.native::<Inspector>().map(|i| Inspector { bind: i.bind.clone(), asked: i.asked.clone() });
        Ok(Some(match name {
            "get_table_names" => method(this, name, move |py, this, _, _| {
                let Some(me) = me(this) else { return Ok(Obj::list(Vec::new())) };
                me.run_questions(py, "get_table_names", "")?;
                Ok(Obj::list(me.table_names().iter().map(|n| Obj::str(n)).collect()))
            }),
            "get_view_names" => method(this, name, move |py, this, _, _| {
                let Some(me) = me(this) else { return Ok(Obj::list(Vec::new())) };
                me.run_questions(py, "get_view_names", "")?;
                Ok(Obj::list(me.names(VIEW_NAMES).iter().map(|n| Obj::str(n)).collect()))
            }),
            "has_table" => method(this, name, move |py, this, args, _| {
                let wanted = match args.first() {
                    Some(Obj::Str(s)) => s.to_string(),
                    _ => return py.error("TypeError", "has_table() missing 1 required positional argument: 'table_name'"),
                };
                let Some(me) = me(this) else { return Ok(Obj::Bool(false)) };
                me.run_questions(py, "has_table", &wanted)?;
                Ok(Obj::Bool(me.table_names().contains(&wanted)))
            }),
            "get_columns" | "get_pk_constraint" | "get_foreign_keys" | "get_indexes" | "get_unique_constraints" => {
                let which: &'static str = match name {
                    "get_columns" => "get_columns",
                    "get_pk_constraint" => "get_pk_constraint",
                    "get_foreign_keys" => "get_foreign_keys",
                    "get_indexes" => "get_indexes",
                    _ => "get_unique_constraints",
                };
                method(this, which, move |py, this, args, _| {
                    let table_name = match args.first() {
                        Some(Obj::Str(s)) => s.to_string(),
                        _ => return py.error("TypeError", format!("{which}() missing 1 required positional argument: 'table_name'")),
                    };
                    let Some(me) = me(this) else { return Ok(Obj::None) };
                    me.run_questions(py, which, &table_name)?;
                    let Some(table) = me.table(&table_name) else {
                        return no_such_table(py, &table_name);
                    };
                    match which {
                        "get_columns" => {
                            let mut out = Vec::new();
                            for (at, column) in table.columns.iter().enumerate() {
                                let pk = if column.primary_key { table.columns.iter().take(at + 1).filter(|c| c.primary_key).count() as i64 } else { 0 };
                                out.push(dict(
                                    py,
                                    vec![
                                        ("name", Obj::str(&column.name)),
                                        ("type", native(TypeObj(column.sql_type.clone()))),
                                        ("nullable", Obj::Bool(column.nullable)),
                                        ("default", match &column.server_default {
                                            Some(crate::schema::ServerDefault::Text(t) | crate::schema::ServerDefault::Literal(t)) => Obj::str(t),
                                            None => Obj::None,
                                        }),
                                        ("primary_key", Obj::Int(pk)),
                                    ],
                                )?);
                            }
                            Ok(Obj::list(out))
                        }
                        "get_pk_constraint" => {
                            let columns = table.primary_key().map(|c| Obj::str(&c.name)).collect();
                            dict(py, vec![("constrained_columns", Obj::list(columns)), ("name", Obj::None)])
                        }
                        "get_foreign_keys" => {
                            let mut out = Vec::new();
                            for fk in table.foreign_keys() {
                                let options = dict(py, Vec::new())?;
                                out.push(dict(
                                    py,
                                    vec![
                                        ("name", fk.name.as_deref().map_or(Obj::None, Obj::str)),
                                        ("constrained_columns", Obj::list(fk.columns.iter().map(|c| Obj::str(c)).collect())),
                                        ("referred_schema", Obj::None),
                                        ("referred_table", Obj::str(&fk.ref_table)),
                                        ("referred_columns", Obj::list(fk.ref_columns.iter().map(|c| Obj::str(c)).collect())),
                                        ("options", options),
                                    ],
                                )?);
                            }
                            Ok(Obj::list(out))
                        }
                        "get_indexes" => {
                            let mut out = Vec::new();
                            for index in &table.indexes {
                                let options = dict(py, Vec::new())?;
                                out.push(dict(
                                    py,
                                    vec![
                                        ("name", Obj::str(&index.name)),
                                        ("column_names", Obj::list(index.columns.iter().map(|c| Obj::str(c)).collect())),
                                        ("unique", Obj::Int(i64::from(index.unique))),
                                        ("dialect_options", options),
                                    ],
                                )?);
                            }
                            Ok(Obj::list(out))
                        }
                        _ => {
                            let mut out = Vec::new();
                            for constraint in &table.constraints {
                                if let crate::schema::Constraint::Unique { name, columns } = constraint {
                                    out.push(dict(
                                        py,
                                        vec![("name", name.as_deref().map_or(Obj::None, Obj::str)), ("column_names", Obj::list(columns.iter().map(|c| Obj::str(c)).collect()))],
                                    )?);
                                }
                            }
                            Ok(Obj::list(out))
                        }
                    }
                })
            }
            _ => return Ok(None),
        }))
    }
}
