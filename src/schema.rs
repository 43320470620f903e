//! SQLAlchemy's model of a schema: `MetaData` holds `Table`s, a `Table` holds `Column`s and
//! constraints. Models read from Python, the live database and the DDL text all meet here.

/// A column type, named as SQLAlchemy names it (`sa.Integer()`, `sa.String(length=120)` …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlType {
    Integer,
    BigInteger,
    SmallInteger,
    /// `String(n)`; `None` is a plain `String` (VARCHAR without a length).
    String(Option<u32>),
    Text,
    Boolean,
    Float,
    /// `Numeric(precision, scale)`.
    Numeric(Option<(u32, u32)>),
    Date,
    DateTime,
    Time,
    LargeBinary,
    Json,
}

/// One column of a table, with the flags that change its DDL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub sql_type: SqlType,
    pub primary_key: bool,
    pub nullable: bool,
}

impl Column {
    /// A nullable column, as `Column(name, type)` is in SQLAlchemy.
    pub fn new(name: impl Into<String>, sql_type: SqlType) -> Self {
        Column { name: name.into(), sql_type, primary_key: false, nullable: true }
    }

    /// Part of the primary key; a primary key column is never NULL.
    pub fn primary_key(mut self) -> Self {
        self.primary_key = true;
        self.nullable = false;
        self
    }

    pub fn not_null(mut self) -> Self {
        self.nullable = false;
        self
    }
}

/// A table: its columns in declaration order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
}

impl Table {
    pub fn new(name: impl Into<String>, columns: Vec<Column>) -> Self {
        Table { name: name.into(), columns }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The primary key's columns, in declaration order (SQLAlchemy's `PrimaryKeyConstraint`).
    pub fn primary_key(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.primary_key)
    }
}

/// A collection of tables, in the order they were declared (`Base.metadata`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaData {
    pub tables: Vec<Table>,
}

impl MetaData {
    pub fn new(tables: Vec<Table>) -> Self {
        MetaData { tables }
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn primary_key_columns_are_never_null() {
        let id = Column::new("id", SqlType::Integer).primary_key();
        assert!(id.primary_key);
        assert!(!id.nullable);
    }

    #[test]
    fn columns_are_nullable_unless_told_otherwise() {
        assert!(Column::new("bio", SqlType::Text).nullable);
        assert!(!Column::new("name", SqlType::String(None)).not_null().nullable);
    }

    #[test]
    fn lookups_find_tables_and_columns_by_name() {
        let meta = MetaData::new(vec![Table::new(
            "users",
            vec![Column::new("id", SqlType::Integer).primary_key(), Column::new("name", SqlType::Text)],
        )]);
        let users = meta.table("users").unwrap();
        assert_eq!(users.column("name").unwrap().sql_type, SqlType::Text);
        assert!(meta.table("posts").is_none());
        assert_eq!(users.primary_key().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["id"]);
    }
}
