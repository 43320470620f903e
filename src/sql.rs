//! DDL text exactly as SQLAlchemy's SQLite dialect writes it.
//!
//! The learner sees this text in the SQL log and in `sqlite_master`, and compares it with what their
//! own machine prints, so it must match byte for byte: tab indent, `, ` and a newline between items.

use crate::schema::{Column, Constraint, ForeignKey, Index, ServerDefault, SqlType, Table};

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

/// Words SQLAlchemy's default compiler quotes (`str(statement)` outside a dialect): its
/// `RESERVED_WORDS`, among them `user`, which SQLite's dialect leaves bare.
const DEFAULT_RESERVED_WORDS: &[&str] = &[
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "binary", "both", "case", "cast", "check", "collate", "column", "constraint",
    "create", "cross", "current_date", "current_role", "current_time", "current_timestamp",
    "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
    "false", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in",
    "initially", "inner", "intersect", "into", "is", "isnull", "join", "leading", "left", "like",
    "limit", "localtime", "localtimestamp", "natural", "new", "not", "notnull", "null", "off",
    "offset", "old", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary",
    "references", "right", "select", "session_user", "set", "similar", "some", "symmetric",
    "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "verbose",
    "when", "where",
];

/// An identifier always in double quotes, as SQLAlchemy writes it in `PRAGMA table_info("users")`
/// and as the lab's own reads of the schema need it.
pub fn quote_always(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// An identifier as SQLAlchemy writes it: bare when it is a lower-case plain word, otherwise in
/// double quotes (reserved words, upper case, spaces, a leading digit or `$`).
pub fn quote_identifier(name: &str) -> String {
    quote_identifier_for(name, false)
}

/// `quote_identifier` as the default compiler (`default_dialect`) or SQLite's dialect quotes.
pub fn quote_identifier_for(name: &str, default_dialect: bool) -> String {
    let reserved = if default_dialect { DEFAULT_RESERVED_WORDS } else { RESERVED_WORDS };
    let needs_quotes = match name.chars().next() {
        None => true,
        Some(first) => {
            first.is_ascii_digit()
                || first == '$'
                || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
                || name.chars().any(|c| c.is_ascii_uppercase())
                || reserved.binary_search(&name).is_ok()
        }
    };
    if needs_quotes {
        quote_always(name)
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
        SqlType::Double => "DOUBLE".into(),
        SqlType::Numeric(None) => "NUMERIC".into(),
        SqlType::Numeric(Some((precision, scale))) => format!("NUMERIC({precision}, {scale})"),
        SqlType::Date => "DATE".into(),
        SqlType::DateTime => "DATETIME".into(),
        SqlType::Time => "TIME".into(),
        SqlType::LargeBinary => "BLOB".into(),
        SqlType::Json => "JSON".into(),
        SqlType::Uuid(_) => "CHAR(32)".into(),
        SqlType::Enum { values, .. } => format!("VARCHAR({})", values.iter().map(|v| v.chars().count()).max().unwrap_or(0)),
        // A UUID spelled so is a UUID column on SQLite too (only `Uuid` becomes CHAR(32)).
        SqlType::Upper(inner, spelled) if matches!(**inner, SqlType::Uuid(_)) => (*spelled).to_string(),
        SqlType::Upper(inner, spelled) => {
            // The spelled name with the generic type's arguments: `CHAR(5)`, `REAL`, `DECIMAL(10, 2)`,
            // `DOUBLE PRECISION` for `DOUBLE_PRECISION`.
            let spelled = spelled.replace('_', " ");
            let ddl = type_ddl(inner);
            match ddl.strip_prefix(inner.class_names().1) {
                Some(args) => format!("{spelled}{args}"),
                None => ddl,
            }
        }
        SqlType::Named(name) => name.clone(),
    }
}

/// A string as a SQL literal: single quotes, inner quotes doubled.
pub fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `DEFAULT …` as the SQLite dialect writes it: a string literal quoted; SQL text bare when it is a
/// single word (`CURRENT_TIMESTAMP`) or already quoted / parenthesized, else in parentheses.
fn default_ddl(default: &ServerDefault) -> String {
    match default {
        ServerDefault::Literal(text) => quote_literal(text),
        ServerDefault::Text(sql) => {
            let trimmed = sql.trim_start();
            let starts_quoted = trimmed.starts_with(['\'', '"', '(']);
            let has_non_word = sql.chars().any(|c| !(c.is_alphanumeric() || c == '_'));
            if !starts_quoted && has_non_word {
                format!("({sql})")
            } else {
                sql.clone()
            }
        }
    }
}

fn column_ddl(column: &Column) -> String {
    let mut text = format!("{} {}", quote_identifier(&column.name), type_ddl(&column.sql_type));
    if let Some(default) = &column.server_default {
        text.push_str(" DEFAULT ");
        text.push_str(&default_ddl(default));
    }
    if !column.nullable {
        text.push_str(" NOT NULL");
    }
    text
}

fn column_list(columns: &[String]) -> String {
    columns.iter().map(|c| quote_identifier(c)).collect::<Vec<_>>().join(", ")
}

fn named(name: &Option<String>) -> String {
    name.as_ref().map_or_else(String::new, |n| format!("CONSTRAINT {} ", quote_identifier(n)))
}

/// A foreign key clause: `FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE`.
pub fn foreign_key_ddl(fk: &ForeignKey) -> String {
    let mut text = format!(
        "{}FOREIGN KEY({}) REFERENCES {} ({})",
        named(&fk.name),
        column_list(&fk.columns),
        quote_identifier(&fk.ref_table),
        column_list(&fk.ref_columns)
    );
    if let Some(action) = &fk.ondelete {
        text.push_str(&format!(" ON DELETE {action}"));
    }
    if let Some(action) = &fk.onupdate {
        text.push_str(&format!(" ON UPDATE {action}"));
    }
    text
}

/// A table constraint clause inside CREATE TABLE.
pub fn constraint_ddl(constraint: &Constraint) -> String {
    match constraint {
        Constraint::Unique { name, columns } => format!("{}UNIQUE ({})", named(name), column_list(columns)),
        Constraint::Check { name, sqltext } => format!("{}CHECK ({sqltext})", named(name)),
        Constraint::ForeignKey(fk) => foreign_key_ddl(fk),
    }
}

/// `CREATE TABLE …` as SQLAlchemy emits it, without the blank lines it wraps around the statement:
/// columns, then the primary key, then the other constraints in creation order.
fn is_integer(sql_type: &SqlType) -> bool {
    match sql_type {
        SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => true,
        SqlType::Upper(inner, _) => is_integer(inner),
        _ => false,
    }
}

pub fn create_table(table: &Table) -> String {
    create_table_guarded(table, false)
}

/// `CREATE TABLE [IF NOT EXISTS] …`, as `CreateTable(table, if_not_exists=…)` writes it.
pub fn create_table_guarded(table: &Table, if_not_exists: bool) -> String {
    let primary_key: Vec<String> = table.primary_key().map(|c| c.name.clone()).collect();
    // sqlite_autoincrement: a lone integer primary key without a foreign key is declared on its
    // column, `PRIMARY KEY AUTOINCREMENT`, and the table has no PRIMARY KEY clause.
    let autoincrement = table.sqlite_autoincrement
        && primary_key.len() == 1
        && table.column(&primary_key[0]).is_some_and(|c| is_integer(&c.sql_type))
        && !table.constraints.iter().any(|c| matches!(c, Constraint::ForeignKey(fk) if fk.columns.contains(&primary_key[0])));
    let mut items: Vec<String> = table
        .columns
        .iter()
        .map(|c| if autoincrement && c.name == primary_key[0] { column_ddl(c) + " PRIMARY KEY AUTOINCREMENT" } else { column_ddl(c) })
        .collect();
    if !primary_key.is_empty() && !autoincrement {
        items.push(format!("{}PRIMARY KEY ({})", named(&table.primary_key_name), column_list(&primary_key)));
    }
    items.extend(table.constraints.iter().map(constraint_ddl));
    let guard = if if_not_exists { "IF NOT EXISTS " } else { "" };
    format!("CREATE TABLE {guard}{} (\n\t{}\n)", quote_identifier(&table.name), items.join(", \n\t"))
}

/// `CREATE [UNIQUE] INDEX name ON table (columns)`.
pub fn create_index(table_name: &str, index: &Index) -> String {
    format!(
        "CREATE {}INDEX {} ON {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        quote_identifier(&index.name),
        quote_identifier(table_name),
        column_list(&index.columns)
    )
}

/// `INSERT INTO t (a, b) VALUES (?, ?)`: each column with its value's text (`?` for a
/// parameter). With no columns, SQLite's `DEFAULT VALUES`; or, for rows executed together, the
/// table's first column (`shared_by`) with NULL, so that they share one statement, as
/// SQLAlchemy's compiler writes it.
pub fn insert(table: &str, columns: &[(&str, &str)], shared_by: Option<&str>) -> String {
    let table = quote_identifier(table);
    match (columns.is_empty(), shared_by) {
        (true, Some(first)) => format!("INSERT INTO {table} ({}) VALUES (NULL)", quote_identifier(first)),
        (true, None) => format!("INSERT INTO {table} DEFAULT VALUES"),
        (false, _) => {
            let names: Vec<String> = columns.iter().map(|(name, _)| quote_identifier(name)).collect();
            let marks: Vec<&str> = columns.iter().map(|(_, mark)| *mark).collect();
            format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", "))
        }
    }
}

/// `DROP INDEX name`.
pub fn drop_index(index_name: &str) -> String {
    format!("DROP INDEX {}", quote_identifier(index_name))
}

/// `DROP TABLE …` as SQLAlchemy emits it.
pub fn drop_table(table_name: &str) -> String {
    drop_table_guarded(table_name, false)
}

/// `DROP TABLE [IF EXISTS] …`, as `DropTable(table, if_exists=…)` writes it.
pub fn drop_table_guarded(table_name: &str, if_exists: bool) -> String {
    format!("DROP TABLE {}{}", if if_exists { "IF EXISTS " } else { "" }, quote_identifier(table_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use crate::schema::user_table;

    #[test]
    fn reserved_words_are_sorted_for_binary_search() {
        assert!(RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(DEFAULT_RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
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
    fn sqlite_autoincrement_declares_a_lone_integer_key_on_its_column() {
        // SQLAlchemy 2.1's CreateTable for Table(..., sqlite_autoincrement=True).
        let mut table = user_table();
        table.sqlite_autoincrement = true;
        assert_eq!(create_table(&table), "CREATE TABLE users (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tname VARCHAR NOT NULL\n)");
        // A text key, or a key that is also a foreign key, keeps its PRIMARY KEY clause.
        let mut text_key = Table::new("t", vec![Column { primary_key: true, nullable: false, ..Column::new("code", SqlType::String(Some(3))) }]);
        text_key.sqlite_autoincrement = true;
        assert_eq!(create_table(&text_key), "CREATE TABLE t (\n\tcode VARCHAR(3) NOT NULL, \n\tPRIMARY KEY (code)\n)");
        let mut keyed = user_table();
        keyed.sqlite_autoincrement = true;
        keyed.constraints.push(Constraint::ForeignKey(fk(&["id"], "people", &["id"])));
        assert!(create_table(&keyed).contains("\tid INTEGER NOT NULL, ") && create_table(&keyed).contains("PRIMARY KEY (id)"));
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

    fn fk(columns: &[&str], table: &str, refs: &[&str]) -> ForeignKey {
        ForeignKey {
            name: None,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            ref_table: table.into(),
            ref_columns: refs.iter().map(|c| c.to_string()).collect(),
            ondelete: None,
            onupdate: None,
        }
    }

    #[test]
    fn foreign_keys_come_after_the_primary_key() {
        // Expected text printed by SQLAlchemy 2.1 for the tutorial's Post model.
        let mut posts = Table::new(
            "posts",
            vec![
                Column::new("id", SqlType::Integer).primary_key(),
                Column::new("title", SqlType::String(None)).not_null(),
                Column::new("user_id", SqlType::Integer).not_null(),
            ],
        );
        posts.constraints.push(Constraint::ForeignKey(fk(&["user_id"], "users", &["id"])));
        assert_eq!(
            create_table(&posts),
            "CREATE TABLE posts (\n\tid INTEGER NOT NULL, \n\ttitle VARCHAR NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\t\
             PRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES users (id)\n)"
        );
    }

    #[test]
    fn defaults_constraints_and_composite_keys_match_sqlalchemy() {
        // Expected text printed by SQLAlchemy 2.1 (a model with __table_args__, server defaults,
        // unique=True and ondelete), abridged to the interesting columns.
        let mut things = Table::new(
            "things",
            vec![
                Column::new("id", SqlType::Integer).primary_key(),
                Column::new("a", SqlType::String(None)),
                Column::new("b", SqlType::Integer),
                Column { server_default: Some(ServerDefault::Literal("0".into())), ..Column::new("n", SqlType::Double).not_null() },
                Column {
                    server_default: Some(ServerDefault::Text("CURRENT_TIMESTAMP".into())),
                    ..Column::new("e", SqlType::DateTime).not_null()
                },
                Column {
                    server_default: Some(ServerDefault::Text("1.5".into())),
                    ..Column::new("m", SqlType::Numeric(Some((10, 2)))).not_null()
                },
                Column {
                    server_default: Some(ServerDefault::Literal("x'y".into())),
                    ..Column::new("o", SqlType::String(Some(30))).not_null()
                },
                Column::new("k", SqlType::SmallInteger).not_null(),
                Column::new("p", SqlType::Integer).not_null(),
            ],
        );
        things.constraints = vec![
            Constraint::Unique { name: Some("uq_things_a_b".into()), columns: vec!["a".into(), "b".into()] },
            Constraint::Check { name: Some("ck_things_n".into()), sqltext: "n >= 0".into() },
            Constraint::Unique { name: None, columns: vec!["k".into()] },
            Constraint::ForeignKey(ForeignKey { ondelete: Some("CASCADE".into()), ..fk(&["p"], "users", &["id"]) }),
        ];
        assert_eq!(
            create_table(&things),
            "CREATE TABLE things (\n\tid INTEGER NOT NULL, \n\ta VARCHAR, \n\tb INTEGER, \n\tn DOUBLE DEFAULT '0' NOT NULL, \n\t\
             e DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, \n\tm NUMERIC(10, 2) DEFAULT (1.5) NOT NULL, \n\t\
             o VARCHAR(30) DEFAULT 'x''y' NOT NULL, \n\tk SMALLINT NOT NULL, \n\tp INTEGER NOT NULL, \n\t\
             PRIMARY KEY (id), \n\tCONSTRAINT uq_things_a_b UNIQUE (a, b), \n\tCONSTRAINT ck_things_n CHECK (n >= 0), \n\t\
             UNIQUE (k), \n\tFOREIGN KEY(p) REFERENCES users (id) ON DELETE CASCADE\n)"
        );
        let tags = Table::new(
            "tags",
            vec![
                Column::new("post_id", SqlType::Integer).primary_key(),
                Column::new("label", SqlType::String(Some(20))).primary_key(),
            ],
        );
        assert!(create_table(&tags).ends_with("\tPRIMARY KEY (post_id, label)\n)"));
    }

    #[test]
    fn indexes_as_sqlalchemy_writes_them() {
        let index = |unique| Index { name: "ix_users_email".into(), columns: vec!["email".into()], unique, auto_named: true };
        assert_eq!(create_index("users", &index(true)), "CREATE UNIQUE INDEX ix_users_email ON users (email)");
        assert_eq!(create_index("users", &index(false)), "CREATE INDEX ix_users_email ON users (email)");
        assert_eq!(drop_index("ix_users_email"), "DROP INDEX ix_users_email");
        assert_eq!(type_ddl(&SqlType::upper(SqlType::String(Some(5)))), "VARCHAR(5)");
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
