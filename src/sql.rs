//! DDL text exactly as SQLAlchemy's SQLite dialect writes it.
//!
//! The learner sees this text in the SQL log and in `sqlite_master`, and compares it with what their
//! own machine prints, so it must match byte for byte: tab indent, `, ` and a newline between items.

use crate::schema::{Column, SqlType, Table};

/// Words SQLAlchemy's SQLite dialect always quotes (its `reserved_words`).
const RESERVED_WORDS: &[&str] = &[
    "add", "after", "all", "alter", "analyze", "and", "as", "asc", "attach", "autoincrement",
    "before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate", "column",
    "commit", "conflict", "constraint", "create", "cross", "current_date", "current_time",
    "current_timestamp", "database", "default", "deferrable", "deferred", "delete", "desc",
    "detach", "distinct", "drop", "each", "else", "end", "escape", "except", "exclusive", "exists",
    "explain", "fail", "false", "for", "foreign", "from", "full", "glob", "group", "having", "if",
    "ignore", "immediate", "in", "index", "indexed", "initially", "inner", "insert", "instead",
    "intersect", "into", "is", "isnull", "join", "key", "left", "like", "limit", "match", "natural",
    "not", "notnull", "null", "of", "offset", "on", "or", "order", "outer", "plan", "pragma",
    "primary", "query", "raise", "references", "reindex", "rename", "replace", "restrict", "right",
    "rollback", "row", "select", "set", "table", "temp", "temporary", "then", "to", "transaction",
    "trigger", "true", "union", "unique", "update", "using", "vacuum", "values", "view", "virtual",
    "when", "where",
];

/// An identifier as SQLAlchemy writes it: bare when it is a lower-case plain word, otherwise in
/// double quotes (reserved words, upper case, spaces, a leading digit or `$`).
pub fn quote_identifier(name: &str) -> String {
    let needs_quotes = match name.chars().next() {
        None => true,
        Some(first) => {
            first.is_ascii_digit()
                || first == '$'
                || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
                || name.chars().any(|c| c.is_ascii_uppercase())
                || RESERVED_WORDS.binary_search(&name).is_ok()
        }
    };
    if needs_quotes {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}

/// The type as the SQLite dialect compiles it (`VARCHAR(120)`, `NUMERIC(10, 2)` …).
pub fn type_ddl(sql_type: &SqlType) -> String {
    match sql_type {
        SqlType::Integer => "INTEGER".into(),
        SqlType::BigInteger => "BIGINT".into(),
        SqlType::SmallInteger => "SMALLINT".into(),
        SqlType::String(None) => "VARCHAR".into(),
        SqlType::String(Some(length)) => format!("VARCHAR({length})"),
        SqlType::Text => "TEXT".into(),
        SqlType::Boolean => "BOOLEAN".into(),
        SqlType::Float => "FLOAT".into(),
        SqlType::Numeric(None) => "NUMERIC".into(),
        SqlType::Numeric(Some((precision, scale))) => format!("NUMERIC({precision}, {scale})"),
        SqlType::Date => "DATE".into(),
        SqlType::DateTime => "DATETIME".into(),
        SqlType::Time => "TIME".into(),
        SqlType::LargeBinary => "BLOB".into(),
        SqlType::Json => "JSON".into(),
    }
}

fn column_ddl(column: &Column) -> String {
    let mut text = format!("{} {}", quote_identifier(&column.name), type_ddl(&column.sql_type));
    if !column.nullable {
        text.push_str(" NOT NULL");
    }
    text
}

/// `CREATE TABLE …` as SQLAlchemy emits it, without the blank lines it wraps around the statement.
pub fn create_table(table: &Table) -> String {
    let mut items: Vec<String> = table.columns.iter().map(column_ddl).collect();
    let primary_key: Vec<String> = table.primary_key().map(|c| quote_identifier(&c.name)).collect();
    if !primary_key.is_empty() {
        items.push(format!("PRIMARY KEY ({})", primary_key.join(", ")));
    }
    format!("CREATE TABLE {} (\n\t{}\n)", quote_identifier(&table.name), items.join(", \n\t"))
}

/// `DROP TABLE …` as SQLAlchemy emits it.
pub fn drop_table(table_name: &str) -> String {
    format!("DROP TABLE {}", quote_identifier(table_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use crate::models::user_table;

    #[test]
    fn reserved_words_are_sorted_for_binary_search() {
        assert!(RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_seed_users_table_matches_sqlalchemy_byte_for_byte() {
        assert_eq!(
            create_table(&user_table()),
            "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)"
        );
        assert_eq!(drop_table("users"), "DROP TABLE users");
    }

    #[test]
    fn every_type_compiles_as_the_sqlite_dialect_does() {
        // Expected text printed by SQLAlchemy 2.1's CreateTable on the SQLite dialect.
        let types = [
            SqlType::Integer,
            SqlType::BigInteger,
            SqlType::SmallInteger,
            SqlType::String(None),
            SqlType::String(Some(12)),
            SqlType::Text,
            SqlType::Boolean,
            SqlType::Float,
            SqlType::Numeric(None),
            SqlType::Numeric(Some((10, 2))),
            SqlType::Date,
            SqlType::DateTime,
            SqlType::Time,
            SqlType::LargeBinary,
            SqlType::Json,
        ];
        let columns = types.iter().enumerate().map(|(i, t)| Column::new(format!("c{i}"), t.clone()));
        let table = Table::new("t", columns.collect());
        assert_eq!(
            create_table(&table),
            "CREATE TABLE t (\n\tc0 INTEGER, \n\tc1 BIGINT, \n\tc2 SMALLINT, \n\tc3 VARCHAR, \n\t\
             c4 VARCHAR(12), \n\tc5 TEXT, \n\tc6 BOOLEAN, \n\tc7 FLOAT, \n\tc8 NUMERIC, \n\t\
             c9 NUMERIC(10, 2), \n\tc10 DATE, \n\tc11 DATETIME, \n\tc12 TIME, \n\tc13 BLOB, \n\tc14 JSON\n)"
        );
    }

    #[test]
    fn identifiers_are_quoted_where_sqlalchemy_quotes_them() {
        let table = Table::new(
            "order",
            vec![
                Column::new("id", SqlType::Integer).primary_key(),
                Column::new("User Name", SqlType::String(None)),
                Column::new("group", SqlType::Integer),
                Column::new("Mixed", SqlType::Integer),
            ],
        );
        assert_eq!(
            create_table(&table),
            "CREATE TABLE \"order\" (\n\tid INTEGER NOT NULL, \n\t\"User Name\" VARCHAR, \n\t\
             \"group\" INTEGER, \n\t\"Mixed\" INTEGER, \n\tPRIMARY KEY (id)\n)"
        );
        assert_eq!(drop_table("order"), "DROP TABLE \"order\"");
        assert_eq!(quote_identifier("_private"), "_private");
        assert_eq!(quote_identifier("1st"), "\"1st\"");
        assert_eq!(quote_identifier("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote_identifier(""), "\"\"");
    }
}
