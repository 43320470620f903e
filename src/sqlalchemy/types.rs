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
    "Time", "LargeBinary", "JSON", "Enum", "Unicode", "UnicodeText", "VARCHAR", "INTEGER", "TEXT",
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
        Ok(match self.0 {
            "Integer" => SqlType::Integer,
            "INTEGER" => SqlType::Upper(Box::new(SqlType::Integer)),
            "BigInteger" => SqlType::BigInteger,
            "SmallInteger" => SqlType::SmallInteger,
            "String" | "Unicode" => SqlType::String(int_arg(0, "length")),
            "VARCHAR" => SqlType::Upper(Box::new(SqlType::String(int_arg(0, "length")))),
            "Text" | "UnicodeText" => SqlType::Text,
            "TEXT" => SqlType::Upper(Box::new(SqlType::Text)),
            "Boolean" => SqlType::Boolean,
            "Float" => SqlType::Float,
            "Double" => SqlType::Double,
            "Numeric" => match (int_arg(0, "precision"), int_arg(1, "scale")) {
                (Some(p), Some(s)) => SqlType::Numeric(Some((p, s))),
                _ => SqlType::Numeric(None),
            },
            "Date" => SqlType::Date,
            "DateTime" => SqlType::DateTime,
            "Time" => SqlType::Time,
            "LargeBinary" => SqlType::LargeBinary,
            "JSON" => SqlType::Json,
            "Enum" => {
                let mut values = Vec::new();
                for arg in args {
                    match arg {
                        Obj::Str(s) => values.push(s.to_string()),
                        Obj::Class(_) => return py.stop_not_available("Enum of a Python enum class (the lab's Python has no enum module; list the values as strings)"),
                        other => {
                            let shown = py.repr_of(other)?;
                            return py.error("TypeError", format!("Enum values must be strings, got {shown}"));
                        }
                    }
                }
                let name = match kwarg(kwargs, "name") {
                    Some(Obj::Str(s)) => Some(s.to_string()),
                    _ => None,
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
        SqlType::Enum { values, name } => {
            let mut args: Vec<String> = values.iter().map(|v| crate::value::python_str_repr(v)).collect();
            if let Some(name) = name {
                args.push(format!("name={}", crate::value::python_str_repr(name)));
            }
            format!("Enum({})", args.join(", "))
        }
        SqlType::Named(name) => format!("{name}()"),
        SqlType::Upper(inner) => type_repr(inner).replace("String", "VARCHAR").replace("Integer", "INTEGER").replace("Text", "TEXT"),
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
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match (name, &self.0) {
            ("length", SqlType::String(n)) => Some(n.map_or(Obj::None, |n| Obj::Int(i64::from(n)))),
            _ => None,
        })
    }
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

/// The type SQLAlchemy's declarative mapping gives a Python type in `Mapped[...]`.
pub fn type_for_python(py: &mut Interpreter, annotation: &Obj) -> Res<Option<SqlType>> {
    let name = match annotation {
        Obj::Class(class) => class.name.to_string(),
        Obj::Builtin(name) => name.to_string(),
        other => match py.get_attr(other, "__name__") {
            Ok(Obj::Str(name)) => name.to_string(),
            _ => return Ok(None),
        },
    };
    Ok(match name.as_str() {
        "int" => Some(SqlType::Integer),
        "str" => Some(SqlType::String(None)),
        "float" => Some(SqlType::Double),
        "bool" => Some(SqlType::Boolean),
        "bytes" => Some(SqlType::LargeBinary),
        "datetime" => Some(SqlType::DateTime),
        "date" => Some(SqlType::Date),
        "time" => Some(SqlType::Time),
        "Decimal" => Some(SqlType::Numeric(None)),
        "dict" | "list" => Some(SqlType::Json),
        _ => None,
    })
}
