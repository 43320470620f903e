//! The learner's model files → `MetaData` and mapped classes, by reading the Python the way
//! SQLAlchemy's declarative mapping would evaluate it: `class User(Base)` with `__tablename__`,
//! `Mapped[...]` annotations, `mapped_column(...)`, `__table_args__` and `__repr__`.
//!
//! Names must be imported or defined as Python requires (`NameError` otherwise), and SQLAlchemy's
//! rules decide nullability and types: `Mapped[str]` is NOT NULL, `Mapped[str | None]` nullable,
//! a primary key never null, an explicit `nullable=` wins; a missing type comes from the annotation.

use std::collections::HashSet;

use crate::error::{Error, ErrorKind, Result};
use crate::python::{parse_module, Constant, Expr, ExprKind, FStringPart, Keyword, StmtKind};
use crate::schema::{Column, Constraint, ForeignKey, Index, MetaData, ServerDefault, SqlType, Table};
use crate::value::Value;

/// One piece of a `__repr__` f-string: literal text or a `{self.field}` (`{self.field!r}`) part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReprPart {
    Text(String),
    Field(String),
    /// `{self.field!r}`: Python's `repr()` of the value.
    FieldRepr(String),
}

/// A class mapped to a table, like `class User(Base)` with `__tablename__ = "users"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedClass {
    pub class_name: String,
    /// The module it is defined in (`src.models.user`), for Python's default repr.
    pub module: String,
    pub table: Table,
    /// The `__repr__` f-string; `None` falls back to Python's default `<module.Class object>` form.
    pub repr: Option<Vec<ReprPart>>,
}

impl MappedClass {
    /// What `print(obj)` shows: the learner's `__repr__`, with values formatted as `str()` would.
    pub fn repr(&self, fields: &[(String, Value)]) -> String {
        let Some(parts) = &self.repr else {
            return format!("<{}.{} object>", self.module, self.class_name);
        };
        let value = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or(Value::Null);
        let mut out = String::new();
        for part in parts {
            match part {
                ReprPart::Text(text) => out.push_str(text),
                ReprPart::Field(name) => out.push_str(&value(name).python_str()),
                ReprPart::FieldRepr(name) => out.push_str(&value(name).python_repr()),
            }
        }
        out
    }
}

/// What a set of model files declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Models {
    pub metadata: MetaData,
    pub classes: Vec<MappedClass>,
}

impl Models {
    pub fn class(&self, name: &str) -> Option<&MappedClass> {
        self.classes.iter().find(|c| c.class_name == name)
    }
}

/// The seed's `users` table: `id` Integer primary key, `name` String, `Mapped[str]` so NOT NULL.
pub fn user_table() -> Table {
    Table::new(
        "users",
        vec![Column::new("id", SqlType::Integer).primary_key(), Column::new("name", SqlType::String(None)).not_null()],
    )
}

/// The seed's `User` class with `__repr__` returning `f"<User(name={self.name})>"`.
pub fn seed_user() -> MappedClass {
    MappedClass {
        class_name: "User".into(),
        module: "src.models.user".into(),
        table: user_table(),
        repr: Some(vec![ReprPart::Text("<User(name=".into()), ReprPart::Field("name".into()), ReprPart::Text(")>".into())]),
    }
}

/// Reads model files (`(path, source)` pairs, in import order) into `MetaData` and classes.
pub fn read_models(files: &[(&str, &str)]) -> Result<Models> {
    let mut parsed = Vec::new();
    for (path, source) in files {
        let module = parse_module(source).map_err(|e| in_file(path, e))?;
        parsed.push((*path, module));
    }
    // Declarative bases first, wherever they are: `class Base(DeclarativeBase)`.
    let mut bases: HashSet<String> = HashSet::new();
    for (_, module) in &parsed {
        for stmt in &module.body {
            if let StmtKind::ClassDef { name, bases: parents, .. } = &stmt.kind {
                if parents.iter().any(|b| last_name(b) == Some("DeclarativeBase")) {
                    bases.insert(name.clone());
                }
            }
        }
    }
    let mut models = Models::default();
    for (path, module) in &parsed {
        let scope = Scope::of(&module.body);
        for stmt in &module.body {
            let StmtKind::ClassDef { name, bases: parents, body, .. } = &stmt.kind else { continue };
            if !parents.iter().any(|b| last_name(b).is_some_and(|n| bases.contains(n))) {
                continue;
            }
            for parent in parents {
                scope.check(parent).map_err(|e| in_file(path, e))?;
            }
            let class = read_class(name, body, &scope, stmt.line).map_err(|e| in_file(path, e))?;
            let Some(mut class) = class else { continue }; // abstract / mixin: no __tablename__
            class.module = module_name(path);
            if models.metadata.table(&class.table.name).is_some() {
                return Err(in_file(
                    path,
                    Error::new(
                        ErrorKind::ArgumentError,
                        format!(
                            "line {}: Table '{}' is already defined for this MetaData instance.",
                            stmt.line, class.table.name
                        ),
                    ),
                ));
            }
            models.metadata.tables.push(class.table.clone());
            models.classes.push(class);
        }
    }
    check_foreign_keys(&models.metadata)?;
    Ok(models)
}

/// `src/models/user.py` → `src.models.user`.
fn module_name(path: &str) -> String {
    path.trim_end_matches(".py").replace('/', ".")
}

fn in_file(path: &str, err: Error) -> Error {
    Error::new(err.kind(), format!("{path}, {}", err.message()))
}

fn last_name(expr: &Expr) -> Option<&str> {
    match &expr.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attribute { attr, .. } => Some(attr),
        _ => None,
    }
}

fn at(expr: &Expr, kind: ErrorKind, message: impl AsRef<str>) -> Error {
    Error::new(kind, format!("line {}: {}", expr.line, message.as_ref()))
}

/// The names a file can use: what it imports and defines, plus Python's builtins.
struct Scope {
    names: HashSet<String>,
}

const BUILTINS: &[&str] =
    &["int", "str", "bool", "float", "bytes", "dict", "list", "None", "True", "False", "self", "object", "len"];

impl Scope {
    fn of(body: &[crate::python::Stmt]) -> Scope {
        let mut names: HashSet<String> = BUILTINS.iter().map(|s| s.to_string()).collect();
        for stmt in body {
            match &stmt.kind {
                StmtKind::Import(items) => {
                    for (module, alias) in items {
                        let root = module.split('.').next().unwrap_or(module);
                        names.insert(alias.clone().unwrap_or_else(|| root.to_string()));
                    }
                }
                StmtKind::FromImport { names: items, .. } => {
                    for (name, alias) in items {
                        names.insert(alias.clone().unwrap_or_else(|| name.clone()));
                    }
                }
                StmtKind::ClassDef { name, .. } | StmtKind::FunctionDef { name, .. } => {
                    names.insert(name.clone());
                }
                StmtKind::Assign { targets, .. } => {
                    for target in targets {
                        if let ExprKind::Name(n) = &target.kind {
                            names.insert(n.clone());
                        }
                    }
                }
                _ => {}
            }
        }
        Scope { names }
    }

    /// Every name the expression reads must exist, as Python would insist.
    fn check(&self, expr: &Expr) -> Result<()> {
        match &expr.kind {
            ExprKind::Name(n) if !self.names.contains(n) => {
                Err(at(expr, ErrorKind::NameError, format!("name '{n}' is not defined")))
            }
            ExprKind::Attribute { value, .. } => self.check(value),
            ExprKind::Subscript { value, index } => {
                self.check(value)?;
                self.check(index)
            }
            ExprKind::Call { func, args, keywords } => {
                self.check(func)?;
                args.iter().try_for_each(|a| self.check(a))?;
                keywords.iter().try_for_each(|k| self.check(&k.value))
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(|i| self.check(i)),
            ExprKind::BinOp { left, right, .. } => {
                self.check(left)?;
                self.check(right)
            }
            _ => Ok(()),
        }
    }
}

/// A column as declared in the class body, before `__table_args__` and naming are applied.
struct Declared {
    column: Column,
    unique: bool,
    index: bool,
    foreign_key: Option<ForeignKey>,
}

fn read_class(name: &str, body: &[crate::python::Stmt], scope: &Scope, line: u32) -> Result<Option<MappedClass>> {
    let mut table_name = None;
    let mut table_args = None;
    let mut declared: Vec<Declared> = Vec::new();
    let mut repr = None;
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, value } if targets.len() == 1 => {
                let ExprKind::Name(target) = &targets[0].kind else { continue };
                match target.as_str() {
                    "__tablename__" => {
                        let text = value.as_str().ok_or_else(|| at(value, ErrorKind::ArgumentError, "__tablename__ must be a string"))?;
                        table_name = Some(text.to_string());
                    }
                    "__table_args__" => table_args = Some(value),
                    _ => {
                        if is_call_to(value, &["Column", "mapped_column"]) {
                            scope.check(value)?;
                            declared.push(read_column(target, None, value)?);
                        }
                    }
                }
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                let ExprKind::Name(attr) = &target.kind else { continue };
                scope.check(annotation)?;
                if let Some(value) = value {
                    scope.check(value)?;
                }
                if last_name(annotation_root(annotation)) != Some("Mapped") {
                    continue; // a plain annotation is not a column
                }
                declared.push(read_column(attr, Some(annotation), value.as_ref().unwrap_or(annotation))?);
            }
            StmtKind::FunctionDef { name: method, body, .. } if method == "__repr__" => {
                repr = read_repr(body);
            }
            _ => {}
        }
    }
    let Some(table_name) = table_name else { return Ok(None) };
    let mut table = Table::new(table_name.clone(), Vec::new());
    let mut column_constraints = Vec::new();
    for d in declared {
        if d.index {
            table.indexes.push(Index {
                name: format!("ix_{table_name}_{}", d.column.name),
                columns: vec![d.column.name.clone()],
                unique: d.unique,
                auto_named: true,
            });
        } else if d.unique {
            column_constraints.push(Constraint::Unique { name: None, columns: vec![d.column.name.clone()] });
        }
        if let Some(fk) = d.foreign_key {
            column_constraints.push(Constraint::ForeignKey(fk));
        }
        table.columns.push(d.column);
    }
    if let Some(args) = table_args {
        scope.check(args)?;
        read_table_args(args, &mut table)?;
    }
    table.constraints.extend(column_constraints);
    crate::sorting::sort_by(&mut table.indexes, |a, b| a.name < b.name);
    if table.primary_key().next().is_none() {
        return Err(Error::new(
            ErrorKind::ArgumentError,
            format!(
                "line {line}: Mapper Mapper[{name}({table_name})] could not assemble any primary key columns for mapped table '{table_name}'"
            ),
        ));
    }
    Ok(Some(MappedClass { class_name: name.to_string(), module: String::new(), table, repr }))
}

fn annotation_root(annotation: &Expr) -> &Expr {
    match &annotation.kind {
        ExprKind::Subscript { value, .. } => value,
        _ => annotation,
    }
}

fn is_call_to(expr: &Expr, names: &[&str]) -> bool {
    matches!(&expr.kind, ExprKind::Call { func, .. } if last_name(func).is_some_and(|n| names.contains(&n)))
}

/// `Mapped[X]` → (X, nullable from `Optional[X]` / `X | None` / `Union[X, None]`).
fn unwrap_mapped(annotation: &Expr) -> (&Expr, bool) {
    let inner = match &annotation.kind {
        ExprKind::Subscript { index, .. } => index.as_ref(),
        _ => annotation,
    };
    unwrap_optional(inner)
}

fn unwrap_optional(expr: &Expr) -> (&Expr, bool) {
    let is_none = |e: &Expr| matches!(e.kind, ExprKind::Constant(Constant::None));
    match &expr.kind {
        ExprKind::Subscript { value, index } if last_name(value) == Some("Optional") => (index, true),
        ExprKind::Subscript { value, index } if last_name(value) == Some("Union") => match &index.kind {
            ExprKind::Tuple(items) => {
                let rest: Vec<&Expr> = items.iter().filter(|e| !is_none(e)).collect();
                match rest.as_slice() {
                    [one] if rest.len() < items.len() => (one, true),
                    _ => (expr, false),
                }
            }
            _ => (index, false),
        },
        ExprKind::BinOp { left, op: "|", right } if is_none(right) => (left, true),
        ExprKind::BinOp { left, op: "|", right } if is_none(left) => (right, true),
        _ => (expr, false),
    }
}

/// The SQLAlchemy type for a Python annotation (`int` → Integer, `str` → String …).
fn type_for_annotation(expr: &Expr) -> Option<SqlType> {
    let name = expr.dotted_name()?;
    Some(match name.as_str() {
        "int" => SqlType::Integer,
        "str" => SqlType::String(None),
        "bool" => SqlType::Boolean,
        "float" => SqlType::Double,
        "bytes" => SqlType::LargeBinary,
        "datetime" | "datetime.datetime" => SqlType::DateTime,
        "date" | "datetime.date" => SqlType::Date,
        "time" | "datetime.time" => SqlType::Time,
        "Decimal" | "decimal.Decimal" => SqlType::Numeric(None),
        _ => return None,
    })
}

fn number(expr: &Expr) -> Option<u32> {
    match &expr.kind {
        ExprKind::Constant(Constant::Number(text)) => text.replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A type expression (`Integer`, `sa.String(length=120)`, `Numeric(10, 2)`, `sa.VARCHAR()`),
/// or `None` when the expression is not a type at all.
pub fn read_type(expr: &Expr) -> Result<Option<SqlType>> {
    let (func, args, keywords): (&Expr, &[Expr], &[Keyword]) = match &expr.kind {
        ExprKind::Call { func, args, keywords } => (func, args, keywords),
        _ => (expr, &[], &[]),
    };
    let Some(name) = last_name(func) else { return Ok(None) };
    let arg = |i: usize, key: &str| args.get(i).or_else(|| Keyword::find(keywords, key));
    let length = || arg(0, "length").and_then(number);
    let numeric = || match (arg(0, "precision").and_then(number), arg(1, "scale").and_then(number)) {
        (Some(p), Some(s)) => Some((p, s)),
        (Some(p), None) => Some((p, 0)),
        _ => None,
    };
    let upper = |t: SqlType| SqlType::Upper(Box::new(t));
    Ok(Some(match name {
        "Integer" => SqlType::Integer,
        "BigInteger" => SqlType::BigInteger,
        "SmallInteger" => SqlType::SmallInteger,
        "String" | "Unicode" => SqlType::String(length()),
        "Text" | "UnicodeText" => SqlType::Text,
        "Boolean" => SqlType::Boolean,
        "Float" => SqlType::Float,
        "Double" => SqlType::Double,
        "Numeric" => SqlType::Numeric(numeric()),
        "Date" => SqlType::Date,
        "DateTime" => SqlType::DateTime,
        "Time" => SqlType::Time,
        "LargeBinary" => SqlType::LargeBinary,
        "JSON" => SqlType::Json,
        "INTEGER" => upper(SqlType::Integer),
        "BIGINT" => upper(SqlType::BigInteger),
        "SMALLINT" => upper(SqlType::SmallInteger),
        "VARCHAR" => upper(SqlType::String(length())),
        "TEXT" => upper(SqlType::Text),
        "BOOLEAN" => upper(SqlType::Boolean),
        "FLOAT" => upper(SqlType::Float),
        "DOUBLE" => upper(SqlType::Double),
        "NUMERIC" => upper(SqlType::Numeric(numeric())),
        "DATE" => upper(SqlType::Date),
        "DATETIME" => upper(SqlType::DateTime),
        "TIME" => upper(SqlType::Time),
        "BLOB" => upper(SqlType::LargeBinary),
        _ => return Ok(None),
    }))
}

/// `ForeignKey("users.id", ondelete=...)` for the column `column`.
fn read_foreign_key(column: &str, call: &Expr) -> Result<ForeignKey> {
    let ExprKind::Call { args, keywords, .. } = &call.kind else {
        return Err(at(call, ErrorKind::ArgumentError, "ForeignKey must be called"));
    };
    let target = args.first().and_then(Expr::as_str).ok_or_else(|| {
        at(call, ErrorKind::ArgumentError, "ForeignKey needs its target as a string, like ForeignKey(\"users.id\")")
    })?;
    let Some((table, col)) = target.rsplit_once('.') else {
        return Err(at(call, ErrorKind::ArgumentError, format!("ForeignKey target '{target}' must be 'table.column'")));
    };
    Ok(ForeignKey {
        name: Keyword::find(keywords, "name").and_then(Expr::as_str).map(String::from),
        columns: vec![column.to_string()],
        ref_table: table.to_string(),
        ref_columns: vec![col.to_string()],
        ondelete: Keyword::find(keywords, "ondelete").and_then(Expr::as_str).map(String::from),
        onupdate: Keyword::find(keywords, "onupdate").and_then(Expr::as_str).map(String::from),
    })
}

fn flag(keywords: &[Keyword], name: &str) -> Option<bool> {
    match Keyword::find(keywords, name).map(|e| &e.kind) {
        Some(ExprKind::Constant(Constant::True)) => Some(true),
        Some(ExprKind::Constant(Constant::False)) => Some(false),
        _ => None,
    }
}

/// `server_default="0"`, `server_default=text("1.5")`, `server_default=func.now()`.
fn read_server_default(expr: &Expr) -> Result<ServerDefault> {
    if let Some(text) = expr.as_str() {
        return Ok(ServerDefault::Literal(text.to_string()));
    }
    if let ExprKind::Call { func, args, .. } = &expr.kind {
        match func.dotted_name().as_deref() {
            Some("text" | "sa.text" | "sqlalchemy.text") => {
                if let Some(sql) = args.first().and_then(Expr::as_str) {
                    return Ok(ServerDefault::Text(sql.to_string()));
                }
            }
            Some("func.now" | "sa.func.now" | "func.current_timestamp" | "sa.func.current_timestamp") => {
                return Ok(ServerDefault::Text("CURRENT_TIMESTAMP".into()));
            }
            _ => {}
        }
    }
    Err(at(expr, ErrorKind::ArgumentError, "server_default must be a string, text(\"...\") or func.now() here"))
}

/// One column from `name: Mapped[...] = mapped_column(...)` or `name = Column(...)`.
fn read_column(attr: &str, annotation: Option<&Expr>, value: &Expr) -> Result<Declared> {
    let (args, keywords): (&[Expr], &[Keyword]) = match &value.kind {
        ExprKind::Call { func, args, keywords } if is_call_to(value, &["mapped_column", "Column"]) => {
            let _ = func;
            (args, keywords)
        }
        _ => (&[], &[]),
    };
    let mut name = attr.to_string();
    let mut sql_type = None;
    let mut foreign_key = None;
    for (i, arg) in args.iter().enumerate() {
        if i == 0 {
            if let Some(text) = arg.as_str() {
                name = text.to_string();
                continue;
            }
        }
        if is_call_to(arg, &["ForeignKey"]) {
            foreign_key = Some(read_foreign_key(&name, arg)?);
        } else if let Some(t) = read_type(arg)? {
            sql_type = Some(t);
        } else {
            return Err(at(arg, ErrorKind::ArgumentError, format!("'{attr}': expected a column type or ForeignKey here")));
        }
    }
    let (inner, optional) = annotation.map_or((None, false), |a| {
        let (inner, optional) = unwrap_mapped(a);
        (Some(inner), optional)
    });
    let sql_type = match (sql_type, inner) {
        (Some(t), _) => t,
        (None, Some(inner)) => type_for_annotation(inner).ok_or_else(|| {
            at(
                inner,
                ErrorKind::MappedAnnotationError,
                format!(
                    "Could not locate SQLAlchemy Core type when resolving for Python type indicated by '<class '{}'>' \
                     inside the Mapped[] annotation for the '{attr}' attribute; the type object is not resolvable by the registry",
                    inner.dotted_name().unwrap_or_else(|| "object".into())
                ),
            )
        })?,
        (None, None) => {
            return Err(at(value, ErrorKind::ArgumentError, format!("'{attr}': a column needs a type, like Column(String)")))
        }
    };
    let primary_key = flag(keywords, "primary_key").unwrap_or(false);
    let nullable = match flag(keywords, "nullable") {
        Some(explicit) => explicit,
        None if primary_key => false,
        None if annotation.is_some() => optional,
        None => true,
    };
    let server_default = Keyword::find(keywords, "server_default").map(read_server_default).transpose()?;
    Ok(Declared {
        column: Column { name, sql_type, primary_key, nullable, server_default },
        unique: flag(keywords, "unique").unwrap_or(false),
        index: flag(keywords, "index").unwrap_or(false),
        foreign_key,
    })
}

fn strings(exprs: &[Expr]) -> Vec<String> {
    exprs.iter().filter_map(Expr::as_str).map(String::from).collect()
}

/// `__table_args__`: a tuple of constraints and indexes (optionally ending with a dict of
/// options, which do not change SQLite's DDL), or just the dict.
fn read_table_args(args: &Expr, table: &mut Table) -> Result<()> {
    let items: Vec<&Expr> = match &args.kind {
        ExprKind::Tuple(items) => items.iter().collect(),
        ExprKind::Dict(_) => return Ok(()),
        _ => return Err(at(args, ErrorKind::ArgumentError, "__table_args__ must be a tuple or a dict")),
    };
    for item in items {
        let ExprKind::Call { func, args, keywords } = &item.kind else {
            if matches!(item.kind, ExprKind::Dict(_)) {
                continue;
            }
            return Err(at(item, ErrorKind::ArgumentError, "__table_args__ holds constraints, indexes and a dict"));
        };
        let name = Keyword::find(keywords, "name").and_then(Expr::as_str).map(String::from);
        match last_name(func) {
            Some("UniqueConstraint") => table.constraints.push(Constraint::Unique { name, columns: strings(args) }),
            Some("CheckConstraint") => {
                let sqltext = args.first().and_then(Expr::as_str).ok_or_else(|| {
                    at(item, ErrorKind::ArgumentError, "CheckConstraint needs its SQL as a string")
                })?;
                table.constraints.push(Constraint::Check { name, sqltext: sqltext.to_string() });
            }
            Some("Index") => {
                let index_name = args.first().and_then(Expr::as_str).ok_or_else(|| {
                    at(item, ErrorKind::ArgumentError, "Index needs a name first, like Index(\"ix_users_email\", \"email\")")
                })?;
                table.indexes.push(Index {
                    name: index_name.to_string(),
                    columns: strings(&args[1..]),
                    unique: flag(keywords, "unique").unwrap_or(false),
                    auto_named: false,
                });
            }
            Some("ForeignKeyConstraint") => {
                let list = |i: usize| match args.get(i).map(|e| &e.kind) {
                    Some(ExprKind::List(items) | ExprKind::Tuple(items)) => strings(items),
                    _ => Vec::new(),
                };
                let targets = list(1);
                let ref_table = targets.first().and_then(|t| t.rsplit_once('.')).map(|(t, _)| t.to_string());
                let Some(ref_table) = ref_table else {
                    return Err(at(item, ErrorKind::ArgumentError, "ForeignKeyConstraint needs ['table.column', ...] targets"));
                };
                table.constraints.push(Constraint::ForeignKey(ForeignKey {
                    name,
                    columns: list(0),
                    ref_table,
                    ref_columns: targets.iter().filter_map(|t| t.rsplit_once('.')).map(|(_, c)| c.to_string()).collect(),
                    ondelete: Keyword::find(keywords, "ondelete").and_then(Expr::as_str).map(String::from),
                    onupdate: Keyword::find(keywords, "onupdate").and_then(Expr::as_str).map(String::from),
                }));
            }
            Some("PrimaryKeyConstraint") => {
                for column in strings(args) {
                    if let Some(c) = table.columns.iter_mut().find(|c| c.name == column) {
                        c.primary_key = true;
                        c.nullable = false;
                    }
                }
            }
            other => {
                return Err(at(
                    item,
                    ErrorKind::ArgumentError,
                    format!("'{}' in __table_args__ is not supported here", other.unwrap_or("this")),
                ))
            }
        }
        for column in constraint_columns(table.constraints.last(), table.indexes.last()) {
            if table.column(&column).is_none() {
                return Err(at(item, ErrorKind::ArgumentError, format!("Can't create constraint on table '{}': no column named '{column}' is present.", table.name)));
            }
        }
    }
    Ok(())
}

fn constraint_columns(constraint: Option<&Constraint>, index: Option<&Index>) -> Vec<String> {
    let mut columns = match constraint {
        Some(Constraint::Unique { columns, .. }) => columns.clone(),
        Some(Constraint::ForeignKey(fk)) => fk.columns.clone(),
        _ => Vec::new(),
    };
    if let Some(index) = index {
        columns.extend(index.columns.iter().cloned());
    }
    columns
}

/// `return f"<User(name={self.name})>"` → parts; any other `__repr__` keeps Python's default.
fn read_repr(body: &[crate::python::Stmt]) -> Option<Vec<ReprPart>> {
    let value = body.iter().find_map(|s| match &s.kind {
        StmtKind::Return(Some(value)) => Some(value),
        _ => None,
    })?;
    match &value.kind {
        ExprKind::Constant(Constant::Str(text)) => Some(vec![ReprPart::Text(text.clone())]),
        ExprKind::FString(parts) => parts
            .iter()
            .map(|part| match part {
                FStringPart::Text(t) => Some(ReprPart::Text(t.clone())),
                FStringPart::Value { expr, conversion, spec: None } => {
                    let ExprKind::Attribute { value, attr } = &expr.kind else { return None };
                    if !matches!(&value.kind, ExprKind::Name(n) if n == "self") {
                        return None;
                    }
                    match conversion {
                        None | Some('s') => Some(ReprPart::Field(attr.clone())),
                        Some('r') => Some(ReprPart::FieldRepr(attr.clone())),
                        _ => None,
                    }
                }
                FStringPart::Value { .. } => None,
            })
            .collect(),
        _ => None,
    }
}

/// Every foreign key must point at a table and column the models declare, as SQLAlchemy checks
/// when it first creates the tables.
fn check_foreign_keys(metadata: &MetaData) -> Result<()> {
    for table in &metadata.tables {
        for fk in table.foreign_keys() {
            let target = metadata.table(&fk.ref_table);
            let missing_column = fk.ref_columns.iter().find(|c| target.is_some_and(|t| t.column(c).is_none()));
            if target.is_none() {
                return Err(Error::new(
                    ErrorKind::ArgumentError,
                    format!(
                        "Foreign key associated with column '{}.{}' could not find table '{}' with which to generate a foreign key to target column '{}'",
                        table.name,
                        fk.columns.join(", "),
                        fk.ref_table,
                        fk.ref_columns.join(", ")
                    ),
                ));
            }
            if let Some(column) = missing_column {
                return Err(Error::new(
                    ErrorKind::ArgumentError,
                    format!(
                        "Could not initialize target column for ForeignKey '{}.{column}' on table '{}': table '{}' has no column named '{column}'",
                        fk.ref_table, table.name, fk.ref_table
                    ),
                ));
            }
        }
    }
    Ok(())
}
