//! SQLAlchemy's model of a schema: `MetaData` holds `Table`s, a `Table` holds `Column`s,
//! constraints and indexes. Models read from Python, the live database and the DDL text all meet here.

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
    /// `Double`, which `Mapped[float]` maps to.
    Double,
    /// `Numeric(precision, scale)`.
    Numeric(Option<(u32, u32)>),
    Date,
    DateTime,
    Time,
    LargeBinary,
    Json,
    /// `Uuid()` (`as_uuid`: values are `uuid.UUID`, else strings): `CHAR(32)` of hex on SQLite.
    Uuid(bool),
    /// `Enum('draft', 'published', name='status')`: on SQLite a VARCHAR as long as the longest value.
    Enum { values: Vec<String>, name: Option<String> },
    /// A type the lab does not know, as the database declares it (`MONEY`); DDL repeats it.
    Named(String),
    /// The same type spelled the way the database names it (`sa.VARCHAR()`, `sa.INTEGER()`,
    /// `sa.REAL()` for a `Float`), as reflection reads types back and Alembic writes them.
    Upper(Box<SqlType>, &'static str),
}

impl SqlType {
    /// The type without its spelling: `Upper(String)` is a `String`.
    pub fn base(&self) -> &SqlType {
        match self {
            SqlType::Upper(inner, _) => inner.base(),
            other => other,
        }
    }

    /// The type under the database's usual name for it (`VARCHAR` for a `String`).
    pub fn upper(inner: SqlType) -> SqlType {
        let name = inner.class_names().1;
        SqlType::Upper(Box::new(inner), name)
    }

    /// Whether None is a value of this type rather than SQL NULL (SQLAlchemy's
    /// `should_evaluate_none`: a JSON column's None is JSON `null`), so an attribute left unset is
    /// not in an INSERT while one set to None is.
    pub fn evaluates_none(&self) -> bool {
        matches!(self.base(), SqlType::Json)
    }

    /// The class names SQLAlchemy has for this type: the generic one (`DateTime`) and the one
    /// spelled as the database names it (`DATETIME`), which Alembic writes for a type read back.
    pub fn class_names(&self) -> (&'static str, &'static str) {
        match self.base() {
            SqlType::Integer => ("Integer", "INTEGER"),
            SqlType::BigInteger => ("BigInteger", "BIGINT"),
            SqlType::SmallInteger => ("SmallInteger", "SMALLINT"),
            SqlType::String(_) => ("String", "VARCHAR"),
            SqlType::Text => ("Text", "TEXT"),
            SqlType::Boolean => ("Boolean", "BOOLEAN"),
            SqlType::Float => ("Float", "FLOAT"),
            SqlType::Double => ("Double", "DOUBLE"),
            SqlType::Numeric(_) => ("Numeric", "NUMERIC"),
            SqlType::Date => ("Date", "DATE"),
            SqlType::DateTime => ("DateTime", "DATETIME"),
            SqlType::Time => ("Time", "TIME"),
            SqlType::LargeBinary => ("LargeBinary", "BLOB"),
            SqlType::Json => ("JSON", "JSON"),
            SqlType::Uuid(_) => ("Uuid", "CHAR"),
            SqlType::Enum { .. } => ("Enum", "Enum"),
            SqlType::Named(_) | SqlType::Upper(..) => ("NullType", "NullType"),
        }
    }
}

/// A server-side default (`server_default=`): what goes after `DEFAULT` in the DDL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerDefault {
    /// `server_default="0"`: a string, quoted in the DDL.
    Literal(String),
    /// `server_default=text("1.5")` or `sa.text(...)`: SQL written as is.
    Text(String),
}

/// `ForeignKey("users.id", ondelete=...)` on a column or in a `ForeignKeyConstraint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKey {
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
}

/// A table-level constraint other than the primary key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    Unique { name: Option<String>, columns: Vec<String> },
    Check { name: Option<String>, sqltext: String },
    ForeignKey(ForeignKey),
}

impl Constraint {
    pub fn name(&self) -> Option<&str> {
        match self {
            Constraint::Unique { name, .. } | Constraint::Check { name, .. } => name.as_deref(),
            Constraint::ForeignKey(fk) => fk.name.as_deref(),
        }
    }
}

/// `Index(name, *columns, unique=...)`; `auto_named` when SQLAlchemy named it (`index=True` on a
/// column gives `ix_<table>_<column>`), which Alembic writes as `op.f('ix_…')`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
    pub auto_named: bool,
}

/// One column of a table, with the flags that change its DDL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub sql_type: SqlType,
    pub primary_key: bool,
    pub nullable: bool,
    pub server_default: Option<ServerDefault>,
}

impl Column {
    /// A nullable column, as `Column(name, type)` is in SQLAlchemy.
    pub fn new(name: impl Into<String>, sql_type: SqlType) -> Self {
        Column { name: name.into(), sql_type, primary_key: false, nullable: true, server_default: None }
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

/// A table: columns in declaration order, constraints in the order SQLAlchemy creates them
/// (those of `__table_args__` first, then those of columns), and indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    /// `PrimaryKeyConstraint(..., name=...)`; `None` for the usual unnamed primary key.
    pub primary_key_name: Option<String>,
    pub columns: Vec<Column>,
    pub constraints: Vec<Constraint>,
    pub indexes: Vec<Index>,
    /// `sqlite_autoincrement=True`: an integer primary key column is `PRIMARY KEY AUTOINCREMENT`.
    pub sqlite_autoincrement: bool,
    /// The names its MetaData's naming convention gave (autogenerate writes them as `op.f(...)`).
    pub conventional_names: Vec<String>,
}

impl Table {
    pub fn new(name: impl Into<String>, columns: Vec<Column>) -> Self {
        Table {
            name: name.into(),
            primary_key_name: None,
            columns,
            constraints: Vec::new(),
            indexes: Vec::new(),
            sqlite_autoincrement: false,
            conventional_names: Vec::new(),
        }
    }

    /// Whether `name` came from the MetaData's naming convention.
    pub fn named_by_convention(&self, name: &str) -> bool {
        self.conventional_names.iter().any(|n| n == name)
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The primary key's columns, in declaration order (SQLAlchemy's `PrimaryKeyConstraint`).
    pub fn primary_key(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.primary_key)
    }

    /// The foreign keys of this table.
    pub fn foreign_keys(&self) -> impl Iterator<Item = &ForeignKey> {
        self.constraints.iter().filter_map(|c| match c {
            Constraint::ForeignKey(fk) => Some(fk),
            _ => None,
        })
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

    /// `MetaData.sorted_tables`: sorted by name, then in dependency layers.
    pub fn sorted_tables(&self) -> Vec<&Table> {
        let mut todo: Vec<&Table> = self.tables.iter().collect();
        crate::sorting::sort_by(&mut todo, |a, b| a.name < b.name);
        dependency_layers(todo)
    }
}

/// `tables` in layers, each table after the tables its foreign keys point to, keeping the given
/// order within a layer (SQLAlchemy's topological sort); tables in a cycle keep it at the end.
/// `create_all` sorts the tables in the metadata's own order (`MetaData.tables`).
pub fn dependency_layers(mut todo: Vec<&Table>) -> Vec<&Table> {
    let mut sorted = Vec::with_capacity(todo.len());
    while !todo.is_empty() {
        let pending: Vec<&str> = todo.iter().map(|t| t.name.as_str()).collect();
        let ready: Vec<&Table> = todo
            .iter()
            .copied()
            .filter(|t| t.foreign_keys().all(|fk| fk.ref_table == t.name || !pending.contains(&fk.ref_table.as_str())))
            .collect();
        if ready.is_empty() {
            sorted.append(&mut todo);
            break;
        }
        todo.retain(|t| !ready.iter().any(|r| r.name == t.name));
        sorted.extend(ready);
    }
    sorted
}

/// The tutorial's `users` table (`id` INTEGER primary key, `name` VARCHAR NOT NULL), as its
/// `User` model declares it: what tests of DDL, operations and rendering start from.
pub fn user_table() -> Table {
    Table::new("users", vec![Column::new("id", SqlType::Integer).primary_key(), Column::new("name", SqlType::String(None)).not_null()])
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

    fn referencing(name: &str, targets: &[&str]) -> Table {
        let mut table = Table::new(name, vec![Column::new("id", SqlType::Integer).primary_key()]);
        for target in targets {
            table.constraints.push(Constraint::ForeignKey(ForeignKey {
                name: None,
                columns: vec!["id".into()],
                ref_table: target.to_string(),
                ref_columns: vec!["id".into()],
                ondelete: None,
                onupdate: None,
            }));
        }
        table
    }

    #[test]
    fn sorted_tables_puts_referenced_tables_first_in_layers_by_name() {
        // As SQLAlchemy sorts the tutorial's tables: users, then posts and things, then tags.
        let meta = MetaData::new(vec![
            referencing("tags", &["posts"]),
            referencing("things", &["users"]),
            referencing("users", &[]),
            referencing("posts", &["users"]),
        ]);
        let names: Vec<&str> = meta.sorted_tables().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["users", "posts", "things", "tags"]);
        let cyclic = MetaData::new(vec![referencing("b", &["a"]), referencing("a", &["b", "a"])]);
        assert_eq!(cyclic.sorted_tables().len(), 2);
    }
}
