//! `inspect()`: an engine's inspector (table names, columns), an instance's state, a class's mapper.

use crate::databases::Databases;
use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::convert::{method, native, raise};
use super::engine::EngineObj;
use super::orm::mapper::{mapper_of, state_of, MapperObj};
use super::types::TypeObj;

pub fn inspect(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let Some(subject) = args.first() else { return py.error("TypeError", "inspect() missing 1 required positional argument: 'subject'") };
    if let Some(engine) = subject.native::<EngineObj>() {
        return Ok(native(Inspector(engine.0.database.clone())));
    }
    if let Some(connection) = subject.native::<super::engine::ConnectionObj>() {
        return Ok(native(Inspector(connection.conn.engine.database.clone())));
    }
    if let Obj::Instance(_) = subject {
        if let Some(mapper) = mapper_of(py, subject)? {
            super::orm::mapper::ensure_state(subject, &mapper);
        }
        if let (Some(_), Obj::Instance(inst)) = (state_of(subject), subject) {
            let value = inst.attrs.borrow().get(&crate::interp::object::Key::Str(std::rc::Rc::from("_sa_instance_state"))).cloned();
            if let Some(value) = value {
                return Ok(value);
            }
        }
    }
    if let Some(mapper) = mapper_of(py, subject)? {
        return Ok(native(MapperObj(mapper)));
    }
    let shown = py.repr_of(subject)?;
    raise(py, "sqlalchemy.exc", "NoInspectionAvailable", &format!("No inspection system is available for object of type {}", shown))
}

/// What `inspect(engine)` gives: the live schema, read back as SQLAlchemy's SQLite dialect does.
pub struct Inspector(crate::databases::SharedEngine);

impl Inspector {
    fn table_names(&self) -> Vec<String> {
        let Ok(engine) = Databases::borrow(&self.0) else { return Vec::new() };
        let rows = engine
            .inspect("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name")
            .map(|r| r.rows)
            .unwrap_or_default();
        rows.into_iter().filter_map(|r| r.into_iter().next()).map(|v| v.python_str()).collect()
    }

    fn table(&self, name: &str) -> Option<crate::schema::Table> {
        let engine = Databases::borrow(&self.0).ok()?;
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
        let me = |this: &Obj| this.native::<Inspector>().map(|i| i.0.clone()).map(Inspector);
        Ok(Some(match name {
            "get_table_names" => method(this, name, move |_, this, _, _| {
                let names = me(this).map(|i| i.table_names()).unwrap_or_default();
                Ok(Obj::list(names.iter().map(|n| Obj::str(n)).collect()))
            }),
            "has_table" => method(this, name, move |_, this, args, _| {
                let wanted = match args.first() {
                    Some(Obj::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                Ok(Obj::Bool(me(this).is_some_and(|i| i.table_names().contains(&wanted))))
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
                    let Some(table) = me(this).and_then(|i| i.table(&table_name)) else {
                        return raise(py, "sqlalchemy.exc", "NoSuchTableError", &table_name);
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
                                        ("default", Obj::None),
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
                                out.push(dict(
                                    py,
                                    vec![
                                        ("name", fk.name.as_deref().map_or(Obj::None, Obj::str)),
                                        ("constrained_columns", Obj::list(fk.columns.iter().map(|c| Obj::str(c)).collect())),
                                        ("referred_schema", Obj::None),
                                        ("referred_table", Obj::str(&fk.ref_table)),
                                        ("referred_columns", Obj::list(fk.ref_columns.iter().map(|c| Obj::str(c)).collect())),
                                    ],
                                )?);
                            }
                            Ok(Obj::list(out))
                        }
                        "get_indexes" => {
                            let mut out = Vec::new();
                            for index in &table.indexes {
                                out.push(dict(
                                    py,
                                    vec![
                                        ("name", Obj::str(&index.name)),
                                        ("column_names", Obj::list(index.columns.iter().map(|c| Obj::str(c)).collect())),
                                        ("unique", Obj::Int(i64::from(index.unique))),
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
