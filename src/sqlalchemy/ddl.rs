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
