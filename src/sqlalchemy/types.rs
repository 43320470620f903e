//! Column types as Python sees them: `Integer` (a class) and `Integer()`, `String(50)` … Both
//! spellings stand for a [`SqlType`], which the DDL and autogenerate read.

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::schema::SqlType;

use super::convert::{kwarg, native};

/// The type classes the module exports, by name.
pub const TYPE_NAMES: &[&str] = &[
    "Integer", "BigInteger", "SmallInteger", "String", "Text", "Boolean", "Float", "Double", "Numeric", "Date", "DateTime",
    "Time", "LargeBinary", "JSON", "Uuid", "Enum", "Unicode", "UnicodeText", "VARCHAR", "INTEGER", "TEXT", "BIGINT", "SMALLINT",
    "BOOLEAN", "FLOAT", "DOUBLE", "NUMERIC", "DATE", "DATETIME", "TIME", "BLOB", "CHAR", "NVARCHAR", "NCHAR", "CLOB", "REAL",
    "DECIMAL", "TIMESTAMP",
];

/// `String`, uncalled: a type class.
pub struct TypeClass(pub &'static str);

/// `String(50)`: a type instance.
pub struct TypeObj(pub SqlType);

impl TypeClass {
    fn instantiate(&self, py: &mut Interpreter, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<SqlType> {
        let int_arg = |at: usize, name: &str| -> Option<u32> {
            match args.get(at).or_else(|| kwarg(kwargs, name)) {
                Some(Obj::Int(n)) if *n >= 0 => u32::try_from(*n).ok(),
                _ => None,
            }
        };
        let numeric = || match (int_arg(0, "precision"), int_arg(1, "scale")) {
            (Some(p), Some(s)) => SqlType::Numeric(Some((p, s))),
            _ => SqlType::Numeric(None),
        };
        // The database's spellings (`INTEGER`, `CHAR(5)`, `REAL`): the generic type they are a
        // kind of, kept with the name, which reflection gives and autogenerate writes.
        let spelled = match self.0 {
            "INTEGER" => Some(SqlType::Integer),
            "BIGINT" => Some(SqlType::BigInteger),
            "SMALLINT" => Some(SqlType::SmallInteger),
            "VARCHAR" | "CHAR" | "NVARCHAR" | "NCHAR" => Some(SqlType::String(int_arg(0, "length"))),
            "TEXT" | "CLOB" => Some(SqlType::Text),
            "BOOLEAN" => Some(SqlType::Boolean),
            "FLOAT" | "REAL" => Some(SqlType::Float),
            "DOUBLE" => Some(SqlType::Double),
            "NUMERIC" | "DECIMAL" => Some(numeric()),
            "DATE" => Some(SqlType::Date),
            "DATETIME" | "TIMESTAMP" => Some(SqlType::DateTime),
            "TIME" => Some(SqlType::Time),
            "BLOB" => Some(SqlType::LargeBinary),
            _ => None,
        };
        if let Some(inner) = spelled {
            return Ok(SqlType::Upper(Box::new(inner), self.0));
        }
        Ok(match self.0 {
            "Integer" => SqlType::Integer,
            "BigInteger" => SqlType::BigInteger,
            "SmallInteger" => SqlType::SmallInteger,
            "String" | "Unicode" => SqlType::String(int_arg(0, "length")),
            "Text" | "UnicodeText" => SqlType::Text,
            "Boolean" => SqlType::Boolean,
            "Float" => SqlType::Float,
            "Double" => SqlType::Double,
            "Numeric" => numeric(),
            "Date" => SqlType::Date,
            "DateTime" => SqlType::DateTime,
            "Time" => SqlType::Time,
            "LargeBinary" => SqlType::LargeBinary,
            "JSON" => SqlType::Json,
            "Uuid" => SqlType::Uuid(match args.first().or_else(|| kwarg(kwargs, "as_uuid")) {
                Some(flag) => py.truthy(flag)?,
                None => true,
            }),
            "Enum" => {
                let mut values = Vec::new();
                let mut class_name = None;
                for arg in args {
                    match arg {
                        Obj::Str(s) => values.push(s.to_string()),
                        // A Python enum class: its members' names, and its name lowercased.
                        Obj::Class(class) if values.is_empty() && class_name.is_none() => {
                            let Some(names) = enum_member_names(py, arg)? else {
                                let shown = py.repr_of(arg)?;
                                return py.error("TypeError", format!("Enum values must be strings or a PEP-435 enum class, got {shown}"));
                            };
                            // `values_callable(cls)`: the strings the column stores, member by member.
                            values = match kwarg(kwargs, "values_callable") {
                                Some(callable) => {
                                    let given = py.call(callable.clone(), vec![arg.clone()], Vec::new())?;
                                    let mut strings = Vec::new();
                                    for item in py.iterate(&given)? {
                                        match item {
                                            Obj::Str(s) => strings.push(s.to_string()),
                                            other => {
                                                let shown = py.repr_of(&other)?;
                                                return py.error("TypeError", format!("Enum values must be strings, got {shown}"));
                                            }
                                        }
                                    }
                                    strings
                                }
                                None => names,
                            };
                            class_name = Some(class.name.to_lowercase());
                            remember_enum_class(py, &class_name, &values, arg);
                        }
                        other => {
                            let shown = py.repr_of(other)?;
                            return py.error("TypeError", format!("Enum values must be strings, got {shown}"));
                        }
                    }
                }
                let name = match kwarg(kwargs, "name") {
                    Some(Obj::Str(s)) => Some(s.to_string()),
                    Some(_) => None,
                    None => class_name,
                };
                SqlType::Enum { values, name }
            }
            other => return py.error("TypeError", format!("{other}() is not a type here")),
        })
    }
}

impl Native for TypeClass {
    fn type_name(&self) -> &str {
        "type"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("<class 'sqlalchemy.sql.sqltypes.{}'>", self.0))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok((name == "__name__").then(|| Obj::str(self.0)))
    }
    fn call(&self, py: &mut Interpreter, _this: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        Some(self.instantiate(py, &args, &kwargs).map(|t| native(TypeObj(t))))
    }
}

/// `Integer()`, `String(length=50)`, `Numeric(precision=10, scale=2)`, as SQLAlchemy's repr.
pub fn type_repr(sql_type: &SqlType) -> String {
    match sql_type {
        SqlType::Integer => "Integer()".into(),
        SqlType::BigInteger => "BigInteger()".into(),
        SqlType::SmallInteger => "SmallInteger()".into(),
        SqlType::String(None) => "String()".into(),
        SqlType::String(Some(n)) => format!("String(length={n})"),
        SqlType::Text => "Text()".into(),
        SqlType::Boolean => "Boolean()".into(),
        SqlType::Float => "Float()".into(),
        SqlType::Double => "Double()".into(),
        SqlType::Numeric(None) => "Numeric()".into(),
        SqlType::Numeric(Some((p, s))) => format!("Numeric(precision={p}, scale={s})"),
        SqlType::Date => "Date()".into(),
        SqlType::DateTime => "DateTime()".into(),
        SqlType::Time => "Time()".into(),
        SqlType::LargeBinary => "LargeBinary()".into(),
        SqlType::Json => "JSON()".into(),
        SqlType::Uuid(true) => "Uuid()".into(),
        SqlType::Uuid(false) => "Uuid(as_uuid=False)".into(),
        SqlType::Enum { values, name } => {
            let mut args: Vec<String> = values.iter().map(|v| crate::value::python_str_repr(v)).collect();
            if let Some(name) = name {
                args.push(format!("name={}", crate::value::python_str_repr(name)));
            }
            format!("Enum({})", args.join(", "))
        }
        SqlType::Named(name) if name == "NULL" => "NullType()".into(),
        SqlType::Named(name) => format!("{name}()"),
        SqlType::Upper(inner, spelled) => {
            let (generic, _) = inner.class_names();
            let repr = type_repr(inner);
            format!("{spelled}{}", repr.strip_prefix(generic).unwrap_or(&repr))
        }
    }
}

impl Native for TypeObj {
    fn type_name(&self) -> &str {
        "TypeEngine"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(type_repr(&self.0))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(crate::sql::type_ddl(&self.0))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match (name, &self.0) {
            ("length", SqlType::String(n)) => Some(n.map_or(Obj::None, |n| Obj::Int(i64::from(n)))),
            ("enums", SqlType::Enum { values, .. }) => Some(Obj::list(values.iter().map(|v| Obj::str(v)).collect())),
            ("name", SqlType::Enum { name, .. }) => Some(name.as_deref().map_or(Obj::None, Obj::str)),
            // A schema type's CREATE TYPE / DROP TYPE: SQLite has none, so nothing runs; a
            // missing connection (`op.get_bind()` under --sql) fails where SQLAlchemy reads it.
            // `String().with_variant(String(255), "mysql")`: another dialect's type; SQLite's
            // stays this one.
            ("with_variant", _) => Some(super::convert::method(this, name, |_, this, _, _| Ok(this.clone()))),
            ("create" | "drop", SqlType::Enum { .. }) => Some(super::convert::method(this, name, |py, _, args, kwargs| {
                let bind = args.first().or_else(|| kwarg(&kwargs, "bind")).cloned().unwrap_or(Obj::None);
                py.get_attr(&bind, "dialect")?;
                Ok(Obj::None)
            })),
            _ => None,
        })
    }
}

/// The key under which an `Enum` type's Python enum class is kept in the interpreter.
fn enum_key(name: &Option<String>, values: &[String]) -> String {
    format!("sqlalchemy.Enum:{}:{}", name.as_deref().unwrap_or(""), values.join(","))
}

fn remember_enum_class(py: &mut Interpreter, name: &Option<String>, values: &[String], class: &Obj) {
    py.native_state.insert(enum_key(name, values), class.clone());
}

/// The `Enum` type SQLAlchemy gives a Python enum class (`Mapped[Status]`, `Enum(Status)`): its
/// members' names, its name lowercased; the class is kept to give rows back as members.
pub fn enum_type_of(py: &mut Interpreter, class: &Obj) -> Res<Option<SqlType>> {
    let Obj::Class(c) = class else { return Ok(None) };
    let Some(values) = enum_member_names(py, class)? else { return Ok(None) };
    let name = Some(c.name.to_lowercase());
    remember_enum_class(py, &name, &values, class);
    Ok(Some(SqlType::Enum { values, name }))
}

/// A row's text in an `Enum` column of a Python enum class: the member of that name, or
/// SQLAlchemy's LookupError; `None` when the type has no enum class.
pub fn enum_member(py: &mut Interpreter, sql_type: &SqlType, text: &str) -> Res<Option<Obj>> {
    let SqlType::Enum { values, name } = sql_type else { return Ok(None) };
    let Some((class, names)) = enum_class_names(py, name, values)? else { return Ok(None) };
    // The member at the value's place (its name, unless `values_callable` gave other values).
    if let Some(member_name) = values.iter().position(|v| v == text).and_then(|i| names.get(i)) {
        let map = py.get_attr(&class, "_member_map_")?;
        return py.get_item(&map, Obj::str(member_name)).map(Some);
    }
    py.error(
        "LookupError",
        format!(
            "'{text}' is not among the defined enum values. Enum name: {}. Possible values: {}",
            name.as_deref().unwrap_or(""),
            values.join(", ")
        ),
    )
}

/// What an `Enum` column of a Python enum class stores for one of its members: the value at the
/// member's place — its name, unless `values_callable` gave others. None for another value.
pub fn enum_bind_value(py: &mut Interpreter, sql_type: &SqlType, member: &Obj) -> Res<Option<String>> {
    let SqlType::Enum { values, name } = sql_type else { return Ok(None) };
    let Some((class, names)) = enum_class_names(py, name, values)? else { return Ok(None) };
    let of_class = matches!((member, &class), (Obj::Instance(i), Obj::Class(c)) if std::rc::Rc::ptr_eq(&i.class, c));
    if !of_class {
        return Ok(None);
    }
    let Obj::Str(member_name) = py.get_attr(member, "_name_")? else { return Ok(None) };
    Ok(names.iter().position(|n| **n == *member_name).and_then(|i| values.get(i)).cloned())
}

/// The Python enum class an `Enum` type was made from, with its members' names — the n-th
/// name stands for the type's n-th value; None for a type of plain strings.
fn enum_class_names(py: &mut Interpreter, name: &Option<String>, values: &[String]) -> Res<Option<(Obj, Vec<String>)>> {
    let Some(class) = py.native_state.get(&enum_key(name, values)).cloned() else { return Ok(None) };
    let names = enum_member_names(py, &class)?.unwrap_or_default();
    Ok(Some((class, names)))
}

/// The member names of a Python enum class (its `__members__`), as SQLAlchemy's Enum takes them.
fn enum_member_names(py: &mut Interpreter, class: &Obj) -> Res<Option<Vec<String>>> {
    let Obj::Class(c) = class else { return Ok(None) };
    if !py.is_enum_class(c) {
        return Ok(None);
    }
    let members = py.get_attr(class, "__members__")?;
    Ok(Some(py.iterate(&members)?.iter().filter_map(|k| if let Obj::Str(s) = k { Some(s.to_string()) } else { None }).collect()))
}

/// The type a value stands for: a type class, a type instance; `None` for anything else.
pub fn sql_type_of(py: &mut Interpreter, value: &Obj) -> Res<Option<SqlType>> {
    if let Some(instance) = value.native::<TypeObj>() {
        return Ok(Some(instance.0.clone()));
    }
    if let Some(class) = value.native::<TypeClass>() {
        return class.instantiate(py, &[], &[]).map(Some);
    }
    Ok(None)
}
