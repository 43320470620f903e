//! Reading a live table back into a `Table`, as SQLAlchemy's inspector does on SQLite:
//! `PRAGMA table_info`, `foreign_key_list`, `index_list` / `index_info`, and the CHECK clauses of
//! the stored `CREATE TABLE` text. Batch mode rebuilds tables from this; autogenerate compares it.

use crate::engine::Engine;
use crate::error::Result;
use crate::schema::{Column, Constraint, ForeignKey, Index, ServerDefault, SqlType, Table};
use crate::sql::quote_always;
use crate::value::Value;

/// A pragma's text (or integer) cell as text; anything else is empty.
pub(crate) fn text(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Integer(i) => i.to_string(),
        _ => String::new(),
    }
}

/// A pragma's integer cell; anything else is 0.
pub(crate) fn int(value: &Value) -> i64 {
    match value {
        Value::Integer(i) => *i,
        _ => 0,
    }
}


/// A declared SQLite type as SQLAlchemy's SQLite dialect reflects it (`_resolve_type_affinity`):
/// a name it knows (`VARCHAR(120)` is `VARCHAR(length=120)`), else SQLite's affinity rules —
/// `INT` anywhere is an `INTEGER`, `CHAR`, `CLOB` or `TEXT` a `TEXT`, `REAL`, `FLOA` or `DOUB` a
/// `REAL`, no type at all a `NullType`, and anything else (`MONEY`) a `NUMERIC`.
pub fn type_from_declared(declared: &str) -> SqlType {
    let declared = declared.to_uppercase();
    // `([\w ]+)(\(.*?\))?`: the name, then the arguments if a parenthesis follows at once.
    let name_end = declared.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ' ')).unwrap_or(declared.len());
    let name = &declared[..name_end];
    let args = declared[name_end..].strip_prefix('(').and_then(|rest| rest.split_once(')')).map(|(inside, _)| inside);
    let numbers: Vec<u32> = args.map(|a| a.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect()).unwrap_or_default();
    let length = numbers.first().copied();
    let (inner, spelled) = match name {
        "INT" | "INTEGER" => (SqlType::Integer, "INTEGER"),
        "BIGINT" => (SqlType::BigInteger, "BIGINT"),
        "SMALLINT" => (SqlType::SmallInteger, "SMALLINT"),
        "VARCHAR" => (SqlType::String(length), "VARCHAR"),
        "NVARCHAR" => (SqlType::String(length), "NVARCHAR"),
        "CHAR" => (SqlType::String(length), "CHAR"),
        "NCHAR" => (SqlType::String(length), "NCHAR"),
        "TEXT" => (SqlType::Text, "TEXT"),
        "BOOL" | "BOOLEAN" => (SqlType::Boolean, "BOOLEAN"),
        "FLOAT" => (SqlType::Float, "FLOAT"),
        "REAL" => (SqlType::Float, "REAL"),
        "DOUBLE" => (SqlType::Double, "DOUBLE"),
        "NUMERIC" | "DECIMAL" => (
            SqlType::Numeric(match numbers.as_slice() {
                [p, s, ..] => Some((*p, *s)),
                [p] => Some((*p, 0)),
                [] => None,
            }),
            if name == "NUMERIC" { "NUMERIC" } else { "DECIMAL" },
        ),
        "DATE" | "DATE_CHAR" => (SqlType::Date, "DATE"),
        "DATETIME" | "DATETIME_CHAR" => (SqlType::DateTime, "DATETIME"),
        "TIMESTAMP" => (SqlType::DateTime, "TIMESTAMP"),
        "TIME" | "TIME_CHAR" => (SqlType::Time, "TIME"),
        "BLOB" => (SqlType::LargeBinary, "BLOB"),
        "JSON" => (SqlType::Json, "JSON"),
        _ if name.contains("INT") => (SqlType::Integer, "INTEGER"),
        _ if ["CHAR", "CLOB", "TEXT"].iter().any(|t| name.contains(t)) => (SqlType::Text, "TEXT"),
        _ if name.contains("BLOB") || name.is_empty() => return SqlType::Named("NULL".into()),
        _ if ["REAL", "FLOA", "DOUB"].iter().any(|t| name.contains(t)) => (SqlType::Float, "REAL"),
        _ => (SqlType::Numeric(None), "NUMERIC"),
    };
    SqlType::Upper(Box::new(inner), spelled)
}

/// The table's foreign keys in the order they were declared, unnamed (SQLite's pragma gives no
/// names; `reflect_table` reads them from the `CREATE TABLE` text).
pub(crate) fn foreign_keys(engine: &Engine, table: &str) -> Result<Vec<ForeignKey>> {
    // id, seq, table, from, to, on_update, on_delete, match — one row per column of each key.
    let rows = engine.inspect(&format!("PRAGMA main.foreign_key_list({})", quote_always(table)))?.rows;
    let action = |v: &Value| Some(text(v)).filter(|a| a != "NO ACTION");
    let mut by_id: Vec<(i64, ForeignKey)> = Vec::new();
    for row in &rows {
        let id = int(&row[0]);
        let at = match by_id.iter().position(|(i, _)| *i == id) {
            Some(at) => at,
            None => {
                let fk = ForeignKey {
                    name: None,
                    columns: Vec::new(),
                    ref_table: text(&row[2]),
                    ref_columns: Vec::new(),
                    ondelete: action(&row[6]),
                    onupdate: action(&row[5]),
                };
                by_id.push((id, fk));
                by_id.len() - 1
            }
        };
        by_id[at].1.columns.push(text(&row[3]));
        by_id[at].1.ref_columns.push(text(&row[4]));
    }
    // SQLite lists foreign keys last-declared first.
    crate::sorting::sort_by_key(&mut by_id, |(id, _)| std::cmp::Reverse(*id));
    Ok(by_id.into_iter().map(|(_, fk)| fk).collect())
}

/// The table's indexes with their origin: "c" made by CREATE INDEX, "u" kept for a UNIQUE
/// constraint, "pk" for the primary key.
pub(crate) fn indexes(engine: &Engine, table: &str) -> Result<Vec<(Index, String)>> {
    let mut found = Vec::new();
    // seq, name, unique, origin, partial
    for row in engine.inspect(&format!("PRAGMA main.index_list({})", quote_always(table)))?.rows {
        let name = text(&row[1]);
        let info = engine.inspect(&format!("PRAGMA main.index_info({})", quote_always(&name)))?;
        let index = Index { columns: info.rows.iter().map(|r| text(&r[2])).collect(), name, unique: int(&row[2]) == 1, auto_named: false };
        found.push((index, text(&row[3])));
    }
    Ok(found)
}

/// The table named `name` as it is in the database now, or `None` when there is no such table.
pub fn reflect_table(engine: &Engine, name: &str) -> Result<Option<Table>> {
    let info = engine.inspect(&format!("PRAGMA main.table_info({})", quote_always(name)))?;
    if info.rows.is_empty() {
        return Ok(None);
    }
    let mut table = Table::new(name, Vec::new());
    // cid, name, type, notnull, dflt_value, pk
    for row in &info.rows {
        let mut column = Column::new(text(&row[1]), type_from_declared(&text(&row[2])));
        column.nullable = int(&row[3]) == 0;
        column.primary_key = int(&row[5]) > 0;
        if !matches!(row[4], Value::Null) {
            column.server_default = Some(ServerDefault::Text(text(&row[4])));
        }
        table.columns.push(column);
    }
    let sql = engine
        .inspect(&format!("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{}'", name.replace('\'', "''")))?
        .rows
        .first()
        .map(|r| text(&r[0]))
        .unwrap_or_default();
    table.primary_key_name = primary_key_name(&sql);
    let names = foreign_key_names(&sql);
    for (i, mut fk) in foreign_keys(engine, name)?.into_iter().enumerate() {
        fk.name = names.get(i).cloned().flatten();
        table.constraints.push(Constraint::ForeignKey(fk));
    }
    // In SQLAlchemy's reflection order: foreign keys, then unique, then check constraints.
    for (constraint_name, columns) in unique_clauses(&sql) {
        table.constraints.push(Constraint::Unique { name: constraint_name, columns });
    }
    for (constraint_name, sqltext) in check_clauses(&sql) {
        table.constraints.push(Constraint::Check { name: constraint_name, sqltext });
    }
    for (index, origin) in indexes(engine, name)? {
        if origin == "c" {
            table.indexes.push(index); // "u" and "pk" indexes belong to constraints, already read above
        }
    }
    crate::sorting::sort_by(&mut table.indexes, |a, b| a.name < b.name);
    Ok(Some(table))
}

/// Splits the body of a `CREATE TABLE` into its top-level items.
fn table_items(sql: &str) -> Vec<String> {
    let Some(open) = sql.find('(') else { return Vec::new() };
    let body = &sql[open + 1..sql.rfind(')').unwrap_or(sql.len())];
    let mut items = Vec::new();
    let (mut depth, mut quote, mut current) = (0i32, None::<char>, String::new());
    for c in body.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                items.push(std::mem::take(&mut current).trim().to_string());
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        items.push(current.trim().to_string());
    }
    items
}

/// `CONSTRAINT name` at the start of a table item, and the rest.
fn constraint_name(item: &str) -> (Option<String>, &str) {
    let upper = item.to_ascii_uppercase();
    if !upper.starts_with("CONSTRAINT ") {
        return (None, item);
    }
    let rest = item[11..].trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    (Some(rest[..end].trim_matches('"').to_string()), rest[end..].trim_start())
}

fn parenthesized(text: &str) -> Option<String> {
    let start = text.find('(')?;
    let mut depth = 0;
    for (i, c) in text[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(text[start + 1..start + i].to_string());
                }
            }
            _ => {}
        }
    }
    None
}

/// Table-level `[CONSTRAINT name] CHECK (...)` clauses.
fn check_clauses(sql: &str) -> Vec<(Option<String>, String)> {
    table_items(sql)
        .iter()
        .filter_map(|item| {
            let (name, rest) = constraint_name(item);
            rest.to_ascii_uppercase().starts_with("CHECK").then(|| parenthesized(rest).map(|t| (name, t)))?
        })
        .collect()
}

/// Table-level `[CONSTRAINT name] UNIQUE (a, b)` clauses.
fn unique_clauses(sql: &str) -> Vec<(Option<String>, Vec<String>)> {
    table_items(sql)
        .iter()
        .filter_map(|item| {
            let (name, rest) = constraint_name(item);
            if !rest.to_ascii_uppercase().starts_with("UNIQUE") {
                return None;
            }
            let columns = parenthesized(rest)?.split(',').map(|c| c.trim().trim_matches('"').to_string()).collect();
            Some((name, columns))
        })
        .collect()
}

/// `CONSTRAINT name PRIMARY KEY (...)`: the primary key's name, when the table gives it one.
fn primary_key_name(sql: &str) -> Option<String> {
    table_items(sql).iter().find_map(|item| {
        let (name, rest) = constraint_name(item);
        name.filter(|_| rest.to_ascii_uppercase().starts_with("PRIMARY KEY"))
    })
}

/// The names of table-level `FOREIGN KEY` clauses, in declaration order.
fn foreign_key_names(sql: &str) -> Vec<Option<String>> {
    table_items(sql)
        .iter()
        .filter_map(|item| {
            let (name, rest) = constraint_name(item);
            rest.to_ascii_uppercase().starts_with("FOREIGN KEY").then_some(name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_table_reads_back_with_its_columns_keys_constraints_and_indexes() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine
            .exec(
                "CREATE TABLE users (id INTEGER NOT NULL, PRIMARY KEY (id)); \
                 CREATE TABLE posts (\n\tid INTEGER NOT NULL, \n\ttitle VARCHAR(80) DEFAULT 'x' NOT NULL, \n\t\
                 n NUMERIC(10, 2), \n\tuser_id INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT uq_title UNIQUE (title), \n\t\
                 CONSTRAINT ck_n CHECK (n > (0)), \n\tCONSTRAINT fk_user FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE\n); \
                 CREATE INDEX ix_posts_n ON posts (n)",
            )
            .unwrap();
        let posts = reflect_table(&engine, "posts").unwrap().unwrap();
        let title = posts.column("title").unwrap();
        assert_eq!(title.sql_type, SqlType::upper(SqlType::String(Some(80))));
        assert_eq!((title.nullable, title.server_default.clone()), (false, Some(ServerDefault::Text("'x'".into()))));
        assert_eq!(posts.column("n").unwrap().sql_type, SqlType::upper(SqlType::Numeric(Some((10, 2)))));
        assert!(posts.column("id").unwrap().primary_key);
        assert!(posts.constraints.contains(&Constraint::Check { name: Some("ck_n".into()), sqltext: "n > (0)".into() }));
        assert!(posts.constraints.contains(&Constraint::Unique { name: Some("uq_title".into()), columns: vec!["title".into()] }));
        let fk = posts.foreign_keys().next().unwrap();
        assert_eq!((fk.name.as_deref(), fk.ref_table.as_str(), fk.ondelete.as_deref()), (Some("fk_user"), "users", Some("CASCADE")));
        assert_eq!(posts.indexes, vec![Index { name: "ix_posts_n".into(), columns: vec!["n".into()], unique: false, auto_named: false }]);
        assert!(reflect_table(&engine, "nope").unwrap().is_none());
        assert_eq!(type_from_declared("WEIRD"), SqlType::Upper(Box::new(SqlType::Numeric(None)), "NUMERIC"));
        assert_eq!(type_from_declared("double precision"), SqlType::Upper(Box::new(SqlType::Float), "REAL"));
        assert_eq!(type_from_declared("VARCHAR (30)"), SqlType::Upper(Box::new(SqlType::Text), "TEXT"));
        assert_eq!(type_from_declared(""), SqlType::Named("NULL".into()));
    }
}
