//! `MetaData.create_all` and `drop_all`: the dialect's check for each table
//! (`PRAGMA main.table_info("users")`), then `CREATE TABLE` / `DROP TABLE` in dependency order,
//! logged as SQLAlchemy logs DDL.

use std::rc::Rc;

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::schema::MetaData;

use super::engine::{with_connection, Conn, Stat};

/// Whether a table exists, as SQLite's dialect asks: the main schema, then the temp one.
pub(super) fn has_table(py: &mut Interpreter, conn: &Rc<Conn>, name: &str) -> Res<bool> {
    for schema in ["main", "temp"] {
        let sql = format!("PRAGMA {schema}.table_info({})", crate::sql::quote_always(name));
        let ran = conn.run(py, Stat::Raw, &sql, &sql, &[], None)?;
        if !ran.rows.is_empty() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Every foreign key must name a table of the metadata, as SQLAlchemy checks when it sorts them.
fn check_references(py: &mut Interpreter, metadata: &MetaData) -> Res<()> {
    for table in &metadata.tables {
        for fk in table.foreign_keys() {
            if metadata.table(&fk.ref_table).is_none() {
                let column = fk.columns.first().cloned().unwrap_or_default();
                let target = fk.ref_columns.first().cloned().unwrap_or_default();
                let message = format!(
                    "Foreign key associated with column '{}.{column}' could not find table '{}' with which to generate a foreign key to target column '{target}'",
                    table.name, fk.ref_table
                );
                return super::convert::raise(py, "sqlalchemy.exc", "NoReferencedTableError", &message);
            }
        }
    }
    Ok(())
}

pub fn create_all(py: &mut Interpreter, bind: &Obj, metadata: &MetaData, checkfirst: bool) -> Res<()> {
    check_references(py, metadata)?;
    with_connection(py, bind, |py, conn| {
        conn.begin(py)?;
        // As SQLAlchemy's SchemaGenerator: each table checked in the metadata's order, then the
        // missing ones created in dependency order.
        let mut to_create = Vec::new();
        for table in &metadata.tables {
            if !checkfirst || !has_table(py, conn, &table.name)? {
                to_create.push(table);
            }
        }
        for table in crate::schema::dependency_layers(to_create) {
            let ddl = crate::sql::create_table(table);
            conn.run(py, Stat::NoKey, &ddl, &ddl, &[], Some(&format!("\n{ddl}\n\n")))?;
            for index in &table.indexes {
                let sql = crate::sql::create_index(&table.name, index);
                conn.run(py, Stat::NoKey, &sql, &sql, &[], None)?;
            }
        }
        Ok(())
    })
}

pub fn drop_all(py: &mut Interpreter, bind: &Obj, metadata: &MetaData, checkfirst: bool) -> Res<()> {
    with_connection(py, bind, |py, conn| {
        conn.begin(py)?;
        let mut to_drop = Vec::new();
        for table in &metadata.tables {
            if !checkfirst || has_table(py, conn, &table.name)? {
                to_drop.push(table);
            }
        }
        let mut to_drop = crate::schema::dependency_layers(to_drop);
        to_drop.reverse();
        for table in to_drop {
            let ddl = crate::sql::drop_table(&table.name);
            conn.run(py, Stat::NoKey, &ddl, &ddl, &[], Some(&format!("\n{ddl}")))?;
        }
        Ok(())
    })
}

/// `CreateTable(table)` / `DropTable(table)` (`sqlalchemy.schema`): one DDL statement, printed
/// as SQLAlchemy's compiler writes it (`\nCREATE TABLE …\n\n`) or executed on a connection.
pub struct DdlElement {
    kind: &'static str,
    pub sql: String,
    pub shown: String,
}

impl crate::interp::native::Native for DdlElement {
    fn type_name(&self) -> &str {
        self.kind
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.ddl.{} object at {:#x}>", self.kind, crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(self.shown.clone())
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        if name != "compile" {
            return Ok(None);
        }
        let shown = self.shown.clone();
        Ok(Some(super::expression::compile_method(this, move |_| Ok((shown.clone(), Vec::new(), Vec::new())))))
    }
}

/// `sqlalchemy.schema`: the DDL constructs, and the schema items `sqlalchemy` has too.
pub fn schema_members(py: &mut Interpreter) -> Res<Vec<(String, Obj)>> {
    let sa = py.import("sqlalchemy")?;
    let mut members = Vec::new();
    for name in ["MetaData", "Table", "Column", "ForeignKey", "ForeignKeyConstraint", "UniqueConstraint", "PrimaryKeyConstraint", "CheckConstraint", "Index"] {
        members.push((name.to_string(), py.get_attr(&sa, name)?));
    }
    for create in [true, false] {
        let kind = if create { "CreateTable" } else { "DropTable" };
        members.push((
            kind.to_string(),
            super::convert::function(kind, move |py, args, kwargs| {
                let table = match args.first().and_then(|t| t.native::<super::schema::TableObj>()) {
                    Some(table) => table.to_schema(),
                    None => return py.error("TypeError", format!("{kind}() takes a Table")),
                };
                let flag = if create { "if_not_exists" } else { "if_exists" };
                let guarded = match super::convert::kwarg(&kwargs, flag) {
                    Some(value) => py.truthy(value)?,
                    None => false,
                };
                let (sql, shown) = if create {
                    let sql = crate::sql::create_table_guarded(&table, guarded);
                    let shown = format!("\n{sql}\n\n");
                    (sql, shown)
                } else {
                    let sql = crate::sql::drop_table_guarded(&table.name, guarded);
                    let shown = format!("\n{sql}");
                    (sql, shown)
                };
                Ok(super::convert::native(DdlElement { kind, sql, shown }))
            }),
        ));
    }
    Ok(members)
}
