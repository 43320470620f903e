//! A table's shape as the page's Tables view draws it: each column's declared type as SQLite
//! stores it (`VARCHAR(120)`, not a normalised type), NULL / NOT NULL, primary key, default, the
//! foreign keys, and the indexes and unique constraints with their columns. Read with SQLite's
//! own pragmas, so what the page shows is what the database holds, even for a table with no rows.
//! Not recorded in the SQL log: this is the page looking, not the learner acting.

use serde::Serialize;

use crate::engine::Engine;
use crate::error::Result;
use crate::reflect::{int, text};
use crate::sql::quote_always;
use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchemaColumn {
    pub name: String,
    /// The declared type, as written in the `CREATE TABLE` (empty when none was given).
    #[serde(rename = "type")]
    pub declared_type: String,
    pub nullable: bool,
    /// Position in the primary key, from 1; 0 when the column is not part of it.
    #[serde(rename = "primaryKey")]
    pub primary_key: i64,
    /// The `DEFAULT` clause's SQL text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchemaForeignKey {
    pub columns: Vec<String>,
    #[serde(rename = "refTable")]
    pub ref_table: String,
    #[serde(rename = "refColumns")]
    pub ref_columns: Vec<String>,
}

/// An index, or the index SQLite keeps for a UNIQUE constraint (`constraint: true`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchemaIndex {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
    pub constraint: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableSchema {
    pub columns: Vec<SchemaColumn>,
    #[serde(rename = "foreignKeys")]
    pub foreign_keys: Vec<SchemaForeignKey>,
    pub indexes: Vec<SchemaIndex>,
}

/// The shape of table `name` (empty when there is no such table).
pub fn table_schema(engine: &Engine, name: &str) -> Result<TableSchema> {
    let quoted = quote_always(name);
    let mut schema = TableSchema::default();
    // cid, name, type, notnull, dflt_value, pk
    for row in engine.inspect(&format!("PRAGMA main.table_info({quoted})"))?.rows {
        schema.columns.push(SchemaColumn {
            name: text(&row[1]),
            declared_type: text(&row[2]),
            nullable: int(&row[3]) == 0,
            primary_key: int(&row[5]),
            default: match &row[4] {
                Value::Null => None,
                v => Some(text(v)),
            },
        });
    }
    // An INTEGER PRIMARY KEY is the rowid: never NULL even without NOT NULL. Any other primary key
    // column accepts NULL on SQLite unless declared NOT NULL, so it is shown as it is.
    let key_columns = schema.columns.iter().filter(|c| c.primary_key > 0).count();
    for column in &mut schema.columns {
        if column.primary_key > 0 && key_columns == 1 && column.declared_type.eq_ignore_ascii_case("INTEGER") {
            column.nullable = false;
        }
    }
    schema.foreign_keys = crate::reflect::foreign_keys(engine, name)?
        .into_iter()
        .map(|fk| SchemaForeignKey { columns: fk.columns, ref_table: fk.ref_table, ref_columns: fk.ref_columns })
        .collect();
    for (index, origin) in crate::reflect::indexes(engine, name)? {
        if origin != "pk" {
            // the primary key's index is shown as the columns' primary key
            schema.indexes.push(SchemaIndex { name: index.name, columns: index.columns, unique: index.unique, constraint: origin == "u" });
        }
    }
    crate::sorting::sort_by(&mut schema.indexes, |a, b| a.name < b.name);
    Ok(schema)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn engine_with(sql: &str) -> Engine {
        let mut engine = Engine::open_in_memory().unwrap();
        for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
            engine.execute(statement, &[]).unwrap();
        }
        engine
    }

    #[test]
    fn columns_keep_their_declared_types_nullability_and_primary_key() {
        let engine = engine_with("CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR NOT NULL, email VARCHAR(120), n INTEGER DEFAULT '0', PRIMARY KEY (id))");
        let schema = table_schema(&engine, "users").unwrap();
        let shown: Vec<_> = schema.columns.iter().map(|c| (c.name.as_str(), c.declared_type.as_str(), c.nullable, c.primary_key, c.default.as_deref())).collect();
        assert_eq!(
            shown,
            [
                ("id", "INTEGER", false, 1, None),
                ("name", "VARCHAR", false, 0, None),
                ("email", "VARCHAR(120)", true, 0, None),
                ("n", "INTEGER", true, 0, Some("'0'")),
            ]
        );
    }

    #[test]
    fn foreign_keys_indexes_and_unique_constraints_are_listed_as_declared() {
        let engine = engine_with(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR, UNIQUE (email));
             CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, editor_id INTEGER, title VARCHAR,
                FOREIGN KEY (user_id) REFERENCES users (id), FOREIGN KEY (editor_id) REFERENCES users (id));
             CREATE INDEX ix_posts_title ON posts (title)",
        );
        let posts = table_schema(&engine, "posts").unwrap();
        let keys: Vec<_> = posts.foreign_keys.iter().map(|k| (k.columns.join(","), k.ref_table.as_str(), k.ref_columns.join(","))).collect();
        assert_eq!(keys, [("user_id".to_string(), "users", "id".to_string()), ("editor_id".to_string(), "users", "id".to_string())]);
        assert_eq!(posts.indexes, [SchemaIndex { name: "ix_posts_title".into(), columns: vec!["title".into()], unique: false, constraint: false }]);
        let users = table_schema(&engine, "users").unwrap();
        assert_eq!(users.indexes.len(), 1);
        assert!(users.indexes[0].unique && users.indexes[0].constraint);
        assert_eq!(users.indexes[0].columns, ["email"]);
    }

    #[test]
    fn a_missing_table_has_an_empty_shape() {
        let engine = engine_with("CREATE TABLE t (x)");
        assert_eq!(table_schema(&engine, "nope").unwrap(), TableSchema::default());
        assert_eq!(table_schema(&engine, "t").unwrap().columns[0].declared_type, "");
        let keys = engine_with("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (code VARCHAR PRIMARY KEY)");
        assert!(!table_schema(&keys, "a").unwrap().columns[0].nullable, "the rowid is never NULL");
        assert!(table_schema(&keys, "b").unwrap().columns[0].nullable, "SQLite lets a VARCHAR key be NULL");
    }
}
