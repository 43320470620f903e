//! env.py's autogenerate hooks, called as Alembic calls them: `include_name(name, type_,
//! parent_names)` for the tables and columns read from the database, `include_object(object,
//! name, type_, reflected, compare_to)` for tables and columns on both sides (the models' own
//! `Table` and `Column` objects, and ones built from the database), and `compare_type` — `False`,
//! `True` (Alembic's default), or a callable `(context, inspected_column, metadata_column,
//! inspected_type, metadata_type)` whose `None` means "compare as usual".

use crate::error::{Error, ErrorKind};
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::migrate::compare::{compare_with, Comparison, Decide};
use crate::schema::{Constraint, ForeignKey, MetaData, SqlType, Table};
use crate::sqlalchemy::convert::native;
use crate::sqlalchemy::schema::{table_value, ColumnObj, ColumnSpec, ConstraintObj, MetaDataObj, TableItem, TableObj};
use crate::sqlalchemy::types::TypeObj;

use super::environment::Configured;

/// A table read from the database, as a SQLAlchemy `Table` for the hooks.
fn reflected_table(table: &Table) -> Obj {
    let columns = table
        .columns
        .iter()
        .map(|c| {
            native(ColumnObj::new(ColumnSpec {
                name: Some(c.name.clone()),
                table: Some(table.name.clone()),
                sql_type: Some(c.sql_type.clone()),
                primary_key: c.primary_key,
                nullable: Some(c.nullable),
                server_default: c.server_default.clone(),
                ..ColumnSpec::default()
            }))
        })
        .collect();
    table_value(TableObj::new(&table.name, columns, table.constraints.clone(), table.indexes.clone(), table.primary_key_name.clone()))
}

fn column_of(table: &Obj, name: &str) -> Obj {
    table.native::<TableObj>().and_then(|t| t.column(name)).unwrap_or(Obj::None)
}

fn hook(configured: &Configured, name: &str) -> Option<Obj> {
    configured.option(name).filter(|v| !matches!(v, Obj::None | Obj::Bool(_))).cloned()
}

/// The `context` Alembic passes env.py's hooks: `alembic.context.MigrationContext()`, with the
/// command's config and the options configure() got.
pub(crate) fn migration_context(py: &mut Interpreter) -> Res<Obj> {
    let module = py.import("alembic.context")?;
    let make = py.get_attr(&module, "_migration_context")?;
    py.call(make, Vec::new(), Vec::new())
}

fn parent_names(py: &mut Interpreter, table: Option<&str>) -> Res<Obj> {
    let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
    py.set_item(&dict, Obj::str("schema_name"), Obj::None)?;
    if let Some(table) = table {
        py.set_item(&dict, Obj::str("table_name"), Obj::str(table))?;
        py.set_item(&dict, Obj::str("schema_qualified_table_name"), Obj::str(table))?;
    }
    Ok(dict)
}

fn call_filter(py: &mut Interpreter, filter: &Option<Obj>, args: Vec<Obj>) -> Res<bool> {
    match filter {
        None => Ok(true),
        Some(filter) => {
            let answer = py.call(filter.clone(), args, Vec::new())?;
            py.truthy(&answer)
        }
    }
}

/// env.py's hooks as the comparison asks them, with what they print kept in order among the
/// `Detected …` lines.
struct EnvHooks<'a> {
    py: &'a mut Interpreter,
    configured: &'a Configured,
    include_name: Option<Obj>,
    include_object: Option<Obj>,
    compare_type: Obj,
    live: &'a [Table],
    /// The models' tables, as the schema model has them (for their indexes and constraints).
    model_tables: Vec<Table>,
    /// The database's tables built for the hooks so far.
    reflected: Vec<(String, Obj)>,
    raised: Option<Box<crate::interp::Raised>>,
}

impl EnvHooks<'_> {
    fn model_table(&self, name: &str) -> Obj {
        let items = self.configured.metadata_items();
        items.iter().find_map(|m| m.native::<MetaDataObj>().and_then(|m| m.table(name))).unwrap_or(Obj::None)
    }

    /// The database's table as a `Table` for the hooks, built once: every call about it (and
    /// its columns) gets the same object, as Alembic's hooks do.
    fn live_table(&mut self, name: &str) -> Obj {
        if let Some((_, table)) = self.reflected.iter().find(|(n, _)| n == name) {
            return table.clone();
        }
        let table = self.live.iter().find(|t| t.name == name).map_or(Obj::None, reflected_table);
        self.reflected.push((name.to_string(), table.clone()));
        table
    }

    /// A Python error from a hook stops the comparison; it is raised once the comparison returns.
    fn python<T>(&mut self, result: Res<T>) -> crate::Result<T> {
        result.map_err(|raised| {
            self.raised = Some(raised);
            Error::new(ErrorKind::PythonException, "a hook raised")
        })
    }

    fn filter(&mut self, args: Vec<Obj>) -> crate::Result<bool> {
        let outcome = call_filter(self.py, &self.include_object, args);
        self.python(outcome)
    }
}

impl Decide for EnvHooks<'_> {
    fn include_column_name(&mut self, table: &str, column: &str) -> crate::Result<bool> {
        if self.include_name.is_none() {
            return Ok(true);
        }
        let outcome = parent_names(self.py, Some(table))
            .and_then(|parents| call_filter(self.py, &self.include_name, vec![Obj::str(column), Obj::str("column"), parents]));
        self.python(outcome)
    }

    fn include_table(&mut self, name: &str, model: bool, live: bool) -> crate::Result<bool> {
        if self.include_object.is_none() {
            return Ok(true);
        }
        let (object, compare_to) = match (model, live) {
            (true, true) => (self.model_table(name), self.live_table(name)),
            (true, false) => (self.model_table(name), Obj::None),
            _ => (self.live_table(name), Obj::None),
        };
        self.filter(vec![object, Obj::str(name), Obj::str("table"), Obj::Bool(!model), compare_to])
    }

    fn include_constraint(&mut self, table: &str, kind: &str, name: &str, model: bool) -> crate::Result<bool> {
        if self.include_object.is_none() {
            return Ok(true);
        }
        let tables: Vec<Table> = if model { self.model_tables.clone() } else { self.live.to_vec() };
        let object = tables.iter().find(|t| t.name == table).and_then(|t| {
            let item = match kind {
                "index" => TableItem::Index(t.indexes.iter().find(|i| i.name == name)?.clone()),
                _ => TableItem::Constraint(t.constraints.iter().find(|c| c.name() == Some(name))?.clone()),
            };
            Some(native(ConstraintObj(item)))
        });
        self.filter(vec![object.unwrap_or(Obj::None), Obj::str(name), Obj::str(kind), Obj::Bool(!model), Obj::None])
    }

    fn include_foreign_key_name(&mut self, table: &str, name: Option<&str>) -> crate::Result<bool> {
        if self.include_name.is_none() {
            return Ok(true);
        }
        let answer = parent_names(self.py, Some(table)).and_then(|parents| {
            let name = name.map_or(Obj::None, Obj::str);
            call_filter(self.py, &self.include_name, vec![name, Obj::str("foreign_key_constraint"), parents])
        });
        self.python(answer)
    }

    fn include_foreign_key(&mut self, _table: &str, fk: &ForeignKey, model: bool, compare_to: Option<&ForeignKey>) -> crate::Result<bool> {
        if self.include_object.is_none() {
            return Ok(true);
        }
        let object = |fk: &ForeignKey| native(ConstraintObj(TableItem::Constraint(Constraint::ForeignKey(fk.clone()))));
        let name = fk.name.as_deref().map_or(Obj::None, Obj::str);
        let compare_to = compare_to.map_or(Obj::None, object);
        self.filter(vec![object(fk), name, Obj::str("foreign_key_constraint"), Obj::Bool(!model), compare_to])
    }

    fn include_column(&mut self, table: &str, column: &str, model: bool, live: bool) -> crate::Result<bool> {
        if self.include_object.is_none() {
            return Ok(true);
        }
        let (model_table, live_table) = (self.model_table(table), self.live_table(table));
        let (object, compare_to) = match (model, live) {
            (true, true) => (column_of(&model_table, column), column_of(&live_table, column)),
            (true, false) => (column_of(&model_table, column), Obj::None),
            _ => (column_of(&live_table, column), Obj::None),
        };
        self.filter(vec![object, Obj::str(column), Obj::str("column"), Obj::Bool(!model), compare_to])
    }

    fn type_changed(&mut self, table: &str, column: &str, model: &SqlType, live: &SqlType, default: bool) -> crate::Result<bool> {
        match self.compare_type.clone() {
            Obj::Bool(on) => Ok(on && default),
            Obj::None => Ok(false),
            callable => {
                let metadata_column = column_of(&self.model_table(table), column);
                let inspected_column = column_of(&self.live_table(table), column);
                let types = (native(TypeObj(live.clone())), native(TypeObj(model.clone())));
                let answer = migration_context(self.py)
                    .and_then(|context| self.py.call(callable, vec![context, inspected_column, metadata_column, types.0, types.1], Vec::new()))
                    .and_then(|answer| match answer {
                    Obj::None => Ok(default),
                    other => self.py.truthy(&other),
                });
                self.python(answer)
            }
        }
    }

    /// A `Detected …` line goes out as it is found, through env.py's logging, between what
    /// the hooks print.
    fn log(&mut self, line: &str) -> crate::Result<()> {
        let outcome = crate::migrate::runner::emit_line(self.py, line);
        self.python(outcome)
    }
}

/// What autogenerate finds between `metadata` (from env.py's `target_metadata`) and the
/// database's tables, through env.py's hooks, inside the current run: the hooks' prints and the
/// `Detected …` lines go out in order as they come.
pub fn compare(py: &mut Interpreter, configured: &Configured, metadata: &MetaData, mut live: Vec<Table>, database_order: &[String]) -> Res<Comparison> {
    // include_name: the schema, then the table names as the database lists them; a table's
    // column names when that table is compared.
    let include_name = hook(configured, "include_name");
    if include_name.is_some() {
        let empty = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
        call_filter(py, &include_name, vec![Obj::None, Obj::str("schema"), empty])?;
    }
    let mut excluded = Vec::new();
    for name in database_order {
        let parents = parent_names(py, None)?;
        if !call_filter(py, &include_name, vec![Obj::str(name), Obj::str("table"), parents])? {
            excluded.push(name.clone());
        }
    }
    live.retain(|t| !excluded.contains(&t.name));
    let mut hooks = EnvHooks {
        py,
        configured,
        include_name,
        include_object: hook(configured, "include_object"),
        compare_type: configured.option("compare_type").cloned().unwrap_or(Obj::Bool(true)),
        live: &live,
        model_tables: metadata.tables.clone(),
        reflected: Vec::new(),
        raised: None,
    };
    let found = compare_with(metadata, live.clone(), &mut hooks);
    if let Some(raised) = hooks.raised.take() {
        return Err(raised);
    }
    match found {
        Ok(found) => Ok(found),
        Err(error) => super::raise_error(hooks.py, error, None),
    }
}
