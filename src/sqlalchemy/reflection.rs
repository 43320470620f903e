//! Tables read back from the live database: `Table(name, metadata, autoload_with=bind)` and
//! `MetaData.reflect(bind)`. The inspector's questions are asked on one connection in
//! SQLAlchemy's order — one table's columns, primary key, foreign keys, indexes and unique
//! constraints, or for `reflect()` each question for every table in turn — so an echoing engine
//! logs what SQLAlchemy's SQLite dialect runs. A foreign key's table is read into the same
//! MetaData, as SQLAlchemy resolves it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::schema::{self, Constraint};

use super::convert::raise;
use super::engine::{Conn, ConnectionObj, EngineObj};
use super::inspection::Inspector;
use super::schema::{table_value, ColumnObj, ColumnSpec, ForeignKeyObj, MetaDataObj, TableObj};

/// What one table's reflection asks, in `Inspector._get_reflection_info`'s order (the table
/// comment, check constraints and options are answered from what these cached).
const QUESTIONS: [&str; 5] = ["get_columns", "get_pk_constraint", "get_foreign_keys", "get_indexes", "get_unique_constraints"];

/// What the program gave `Table(...)` beside `autoload_with`: columns that replace the reflected
/// ones of the same name, and the reflection options.
#[derive(Default)]
pub struct Given {
    pub columns: Vec<Obj>,
    pub constraints: Vec<Constraint>,
    pub indexes: Vec<schema::Index>,
    pub include_columns: Option<Vec<String>>,
}

/// One reflection: its MetaData, its connection, the tables whose questions were asked (what
/// SQLAlchemy's `_reflect_info` holds: a table found there is built without asking again), and
/// the tables being read now (its `_extend_on`), which a foreign key back to them finds.
struct Reading<'a> {
    metadata: &'a Obj,
    bind: Obj,
    conn: Rc<Conn>,
    resolve_fks: bool,
    asked: RefCell<Vec<String>>,
    in_progress: RefCell<Vec<String>>,
}

fn metadata_of(metadata: &Obj) -> Option<&MetaDataObj> {
    metadata.native::<MetaDataObj>()
}

/// An engine or a connection, or SQLAlchemy's `NoInspectionAvailable` for anything else.
fn check_bind(py: &mut Interpreter, bind: &Obj) -> Res<()> {
    if bind.native::<EngineObj>().is_some() || bind.native::<ConnectionObj>().is_some() {
        return Ok(());
    }
    super::inspection::no_inspection(py, bind)
}

/// `Table(name, metadata, *given, autoload_with=bind)` for a name the MetaData does not hold yet.
pub fn autoload(py: &mut Interpreter, metadata: &Obj, name: &str, bind: &Obj, given: Given, resolve_fks: bool) -> Res<Obj> {
    check_bind(py, bind)?;
    super::engine::with_connection_then(py, bind, false, |py, conn| {
        let reading = Reading { metadata, bind: bind.clone(), conn: conn.clone(), resolve_fks, asked: RefCell::new(Vec::new()), in_progress: RefCell::new(Vec::new()) };
        reading.table(py, name, given)
    })
}

/// `metadata.reflect(bind, views=, only=, resolve_fks=)`: every table of the database (or those
/// `only` names or accepts) that the MetaData does not hold yet.
pub fn reflect(py: &mut Interpreter, metadata: &Obj, bind: &Obj, views: bool, only: Option<Obj>, resolve_fks: bool) -> Res<()> {
    check_bind(py, bind)?;
    super::engine::with_connection_then(py, bind, false, |py, conn| {
        let inspector = Inspector::new(bind.clone());
        inspector.ask_on(py, conn, "get_table_names", "")?;
        let mut available = inspector.table_names();
        if views {
            inspector.ask_on(py, conn, "get_view_names", "")?;
            available.extend(inspector.view_names());
        }
        let held = |name: &str| metadata_of(metadata).is_some_and(|m| m.table(name).is_some());
        let load: Vec<String> = match &only {
            None | Some(Obj::None) => available.iter().filter(|n| !held(n)).cloned().collect(),
            Some(f) if is_callable(py, f)? => {
                let mut load = Vec::new();
                for name in available.iter().filter(|n| !held(n)) {
                    let keep = py.call(f.clone(), vec![Obj::str(name), metadata.clone()], Vec::new())?;
                    if py.truthy(&keep)? {
                        load.push(name.clone());
                    }
                }
                load
            }
            Some(names) => {
                let mut wanted = Vec::new();
                for name in py.iterate(names)? {
                    wanted.push(super::convert::text_arg(py, &name, "table name")?);
                }
                let missing: Vec<&str> = wanted.iter().filter(|n| !available.contains(n)).map(String::as_str).collect();
                if !missing.is_empty() {
                    let engine = engine_repr(py, bind)?;
                    let message = format!("Could not reflect: requested table(s) not available in {engine}: ({})", missing.join(", "));
                    return raise(py, "sqlalchemy.exc", "InvalidRequestError", &message);
                }
                wanted.into_iter().filter(|n| !held(n)).collect()
            }
        };
        // `_default_multi_reflect`: with views the names are taken as given; for tables alone the
        // names queries run (temporary tables too) and the names `load` holds are kept — or, when
        // `load` is empty, every table is asked about.
        let asked: Vec<String> = if views && !load.is_empty() {
            load.clone()
        } else {
            inspector.ask_on(py, conn, "get_temp_table_names", "")?;
            if views {
                inspector.ask_on(py, conn, "get_temp_view_names", "")?;
            }
            available.iter().filter(|n| load.is_empty() || load.contains(n)).cloned().collect()
        };
        for question in QUESTIONS {
            for name in &asked {
                inspector.ask_on(py, conn, question, name)?;
            }
        }
        let reading = Reading { metadata, bind: bind.clone(), conn: conn.clone(), resolve_fks, asked: RefCell::new(asked), in_progress: RefCell::new(Vec::new()) };
        for name in &load {
            if !held(name) {
                reading.table(py, name, Given::default())?;
            }
        }
        Ok(())
    })
}

fn is_callable(py: &mut Interpreter, value: &Obj) -> Res<bool> {
    let answer = py.call(Obj::Builtin("callable"), vec![value.clone()], Vec::new())?;
    py.truthy(&answer)
}

/// `Engine(sqlite:///app.db)`: the engine behind `bind`, as SQLAlchemy's message shows it.
fn engine_repr(py: &mut Interpreter, bind: &Obj) -> Res<String> {
    match bind.native::<ConnectionObj>() {
        Some(connection) => {
            let engine = super::convert::native(EngineObj(connection.conn.engine.clone()));
            py.repr_of(&engine)
        }
        None => py.repr_of(bind),
    }
}

impl Reading<'_> {
    /// Reads table `name` into the MetaData, at the place SQLAlchemy gives it (before the tables
    /// its foreign keys bring in).
    fn table(&self, py: &mut Interpreter, name: &str, given: Given) -> Res<Obj> {
        let inspector = Inspector::new(self.bind.clone());
        if !self.asked.borrow().iter().any(|n| n == name) {
            for question in QUESTIONS {
                inspector.ask_on(py, &self.conn, question, name)?;
            }
            self.asked.borrow_mut().push(name.to_string());
        }
        let Some(read) = inspector.table(name) else {
            return raise(py, "sqlalchemy.exc", "NoSuchTableError", name);
        };
        let place = metadata_of(self.metadata).map_or(0, |m| m.tables.borrow().len());
        self.in_progress.borrow_mut().push(name.to_string());
        let outcome = self.build(py, read, given);
        self.in_progress.borrow_mut().retain(|n| n != name);
        let table = outcome?;
        MetaDataObj::add(py, self.metadata, table.clone(), Some(place))?;
        Ok(table)
    }

    fn build(&self, py: &mut Interpreter, read: schema::Table, given: Given) -> Res<Obj> {
        let included = |column: &str| given.include_columns.as_ref().is_none_or(|names| names.iter().any(|n| n == column));
        // The foreign keys' tables first, as `_reflect_fk` reads them.
        for fk in read.foreign_keys() {
            if !self.resolve_fks || !fk.columns.iter().all(|c| included(c)) {
                continue;
            }
            let held = metadata_of(self.metadata).is_some_and(|m| m.table(&fk.ref_table).is_some());
            if !held && !self.in_progress.borrow().contains(&fk.ref_table) {
                self.table(py, &fk.ref_table, Given::default())?;
            }
        }
        let mut columns = Vec::new();
        for column in read.columns.iter().filter(|c| included(&c.name)) {
            let replacement = given.columns.iter().find(|g| g.native::<ColumnObj>().is_some_and(|g| g.0.borrow().name.as_deref() == Some(column.name.as_str())));
            if let Some(replacement) = replacement {
                let redefines_key = replacement.native::<ColumnObj>().is_some_and(|g| !g.0.borrow().primary_key) && column.primary_key;
                if redefines_key {
                    let message = format!("Trying to redefine primary-key column '{}' as a non-primary-key column on table '{}'", column.name, read.name);
                    return raise(py, "sqlalchemy.exc", "ArgumentError", &message);
                }
                columns.push(replacement.clone());
                continue;
            }
            let single_key = read.foreign_keys().find(|fk| fk.columns.len() == 1 && fk.columns[0] == column.name);
            let spec = ColumnSpec {
                name: Some(column.name.clone()),
                sql_type: Some(column.sql_type.clone()),
                primary_key: column.primary_key,
                nullable: Some(column.nullable),
                server_default: column.server_default.clone(),
                server_default_repr: column.server_default.as_ref().map(|_| reflected_default_repr(py)),
                foreign_key: single_key.map(|fk| ForeignKeyObj {
                    target: format!("{}.{}", fk.ref_table, fk.ref_columns.first().map_or("", String::as_str)),
                    name: fk.name.clone(),
                    ondelete: fk.ondelete.clone(),
                    onupdate: fk.onupdate.clone(),
                }),
                ..ColumnSpec::default()
            };
            columns.push(super::convert::native(ColumnObj::new(spec)));
        }
        // Given columns the database does not have are added after the reflected ones.
        for extra in &given.columns {
            let name = extra.native::<ColumnObj>().and_then(|c| c.0.borrow().name.clone()).unwrap_or_default();
            if !read.columns.iter().any(|c| c.name == name) {
                columns.push(extra.clone());
            }
        }
        let kept = |names: &[String]| names.iter().all(|n| included(n));
        let mut constraints: Vec<Constraint> = read
            .constraints
            .iter()
            .filter(|c| match c {
                Constraint::ForeignKey(fk) => fk.columns.len() > 1 && kept(&fk.columns),
                Constraint::Unique { columns, .. } => kept(columns),
                Constraint::Check { .. } => true,
            })
            .cloned()
            .collect();
        constraints.extend(given.constraints);
        let mut indexes: Vec<schema::Index> = read.indexes.iter().filter(|i| kept(&i.columns)).cloned().collect();
        indexes.extend(given.indexes);
        let made = TableObj::new(&read.name, columns, constraints, indexes, read.primary_key_name.clone());
        made.sqlite_autoincrement.set(read.sqlite_autoincrement);
        Ok(table_value(made))
    }
}

/// How a reflected server default shows in a column's repr: SQLAlchemy wraps the database's
/// text in `text()`.
fn reflected_default_repr(py: &mut Interpreter) -> String {
    let clause = super::convert::native(super::statement::TextClause { sql: String::new(), bound: Vec::new() });
    let shown = py.repr_of(&clause).unwrap_or_default();
    format!("DefaultClause({shown}, for_update=False)")
}
