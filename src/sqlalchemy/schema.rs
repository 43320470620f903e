//! `Column`, `Table`, `MetaData`, `ForeignKey` and the table constraints as Python values. Each
//! holds the data of [`crate::schema`], which the DDL compiler, autogenerate and the page read.

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Raised, Res};
use crate::schema::{self, Constraint, ServerDefault, SqlType};

use super::convert::{flag, kwarg, method, native, raise, text_arg};
use super::expression::{self, Sql};
use super::types::{sql_type_of, type_repr};

/// `ForeignKey("users.id", ondelete="CASCADE")`.
#[derive(Clone)]
pub struct ForeignKeyObj {
    pub target: String,
    pub name: Option<String>,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
}

impl Native for ForeignKeyObj {
    fn type_name(&self) -> &str {
        "ForeignKey"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("ForeignKey('{}')", self.target))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok((name == "target_fullname").then(|| Obj::str(&self.target)))
    }
}

/// What a column says of itself before it belongs to a table.
#[derive(Clone, Default)]
pub struct ColumnSpec {
    pub name: Option<String>,
    pub table: Option<String>,
    pub sql_type: Option<SqlType>,
    pub primary_key: bool,
    pub nullable: Option<bool>,
    pub server_default: Option<ServerDefault>,
    pub foreign_key: Option<ForeignKeyObj>,
    pub unique: bool,
    pub index: bool,
    /// `default=`: a value, or a callable called for each INSERT.
    pub default: Option<Obj>,
    pub onupdate: Option<Obj>,
    pub autoincrement: Option<bool>,
    /// How the default shows in the column's repr (`ScalarElementColumnDefault(True)`).
    pub default_repr: Option<String>,
    /// How the server default shows in the column's repr (`DefaultClause('0', for_update=False)`).
    pub server_default_repr: Option<String>,
    /// A `mapped_column`'s dataclass options (`init=`, `default=`, `default_factory=`, `repr=`,
    /// `compare=`): the field it is when its class is a `MappedAsDataclass`.
    pub field_options: Vec<(String, Obj)>,
    /// `mapped_column(deferred=True)`: the column a query of its class leaves out.
    pub deferred: Option<Deferral>,
}

/// A column loaded only when read (`deferred=True`), with the others of its `deferred_group`;
/// with `deferred_raiseload=True` reading it unloaded is an error instead.
#[derive(Clone, PartialEq)]
pub struct Deferral {
    pub group: Option<String>,
    pub raiseload: bool,
}

/// The keywords of `mapped_column()` and `relationship()` that make a dataclass field.
pub const FIELD_OPTIONS: &[&str] = &["init", "default", "default_factory", "repr", "compare", "kw_only", "hash"];

/// The keywords `Column()` reads (`doc=` and `info=` change nothing the lab shows).
const COLUMN_KEYWORDS: &[&str] = &["type_", "primary_key", "nullable", "unique", "index", "autoincrement", "default", "insert_default", "onupdate", "server_default", "doc", "info"];
/// What `mapped_column()` adds to them.
const MAPPED_KEYWORDS: &[&str] = &["deferred", "deferred_group", "deferred_raiseload"];
/// SQLAlchemy's keywords that would change the DDL, the SQL or the mapping in ways the lab does
/// not follow: refused by name rather than ignored.
const UNFOLLOWED_KEYWORDS: &[&str] =
    &["key", "quote", "system", "comment", "server_onupdate", "insert_sentinel", "sort_order", "use_existing_column", "active_history", "dataclass_metadata"];
const DIALECTS: &[&str] = &["sqlite", "postgresql", "mysql", "mariadb", "mssql", "oracle"];

/// Checks the keywords of `Column(...)` (or, with `mapped`, `mapped_column(...)`): an unknown one
/// is SQLAlchemy's own TypeError, one it has that the lab does not follow says so.
pub fn check_column_keywords(py: &mut Interpreter, kwargs: &[(String, Obj)], mapped: bool) -> Res<()> {
    for (name, _) in kwargs {
        let known = COLUMN_KEYWORDS.contains(&name.as_str()) || mapped && (MAPPED_KEYWORDS.contains(&name.as_str()) || FIELD_OPTIONS.contains(&name.as_str()));
        if known {
            continue;
        }
        let dialect = name.split_once('_').is_some_and(|(prefix, _)| DIALECTS.contains(&prefix));
        if UNFOLLOWED_KEYWORDS.contains(&name.as_str()) || dialect {
            let what = if mapped { "mapped_column" } else { "Column" };
            return py.stop_not_available(&format!("{what}({name}=...)"));
        }
        return py.error("TypeError", format!("Additional arguments should be named <dialectname>_<argument>, got '{name}'"));
    }
    Ok(())
}

impl ColumnSpec {
    /// This spec (an `Annotated` type's `mapped_column`) with what `over` (the attribute's own
    /// `mapped_column`) says put over it, as SQLAlchemy merges the two.
    pub fn merged_with(&self, over: &ColumnSpec) -> ColumnSpec {
        ColumnSpec {
            name: over.name.clone().or_else(|| self.name.clone()),
            table: over.table.clone().or_else(|| self.table.clone()),
            sql_type: over.sql_type.clone().or_else(|| self.sql_type.clone()),
            primary_key: over.primary_key || self.primary_key,
            nullable: over.nullable.or(self.nullable),
            server_default: over.server_default.clone().or_else(|| self.server_default.clone()),
            foreign_key: over.foreign_key.clone().or_else(|| self.foreign_key.clone()),
            unique: over.unique || self.unique,
            index: over.index || self.index,
            default: over.default.clone().or_else(|| self.default.clone()),
            onupdate: over.onupdate.clone().or_else(|| self.onupdate.clone()),
            autoincrement: over.autoincrement.or(self.autoincrement),
            default_repr: over.default_repr.clone().or_else(|| self.default_repr.clone()),
            server_default_repr: over.server_default_repr.clone().or_else(|| self.server_default_repr.clone()),
            field_options: {
                let mut options: Vec<(String, Obj)> = self.field_options.iter().filter(|(k, _)| !over.field_options.iter().any(|(o, _)| o == k)).cloned().collect();
                options.extend(over.field_options.iter().cloned());
                options
            },
            deferred: over.deferred.clone().or_else(|| self.deferred.clone()),
        }
    }

    /// Reads `Column(...)` / `mapped_column(...)` arguments: an optional name, a type, `ForeignKey`s,
    /// and the keywords.
    pub fn from_args(py: &mut Interpreter, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<ColumnSpec> {
        let mut spec = ColumnSpec::default();
        for (at, arg) in args.iter().enumerate() {
            if let (0, Obj::Str(name)) = (at, arg) {
                spec.name = Some(name.to_string());
            } else if let Some(t) = sql_type_of(py, arg)? {
                spec.sql_type = Some(t);
            } else if let Some(fk) = arg.native::<ForeignKeyObj>() {
                spec.foreign_key = Some(fk.clone());
            } else {
                let shown = py.repr_of(arg)?;
                return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {shown}"));
            }
        }
        if let Some(t) = kwarg(kwargs, "type_") {
            spec.sql_type = sql_type_of(py, t)?;
        }
        spec.primary_key = flag(py, kwargs, "primary_key")?.unwrap_or(false);
        spec.nullable = match kwarg(kwargs, "nullable") {
            Some(value) => Some(py.truthy(value)?),
            None => None,
        };
        spec.unique = flag(py, kwargs, "unique")?.unwrap_or(false);
        spec.index = flag(py, kwargs, "index")?.unwrap_or(false);
        spec.autoincrement = match kwarg(kwargs, "autoincrement") {
            Some(Obj::Bool(b)) => Some(*b),
            _ => None,
        };
        // `insert_default=` is the column's default whatever the class; `default=` too, unless
        // None (no default at all). A dataclass's `default_factory=` is never the column's.
        spec.default = kwarg(kwargs, "insert_default").or_else(|| kwarg(kwargs, "default")).filter(|d| !matches!(d, Obj::None)).cloned();
        spec.field_options = kwargs.iter().filter(|(k, _)| FIELD_OPTIONS.contains(&k.as_str())).cloned().collect();
        // `deferred_group=` and `deferred_raiseload=True` imply `deferred=True`.
        let group = match kwarg(kwargs, "deferred_group") {
            Some(Obj::None) | None => None,
            Some(value) => Some(super::convert::text_arg(py, value, "deferred_group")?),
        };
        let raiseload = flag(py, kwargs, "deferred_raiseload")?.unwrap_or(false);
        if flag(py, kwargs, "deferred")?.unwrap_or(false) || group.is_some() || raiseload {
            spec.deferred = Some(Deferral { group, raiseload });
        }
        if let Some(default) = &spec.default {
            let shown = py.repr_of(default)?;
            let callable = matches!(default, Obj::Function(_) | Obj::Builtin(_) | Obj::Method(..) | Obj::Class(_));
            spec.default_repr = Some(if callable { format!("CallableColumnDefault({shown})") } else { format!("ScalarElementColumnDefault({shown})") });
        }
        spec.onupdate = kwarg(kwargs, "onupdate").cloned();
        if let Some(default) = kwarg(kwargs, "server_default") {
            let shown = py.repr_of(default)?;
            spec.server_default_repr = Some(format!("DefaultClause({shown}, for_update=False)"));
            spec.server_default = Some(match default {
                Obj::Str(text) => ServerDefault::Literal(text.to_string()),
                other => match other.native::<super::statement::TextClause>() {
                    Some(text) => ServerDefault::Text(text.sql.clone()),
                    None => match expression::as_sql(py, other)? {
                        Some(Sql::Func { name, args }) if args.is_empty() => {
                            let mut compiler = expression::Compiler::default();
                            ServerDefault::Text(compiler.expr(&Sql::Func { name, args: vec![] }))
                        }
                        _ => {
                            let shown = py.repr_of(other)?;
                            return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Argument 'arg' is expected to be one of type '<class 'str'>' or '<class 'ClauseElement'>' or '<class 'TextClause'>', got '{shown}'"));
                        }
                    },
                },
            });
        }
        Ok(spec)
    }

    pub fn is_nullable(&self) -> bool {
        self.nullable.unwrap_or(!self.primary_key)
    }

    /// The column as the schema model has it.
    pub fn to_schema(&self) -> schema::Column {
        schema::Column {
            name: self.name.clone().unwrap_or_default(),
            sql_type: self.sql_type.clone().unwrap_or(SqlType::Named("NULL".into())),
            primary_key: self.primary_key,
            nullable: self.is_nullable(),
            server_default: self.server_default.clone(),
        }
    }

    pub fn sql(&self) -> Sql {
        Sql::Column {
            table: Rc::from(self.table.as_deref().unwrap_or("")),
            name: Rc::from(self.name.as_deref().unwrap_or("")),
            sql_type: self.sql_type.clone(),
        }
    }

    /// `Column('id', Integer(), table=<users>, primary_key=True, nullable=False)`.
    pub fn repr(&self) -> String {
        let mut parts = vec![format!("'{}'", self.name.as_deref().unwrap_or("")), self.sql_type.as_ref().map_or("NullType()".into(), type_repr)];
        if let Some(fk) = &self.foreign_key {
            parts.push(format!("ForeignKey('{}')", fk.target));
        }
        parts.push(self.table.as_ref().map_or_else(|| "table=None".to_string(), |table| format!("table=<{table}>")));
        if self.primary_key {
            parts.push("primary_key=True".into());
        }
        if !self.is_nullable() {
            parts.push("nullable=False".into());
        }
        if let Some(default) = &self.default_repr {
            parts.push(format!("default={default}"));
        }
        if let Some(default) = &self.server_default_repr {
            parts.push(format!("server_default={default}"));
        }
        format!("Column({})", parts.join(", "))
    }
}

/// `Column(...)`: a column, in a table once it belongs to one.
pub struct ColumnObj(pub RefCell<ColumnSpec>, pub RefCell<Option<std::rc::Weak<dyn Native>>>, pub std::cell::Cell<bool>);

impl ColumnObj {
    /// The column in an expression; a class body's column, before its class is mapped, is named
    /// by this object until the mapping puts its table's column in its place.
    pub fn expression(&self) -> Sql {
        let spec = self.0.borrow();
        if spec.name.is_none() && spec.table.is_none() {
            return crate::sqlalchemy::orm::column_property::unbound(self, spec.sql_type.clone());
        }
        spec.sql()
    }

    pub fn new(spec: ColumnSpec) -> ColumnObj {
        ColumnObj(RefCell::new(spec), RefCell::new(None), std::cell::Cell::new(false))
    }

    /// The column's type; a `Column("user_id", ForeignKey("users.id"))` without one has the
    /// referenced column's once its table is in a MetaData, as SQLAlchemy resolves it.
    pub fn resolved_type(&self) -> SqlType {
        let spec = self.0.borrow();
        if let Some(t) = &spec.sql_type {
            return t.clone();
        }
        let table = self.1.borrow().as_ref().and_then(std::rc::Weak::upgrade);
        let found = table.as_deref().and_then(|t| {
            let any: &dyn std::any::Any = t.as_any();
            let table = any.downcast_ref::<TableObj>()?;
            let metadata = table.metadata_schema()?;
            let column = metadata.table(&table.name)?.column(spec.name.as_deref()?)?;
            Some(column.sql_type.clone())
        });
        found.unwrap_or(SqlType::Named("NULL".into()))
    }

    /// What `mapped_column()` returns: the same column spec, printed as SQLAlchemy's
    /// `MappedColumn` (the mapper makes the table's `Column` from it).
    pub fn mapped(spec: ColumnSpec) -> ColumnObj {
        ColumnObj(RefCell::new(spec), RefCell::new(None), std::cell::Cell::new(true))
    }
}

/// Makes a table value and lets its columns know it (a later `Index(name, table.c.x)` joins it).
pub fn table_value(table: TableObj) -> Obj {
    let rc: std::rc::Rc<dyn Native> = std::rc::Rc::new(table);
    let obj = Obj::Native(rc.clone());
    if let Some(t) = obj.native::<TableObj>() {
        for column in &t.columns {
            if let Some(c) = column.native::<ColumnObj>() {
                *c.1.borrow_mut() = Some(std::rc::Rc::downgrade(&rc));
            }
        }
    }
    obj
}

impl Native for ColumnObj {
    fn type_name(&self) -> &str {
        "Column"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        if self.2.get() {
            return Ok(format!("<sqlalchemy.orm.properties.MappedColumn object at {:#x}>", crate::interp::object::identity(this)));
        }
        Ok(self.0.borrow().repr())
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let spec = self.0.borrow();
        Ok(match &spec.table {
            Some(table) => format!("{table}.{}", spec.name.as_deref().unwrap_or("")),
            None => spec.name.clone().unwrap_or_default(),
        })
    }
    /// A table's column: raised from its comparator's error, as SQLAlchemy's is.
    fn missing_attribute(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Option<Box<Raised>> {
        if self.2.get() {
            return Some(py.exception("AttributeError", format!("'MappedColumn' object has no attribute '{name}'"), false));
        }
        let chain = [("AttributeError", format!("'Comparator' object has no attribute '{name}'"))];
        let message = format!("Neither 'Column' object nor 'Comparator' object has an attribute '{name}'");
        Some(py.library_chain(this, name, &chain, "AttributeError", message))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        let spec = self.0.borrow().clone();
        Ok(match name {
            "name" | "key" => Some(spec.name.as_deref().map_or(Obj::None, Obj::str)),
            "type" => Some(native(super::types::TypeObj(self.resolved_type()))),
            "primary_key" => Some(Obj::Bool(spec.primary_key)),
            "nullable" => Some(Obj::Bool(spec.is_nullable())),
            "unique" => Some(if spec.unique { Obj::Bool(true) } else { Obj::None }),
            "index" => Some(if spec.index { Obj::Bool(true) } else { Obj::None }),
            "default" => Some(match (&spec.default, &spec.default_repr) {
                (Some(value), Some(shown)) => native(ColumnDefaultObj { value: value.clone(), shown: shown.clone() }),
                _ => Obj::None,
            }),
            _ => return expression::method(&self.expression(), name),
        })
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        expression::binary(py, &self.expression(), op, other, reflected)
    }
    fn unary(&self, py: &mut Interpreter, _this: &Obj, op: &str) -> Option<Res<Obj>> {
        expression::unary(py, &self.expression(), op)
    }
    fn truthy(&self, _py: &mut Interpreter, _this: &Obj) -> Res<bool> {
        Ok(true)
    }
}

/// `column.default`: a `default=` value (`ScalarElementColumnDefault(7)`) or callable.
pub struct ColumnDefaultObj {
    value: Obj,
    shown: String,
}

impl Native for ColumnDefaultObj {
    fn type_name(&self) -> &str {
        if self.shown.starts_with("Callable") { "CallableColumnDefault" } else { "ScalarElementColumnDefault" }
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(self.shown.clone())
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        let callable = self.shown.starts_with("Callable");
        Ok(match name {
            "arg" if !callable => Some(self.value.clone()),
            "is_scalar" => Some(Obj::Bool(!callable)),
            "is_callable" => Some(Obj::Bool(callable)),
            _ => None,
        })
    }
}

/// A table: its columns (as Python values) and constraints.
pub struct TableObj {
    pub name: String,
    pub columns: Vec<Obj>,
    pub constraints: RefCell<Vec<Constraint>>,
    pub indexes: RefCell<Vec<schema::Index>>,
    pub primary_key_name: Option<String>,
    pub sqlite_autoincrement: std::cell::Cell<bool>,
    /// The MetaData holding the table (weakly: the MetaData holds the table).
    pub metadata: RefCell<Option<std::rc::Weak<dyn Native>>>,
}

impl TableObj {
    /// Builds a table from its column values, naming them to the table, with the constraints
    /// their flags imply (`ForeignKey`, `unique=True`, `index=True`).
    pub fn new(name: &str, columns: Vec<Obj>, table_args: Vec<Constraint>, indexes: Vec<schema::Index>, primary_key_name: Option<String>) -> TableObj {
        let mut constraints = table_args;
        let mut all_indexes = Vec::new();
        for column in &columns {
            let Some(column) = column.native::<ColumnObj>() else { continue };
            let mut spec = column.0.borrow_mut();
            spec.table = Some(name.to_string());
            let column_name = spec.name.clone().unwrap_or_default();
            if let Some(fk) = &spec.foreign_key {
                let (ref_table, ref_column) = fk.target.rsplit_once('.').unwrap_or((fk.target.as_str(), "id"));
                constraints.push(Constraint::ForeignKey(schema::ForeignKey {
                    name: fk.name.clone(),
                    columns: vec![column_name.clone()],
                    ref_table: ref_table.to_string(),
                    ref_columns: vec![ref_column.to_string()],
                    ondelete: fk.ondelete.clone(),
                    onupdate: fk.onupdate.clone(),
                }));
            }
            if spec.index {
                all_indexes.push(schema::Index { name: format!("ix_{name}_{column_name}"), columns: vec![column_name.clone()], unique: spec.unique, auto_named: true });
            } else if spec.unique {
                constraints.push(Constraint::Unique { name: None, columns: vec![column_name.clone()] });
            }
        }
        all_indexes.extend(indexes);
        // Created in name order, as SQLAlchemy creates a table's indexes.
        crate::sorting::sort_by(&mut all_indexes, |a, b| a.name < b.name);
        TableObj {
            name: name.to_string(),
            columns,
            constraints: RefCell::new(constraints),
            indexes: RefCell::new(all_indexes),
            primary_key_name,
            sqlite_autoincrement: std::cell::Cell::new(false),
            metadata: RefCell::new(None),
        }
    }

    /// The tables of this table's MetaData, as the schema model has them.
    pub fn metadata_schema(&self) -> Option<schema::MetaData> {
        let metadata = self.metadata.borrow().as_ref()?.upgrade()?;
        let metadata: &dyn Native = metadata.as_ref();
        let any: &dyn std::any::Any = metadata.as_any();
        any.downcast_ref::<MetaDataObj>().map(MetaDataObj::to_schema)
    }

    pub fn specs(&self) -> Vec<ColumnSpec> {
        self.columns.iter().filter_map(|c| c.native::<ColumnObj>().map(|c| c.0.borrow().clone())).collect()
    }

    pub fn to_schema(&self) -> schema::Table {
        schema::Table {
            name: self.name.clone(),
            primary_key_name: self.primary_key_name.clone(),
            columns: self.specs().iter().map(ColumnSpec::to_schema).collect(),
            constraints: self.constraints.borrow().clone(),
            indexes: self.indexes.borrow().clone(),
            sqlite_autoincrement: self.sqlite_autoincrement.get(),
            conventional_names: Vec::new(),
        }
    }

    pub fn column(&self, name: &str) -> Option<Obj> {
        self.columns.iter().find(|c| c.native::<ColumnObj>().is_some_and(|c| c.0.borrow().name.as_deref() == Some(name))).cloned()
    }
}

impl Native for TableObj {
    fn type_name(&self) -> &str {
        "Table"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let columns: Vec<String> = self.specs().iter().map(ColumnSpec::repr).collect();
        let mut parts = vec![format!("'{}'", self.name), "MetaData()".to_string()];
        parts.extend(columns);
        parts.push("schema=None".into());
        Ok(format!("Table({})", parts.join(", ")))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(self.name.clone())
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "name" | "fullname" | "key" => Some(Obj::str(&self.name)),
            "metadata" => None,
            "c" | "columns" => Some(native(ColumnCollection(this.clone()))),
            "primary_key" => Some(native(PrimaryKeyConstraintObj(
                self.columns.iter().filter(|c| c.native::<ColumnObj>().is_some_and(|c| c.0.borrow().primary_key)).cloned().collect(),
                self.primary_key_name.clone(),
            ))),
            "select" => Some(method(this, "select", |py, this, _, _| super::statement::select_all_of(py, this))),
            "insert" => Some(method(this, "insert", |_, this, _, _| Ok(super::statement::insert_into(this.clone())))),
            "update" => Some(method(this, "update", |_, this, _, _| Ok(super::statement::update_of(this.clone())))),
            "delete" => Some(method(this, "delete", |_, this, _, _| Ok(super::statement::delete_from(this.clone())))),
            _ => None,
        })
    }
}

/// `table.primary_key`.
pub struct PrimaryKeyConstraintObj(Vec<Obj>, Option<String>);

impl Native for PrimaryKeyConstraintObj {
    fn type_name(&self) -> &str {
        "PrimaryKeyConstraint"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let mut parts = Vec::new();
        for c in &self.0 {
            parts.push(py.repr_of(c)?);
        }
        Ok(format!("PrimaryKeyConstraint({})", parts.join(", ")))
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.0.clone()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.0.len()))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "columns" => Some(Obj::list(self.0.clone())),
            "name" => Some(self.1.as_deref().map_or(Obj::None, Obj::str)),
            _ => None,
        })
    }
}

/// `table.c`: the columns by name.
pub struct ColumnCollection(pub Obj);

impl ColumnCollection {
    fn table(&self) -> Option<&TableObj> {
        self.0.native::<TableObj>()
    }
}

impl Native for ColumnCollection {
    fn type_name(&self) -> &str {
        "ReadOnlyColumnCollection"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.base.ReadOnlyColumnCollection object at {:#x}>", crate::interp::object::identity(this)))
    }
    /// `print(table.c)`: `ReadOnlyColumnCollection(users.id, users.name)`.
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let names: Vec<String> = self.table().map(|t| t.specs().iter().map(|s| format!("{}.{}", t.name, s.name.as_deref().unwrap_or(""))).collect()).unwrap_or_default();
        Ok(format!("ReadOnlyColumnCollection({})", names.join(", ")))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "keys" => {
                let names: Vec<Obj> = self.table().map(|t| t.specs().iter().map(|s| Obj::str(s.name.as_deref().unwrap_or(""))).collect()).unwrap_or_default();
                Some(super::convert::function("keys", move |_, _, _| Ok(Obj::list(names.clone()))))
            }
            _ => self.table().and_then(|t| t.column(name)),
        })
    }
    /// `users.c.nope`: the bare name, raised from the collection's KeyError, as SQLAlchemy's.
    fn missing_attribute(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Option<Box<Raised>> {
        Some(py.library_chain(this, name, &[("KeyError", name.to_string())], "AttributeError", name.to_string()))
    }
    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let table = self.table()?;
        Some(match index {
            Obj::Str(name) => match table.column(name) {
                Some(column) => Ok(column),
                None => py.error("KeyError", name.to_string()),
            },
            Obj::Int(i) => {
                let at = if *i < 0 { table.columns.len() as i64 + i } else { *i };
                match usize::try_from(at).ok().and_then(|at| table.columns.get(at)) {
                    Some(column) => Ok(column.clone()),
                    None => py.error("IndexError", "list index out of range"),
                }
            }
            _ => py.error("TypeError", "column collection indices must be names or integers"),
        })
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.table().map(|t| t.columns.clone()).unwrap_or_default()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.table().map_or(0, |t| t.columns.len())))
    }
    fn contains(&self, _py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
        let table = self.table()?;
        Some(Ok(match item {
            Obj::Str(name) => table.column(name).is_some(),
            other => table.columns.iter().any(|c| crate::interp::object::identity(c) == crate::interp::object::identity(other)),
        }))
    }
}

/// `MetaData()`: the tables a program declared, in declaration order.
#[derive(Default)]
pub struct MetaDataObj {
    pub tables: RefCell<Vec<Obj>>,
    /// `naming_convention={"uq": "uq_%(table_name)s_%(column_0_name)s", …}` (naming.rs).
    pub naming_convention: Vec<(String, String)>,
}

/// `MetaData(naming_convention=…)`: the convention's templates by their string keys.
pub fn metadata_call(py: &mut Interpreter, _args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let mut convention = Vec::new();
    if let Some(given) = kwarg(&kwargs, "naming_convention").filter(|c| !matches!(c, Obj::None)) {
        for (key, template) in super::statement::dict_items(py, given)? {
            let Obj::Str(template) = template else {
                return py.stop_not_available("a naming convention whose template is not a string");
            };
            if !crate::naming::KEYS.contains(&key.as_str()) {
                return py.stop_not_available(&format!("the naming convention key {key:?} (the lab knows \"ix\", \"uq\", \"ck\", \"fk\", \"pk\")"));
            }
            convention.push((key, template.to_string()));
        }
    }
    Ok(native(MetaDataObj { tables: RefCell::new(Vec::new()), naming_convention: convention }))
}

thread_local! {
    /// Each table name with the MetaData it was last added to: where a join to a subquery, whose
    /// columns know their tables by name only, looks for foreign keys.
    static METADATA_OF_TABLE: RefCell<Vec<(String, std::rc::Weak<dyn Native>)>> = const { RefCell::new(Vec::new()) };
}

/// The tables of the MetaData the table `name` was last added to.
pub fn metadata_of_table(name: &str) -> Option<schema::MetaData> {
    let metadata = METADATA_OF_TABLE.with(|known| known.borrow().iter().rev().find(|(n, m)| n == name && m.strong_count() > 0).and_then(|(_, m)| m.upgrade()))?;
    let metadata: &dyn Native = metadata.as_ref();
    let any: &dyn std::any::Any = metadata.as_any();
    any.downcast_ref::<MetaDataObj>().map(MetaDataObj::to_schema)
}

impl MetaDataObj {
    /// Adds `table` to the MetaData `metadata` (at `place`, else last) once its name is known
    /// to be free; the table remembers its MetaData, where a join looks for its foreign keys.
    pub fn add(py: &mut Interpreter, metadata: &Obj, table: Obj, place: Option<usize>) -> Res<()> {
        let (Obj::Native(rc), Some(this)) = (metadata, metadata.native::<MetaDataObj>()) else { return Ok(()) };
        let Some(new) = table.native::<TableObj>() else { return Ok(()) };
        let exists = this.tables.borrow().iter().any(|t| t.native::<TableObj>().is_some_and(|t| t.name == new.name));
        if exists {
            return raise(
                py,
                "sqlalchemy.exc",
                "InvalidRequestError",
                &format!("Table '{}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object.", new.name),
            );
        }
        *new.metadata.borrow_mut() = Some(Rc::downgrade(rc));
        METADATA_OF_TABLE.with(|known| {
            let mut known = known.borrow_mut();
            known.retain(|(_, m)| m.strong_count() > 0);
            known.push((new.name.clone(), Rc::downgrade(rc)));
        });
        let mut tables = this.tables.borrow_mut();
        let place = place.unwrap_or(tables.len()).min(tables.len());
        tables.insert(place, table);
        Ok(())
    }

    pub fn to_schema(&self) -> schema::MetaData {
        let mut tables: Vec<schema::Table> = self.tables.borrow().iter().filter_map(|t| t.native::<TableObj>().map(TableObj::to_schema)).collect();
        // `Column("user_id", ForeignKey("users.id"))` has no type of its own: it takes the
        // referenced column's, as SQLAlchemy does once the foreign key finds its column.
        let untyped = |t: &SqlType| matches!(t, SqlType::Named(n) if n == "NULL");
        let mut found = Vec::new();
        for (at, table) in tables.iter().enumerate() {
            for fk in table.foreign_keys() {
                for (column, target) in fk.columns.iter().zip(&fk.ref_columns) {
                    let Some(c) = table.columns.iter().position(|c| &c.name == column && untyped(&c.sql_type)) else { continue };
                    let referenced = tables.iter().find(|t| t.name == fk.ref_table).and_then(|t| t.columns.iter().find(|c| &c.name == target));
                    if let Some(referenced) = referenced.filter(|r| !untyped(&r.sql_type)) {
                        found.push((at, c, referenced.sql_type.clone()));
                    }
                }
            }
        }
        for (at, c, sql_type) in found {
            tables[at].columns[c].sql_type = sql_type;
        }
        for table in &mut tables {
            crate::naming::apply(table, &self.naming_convention);
        }
        schema::MetaData::new(tables)
    }

    pub fn table(&self, name: &str) -> Option<Obj> {
        self.tables.borrow().iter().find(|t| t.native::<TableObj>().is_some_and(|t| t.name == name)).cloned()
    }
}

impl Native for MetaDataObj {
    fn type_name(&self) -> &str {
        "MetaData"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok("MetaData()".into())
    }
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            // SQLAlchemy's default convention is `{"ix": "ix_%(column_0_label)s"}`.
            "naming_convention" => {
                let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
                if !self.naming_convention.iter().any(|(k, _)| k == "ix") {
                    py.set_item(&dict, Obj::str("ix"), Obj::str("ix_%(column_0_label)s"))?;
                }
                for (key, template) in &self.naming_convention {
                    py.set_item(&dict, Obj::str(key), Obj::str(template))?;
                }
                Some(dict)
            }
            "tables" => {
                let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
                for table in self.tables.borrow().iter() {
                    if let Some(t) = table.native::<TableObj>() {
                        py.set_item(&dict, Obj::str(&t.name), table.clone())?;
                    }
                }
                Some(dict)
            }
            "sorted_tables" => {
                let order = self.to_schema();
                let names: Vec<String> = order.sorted_tables().iter().map(|t| t.name.clone()).collect();
                Some(Obj::list(names.iter().filter_map(|n| self.table(n)).collect()))
            }
            "create_all" => Some(method(this, "create_all", |py, this, args, kwargs| {
                let bind = super::engine::bind_argument(py, &args, &kwargs)?;
                let checkfirst = flag(py, &kwargs, "checkfirst")?.unwrap_or(true);
                let Some(metadata) = this.native::<MetaDataObj>() else { return Ok(Obj::None) };
                super::ddl::create_all(py, &bind, &metadata.to_schema(), checkfirst)?;
                Ok(Obj::None)
            })),
            "reflect" => Some(method(this, "reflect", |py, this, args, kwargs| {
                let Some(bind) = args.first().or_else(|| kwarg(&kwargs, "bind")).cloned() else {
                    return py.error("TypeError", "MetaData.reflect() missing 1 required positional argument: 'bind'");
                };
                for (key, _) in &kwargs {
                    if !matches!(key.as_str(), "bind" | "views" | "only" | "resolve_fks" | "schema") {
                        return py.stop_not_available(&format!("MetaData.reflect({key}=...)"));
                    }
                }
                if kwarg(&kwargs, "schema").is_some_and(|s| !matches!(s, Obj::None)) {
                    return py.stop_not_available("MetaData.reflect(schema=...)");
                }
                let views = flag(py, &kwargs, "views")?.unwrap_or(false);
                let resolve_fks = flag(py, &kwargs, "resolve_fks")?.unwrap_or(true);
                let only = kwarg(&kwargs, "only").cloned();
                super::reflection::reflect(py, this, &bind, views, only, resolve_fks)?;
                Ok(Obj::None)
            })),
            "drop_all" => Some(method(this, "drop_all", |py, this, args, kwargs| {
                let bind = super::engine::bind_argument(py, &args, &kwargs)?;
                let checkfirst = flag(py, &kwargs, "checkfirst")?.unwrap_or(true);
                let Some(metadata) = this.native::<MetaDataObj>() else { return Ok(Obj::None) };
                super::ddl::drop_all(py, &bind, &metadata.to_schema(), checkfirst)?;
                Ok(Obj::None)
            })),
            _ => None,
        })
    }
}

/// `Table("users", metadata, Column(...), ..., UniqueConstraint(...))`.
/// A Table's keyword options, as far as they matter on SQLite: `sqlite_autoincrement` (returned);
/// other dialects' options (`mysql_engine=…`), `comment`, `info`, `extend_existing`,
/// `keep_existing` change nothing here, as with SQLAlchemy on SQLite; the rest is not in the lab.
pub fn table_options(py: &mut Interpreter, kwargs: &[(String, Obj)]) -> Res<bool> {
    let mut autoincrement = false;
    for (key, value) in kwargs {
        match key.as_str() {
            "sqlite_autoincrement" => autoincrement = py.truthy(value)?,
            "comment" | "info" | "extend_existing" | "keep_existing" | "quote" => {}
            // Reflection's options, read by `table_call`.
            "autoload_with" | "include_columns" | "resolve_fks" | "autoload_replace" => {}
            other if ["mysql_", "mariadb_", "postgresql_", "mssql_", "oracle_"].iter().any(|p| other.starts_with(p)) => {}
            other => return py.stop_not_available(&format!("Table({other}=...)")),
        }
    }
    Ok(autoincrement)
}

pub fn table_call(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let name = match args.first() {
        Some(name) => text_arg(py, name, "Table name")?,
        None => return py.error("TypeError", "Table() missing required argument 'name'"),
    };
    let metadata = args.get(1).cloned();
    if metadata.as_ref().and_then(|m| m.native::<MetaDataObj>()).is_none() {
        return py.error("TypeError", "Table() needs a MetaData as its second argument");
    }
    // A table the MetaData holds already is that table, when nothing new is said of it.
    if args.len() == 2 {
        if let Some(held) = metadata.as_ref().and_then(|m| m.native::<MetaDataObj>()).and_then(|m| m.table(&name)) {
            return Ok(held);
        }
    }
    let mut columns = Vec::new();
    let mut constraints = Vec::new();
    let mut indexes = Vec::new();
    let mut pk_name = None;
    for item in args.iter().skip(2) {
        if item.native::<ColumnObj>().is_some() {
            columns.push(item.clone());
        } else if let Some(c) = item.native::<ConstraintObj>() {
            match &c.0 {
                TableItem::Constraint(constraint) => constraints.push(constraint.clone()),
                TableItem::Index(index) => indexes.push(index.clone()),
                TableItem::PrimaryKey { name, columns: pk_columns } => {
                    pk_name = name.clone();
                    for column in &columns {
                        if let Some(column) = column.native::<ColumnObj>() {
                            let mut spec = column.0.borrow_mut();
                            if spec.name.as_ref().is_some_and(|n| pk_columns.contains(n)) {
                                spec.primary_key = true;
                            }
                        }
                    }
                }
            }
        } else {
            let shown = py.repr_of(item)?;
            return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {shown}"));
        }
    }
    let autoincrement = table_options(py, &kwargs)?;
    if let (Some(bind), Some(metadata)) = (kwarg(&kwargs, "autoload_with"), metadata.as_ref()) {
        let held = metadata.native::<MetaDataObj>().is_some_and(|m| m.table(&name).is_some());
        if !held {
            let include_columns = match kwarg(&kwargs, "include_columns") {
                Some(Obj::None) | None => None,
                Some(names) => {
                    let mut wanted = Vec::new();
                    for item in py.iterate(names)? {
                        wanted.push(text_arg(py, &item, "column name")?);
                    }
                    Some(wanted)
                }
            };
            let resolve_fks = flag(py, &kwargs, "resolve_fks")?.unwrap_or(true);
            let given = super::reflection::Given { columns, constraints, indexes, include_columns };
            return super::reflection::autoload(py, metadata, &name, &bind.clone(), given, resolve_fks);
        }
    }
    let made = TableObj::new(&name, columns, constraints, indexes, pk_name);
    made.sqlite_autoincrement.set(autoincrement);
    let table = table_value(made);
    if let Some(metadata) = &metadata {
        MetaDataObj::add(py, metadata, table.clone(), None)?;
    }
    Ok(table)
}

/// A table-level item: `UniqueConstraint`, `CheckConstraint`, `ForeignKeyConstraint`, `Index`,
/// `PrimaryKeyConstraint`.
pub enum TableItem {
    Constraint(Constraint),
    Index(schema::Index),
    PrimaryKey { name: Option<String>, columns: Vec<String> },
}

pub struct ConstraintObj(pub TableItem);

impl Native for ConstraintObj {
    fn type_name(&self) -> &str {
        match &self.0 {
            TableItem::Constraint(Constraint::Unique { .. }) => "UniqueConstraint",
            TableItem::Constraint(Constraint::Check { .. }) => "CheckConstraint",
            TableItem::Constraint(Constraint::ForeignKey(_)) => "ForeignKeyConstraint",
            TableItem::Index(_) => "Index",
            TableItem::PrimaryKey { .. } => "PrimaryKeyConstraint",
        }
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(match &self.0 {
            TableItem::Index(index) => format!("Index('{}', {})", index.name, index.columns.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")),
            _ => format!("{}()", self.type_name()),
        })
    }
    /// `name`, and a foreign key constraint's `elements` (one `ForeignKey` per column): what
    /// env.py's include_object hooks read.
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        let own_name = match &self.0 {
            TableItem::Index(index) => Some(index.name.clone()),
            TableItem::Constraint(constraint) => constraint.name().map(str::to_string),
            TableItem::PrimaryKey { name, .. } => name.clone(),
        };
        Ok(match (name, &self.0) {
            ("name", _) => Some(own_name.map_or(Obj::None, |n| Obj::str(&n))),
            ("elements", TableItem::Constraint(Constraint::ForeignKey(fk))) => Some(Obj::list(
                fk.ref_columns
                    .iter()
                    .map(|column| {
                        native(ForeignKeyObj {
                            target: format!("{}.{column}", fk.ref_table),
                            name: fk.name.clone(),
                            ondelete: fk.ondelete.clone(),
                            onupdate: fk.onupdate.clone(),
                        })
                    })
                    .collect(),
            )),
            _ => None,
        })
    }
}

/// A column named by a string or given as a column.
fn column_name(py: &mut Interpreter, value: &Obj) -> Res<String> {
    match value {
        Obj::Str(s) => Ok(s.to_string()),
        other => match expression::as_sql(py, other)? {
            Some(Sql::Column { name, .. }) => Ok(name.to_string()),
            _ => py.error("TypeError", "a column name or a column is expected"),
        },
    }
}

fn optional_text(kwargs: &[(String, Obj)], name: &str) -> Option<String> {
    match kwarg(kwargs, name) {
        Some(Obj::Str(s)) => Some(s.to_string()),
        Some(other) => other.native::<super::convert::Conv>().map(|conv| conv.0.clone()),
        None => None,
    }
}

/// The constructors of table-level items, by class name.
pub fn table_item(kind: &'static str) -> Obj {
    super::convert::function(kind, move |py, args, kwargs| {
        let name = optional_text(&kwargs, "name");
        let item = match kind {
            "UniqueConstraint" | "PrimaryKeyConstraint" => {
                let mut columns = Vec::new();
                for arg in &args {
                    columns.push(column_name(py, arg)?);
                }
                if kind == "UniqueConstraint" {
                    TableItem::Constraint(Constraint::Unique { name, columns })
                } else {
                    TableItem::PrimaryKey { name, columns }
                }
            }
            "CheckConstraint" => {
                let sqltext = match args.first() {
                    Some(Obj::Str(s)) => s.to_string(),
                    Some(other) => match other.native::<super::statement::TextClause>() {
                        Some(text) => text.sql.clone(),
                        None => {
                            let sql = expression::condition(py, other)?;
                            let mut compiler = expression::Compiler::default();
                            compiler.expr(&sql)
                        }
                    },
                    None => return py.error("TypeError", "CheckConstraint() missing 1 required positional argument: 'sqltext'"),
                };
                TableItem::Constraint(Constraint::Check { name, sqltext })
            }
            "ForeignKeyConstraint" => {
                let (Some(local), Some(remote)) = (args.first(), args.get(1)) else {
                    return py.error("TypeError", "ForeignKeyConstraint() missing 2 required positional arguments: 'columns' and 'refcolumns'");
                };
                let mut columns = Vec::new();
                for c in py.iterate(local)? {
                    columns.push(column_name(py, &c)?);
                }
                let mut ref_table = String::new();
                let mut ref_columns = Vec::new();
                for c in py.iterate(remote)? {
                    let text = match &c {
                        Obj::Str(s) => s.to_string(),
                        other => match expression::as_sql(py, other)? {
                            Some(Sql::Column { table, name, .. }) => format!("{table}.{name}"),
                            _ => return py.error("TypeError", "refcolumns must be 'table.column' names"),
                        },
                    };
                    let (table, column) = text.rsplit_once('.').unwrap_or(("", text.as_str()));
                    ref_table = table.to_string();
                    ref_columns.push(column.to_string());
                }
                TableItem::Constraint(Constraint::ForeignKey(schema::ForeignKey {
                    name,
                    columns,
                    ref_table,
                    ref_columns,
                    ondelete: optional_text(&kwargs, "ondelete"),
                    onupdate: optional_text(&kwargs, "onupdate"),
                }))
            }
            _ => {
                let index_name = match args.first() {
                    Some(Obj::Str(s)) => s.to_string(),
                    _ => return py.error("TypeError", "Index() needs a name first"),
                };
                let mut columns = Vec::new();
                for arg in args.iter().skip(1) {
                    columns.push(column_name(py, arg)?);
                }
                let unique = flag(py, &kwargs, "unique")?.unwrap_or(false);
                let index = schema::Index { name: index_name, columns, unique, auto_named: false };
                // An index on a table's columns joins that table (it is created with it).
                let table = args.get(1).and_then(|c| c.native::<ColumnObj>()).and_then(|c| c.1.borrow().as_ref().and_then(std::rc::Weak::upgrade));
                if let Some(table) = table {
                    if let Some(t) = table.as_any().downcast_ref::<TableObj>() {
                        t.indexes.borrow_mut().push(index.clone());
                    }
                }
                TableItem::Index(index)
            }
        };
        Ok(native(ConstraintObj(item)))
    })
}

/// `ForeignKey("users.id")`.
pub fn foreign_key_call(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let target = match args.first() {
        Some(Obj::Str(s)) => s.to_string(),
        Some(other) => match expression::as_sql(py, other)? {
            Some(Sql::Column { table, name, .. }) => format!("{table}.{name}"),
            _ => return py.error("TypeError", "ForeignKey() needs 'table.column'"),
        },
        None => return py.error("TypeError", "ForeignKey() missing 1 required positional argument: 'column'"),
    };
    Ok(native(ForeignKeyObj { target, name: optional_text(&kwargs, "name"), ondelete: optional_text(&kwargs, "ondelete"), onupdate: optional_text(&kwargs, "onupdate") }))
}
