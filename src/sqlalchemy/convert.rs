//! Between Python values and SQLite's: bound parameters going in, row values coming out as the
//! column's type reads them, and the small helpers every native call needs for its arguments.

use std::rc::Rc;

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Never, Res};
use crate::schema::SqlType;
use crate::value::Value;

/// A Python value bound as a parameter, as SQLAlchemy's SQLite types and `sqlite3` convert it.
pub fn to_value(py: &mut Interpreter, value: &Obj) -> Res<Value> {
    Ok(match value {
        Obj::None => Value::Null,
        Obj::Bool(b) => Value::Integer(i64::from(*b)),
        Obj::Int(i) => Value::Integer(*i),
        Obj::Float(f) => Value::Real(*f),
        Obj::Str(s) => Value::Text(s.to_string()),
        Obj::Bytes(b) => Value::Blob(b.to_vec()),
        other => {
            // date, datetime and time are stored as their ISO text, as SQLAlchemy's SQLite types do.
            let type_name = other.type_name();
            if matches!(type_name.as_str(), "datetime" | "date" | "time") {
                let text = py.str_of(other)?;
                let text = if type_name != "date" && !text.contains('.') { format!("{text}.000000") } else { text };
                return Ok(Value::Text(text));
            }
            // A Python enum member: an IntEnum's or StrEnum's value (they are ints and strs in
            // CPython), any other member's name (what an Enum column of its class stores).
            if let (Obj::Instance(instance), true) = (other, py.is_enum_member(other)) {
                let is = |name: &str| instance.class.mro.borrow().iter().any(|c| c.name.as_ref() == name);
                let attr = if is("IntEnum") || is("StrEnum") { "_value_" } else { "_name_" };
                let inner = py.get_attr(other, attr)?;
                return to_value(py, &inner);
            }
            // A subclass of str, int or float binds as its value, as sqlite3 takes it.
            if let Obj::Instance(instance) = other {
                if let Some(inner) = &instance.value {
                    return to_value(py, &inner.clone());
                }
            }
            if type_name == "Decimal" {
                // SQLite has no decimal type: pysqlite binds it as a float.
                let float = py.call(Obj::Builtin("float"), vec![other.clone()], Vec::new())?;
                return to_value(py, &float);
            }
            return raise(py, "sqlalchemy.exc", "InterfaceError", &format!("(sqlite3.ProgrammingError) Error binding parameter - type '{type_name}' is not supported"));
        }
    })
}

/// A value bound for a column of `sql_type`, as SQLAlchemy's type and then `sqlite3` bind it: an
/// enum member is what an `Enum` column stores (its name, or what `values_callable` gave for it),
/// and a `str` or `int` enum's value for another column; anything else as `to_value`.
pub fn to_value_as(py: &mut Interpreter, value: &Obj, sql_type: Option<&SqlType>) -> Res<Value> {
    // A `Uuid` column's value goes as 32 hex digits: a `uuid.UUID`'s `.hex`, a string without
    // its dashes.
    if let (Some(SqlType::Uuid(as_uuid)), false) = (sql_type.map(SqlType::base), matches!(value, Obj::None)) {
        let hex = if *as_uuid {
            py.get_attr(value, "hex")?
        } else {
            let replace = py.get_attr(value, "replace")?;
            py.call(replace, vec![Obj::str("-"), Obj::str("")], Vec::new())?
        };
        return to_value(py, &hex);
    }
    // A `JSON` column's value goes as its `json.dumps()` text, None as `'null'` (SQLAlchemy's
    // `none_as_null=False`).
    if matches!(sql_type.map(SqlType::base), Some(SqlType::Json)) {
        let module = py.import("json")?;
        let dumps = py.get_attr(&module, "dumps")?;
        let text = py.call(dumps, vec![value.clone()], Vec::new())?;
        return to_value(py, &text);
    }
    if let (Obj::Instance(instance), Some(sql_type)) = (value, sql_type) {
        if py.is_enum_member(value) {
            match sql_type.base() {
                enum_type @ SqlType::Enum { .. } => {
                    if let Some(text) = super::types::enum_bind_value(py, enum_type, value)? {
                        return Ok(Value::Text(text));
                    }
                }
                _ => {
                    if let Some(inner) = &instance.value {
                        return to_value(py, &inner.clone());
                    }
                }
            }
        }
    }
    to_value(py, value)
}

/// A value read from a row, as the column's type gives it to Python (`Boolean` → `True`).
pub fn from_value(value: &Value, sql_type: Option<&SqlType>) -> Obj {
    match (value, sql_type.map(SqlType::base)) {
        (Value::Null, _) => Obj::None,
        (Value::Integer(i), Some(SqlType::Boolean)) => Obj::Bool(*i != 0),
        (Value::Integer(i), Some(SqlType::Float | SqlType::Double | SqlType::Numeric(_))) => Obj::Float(*i as f64),
        (Value::Integer(i), _) => Obj::Int(*i),
        (Value::Real(f), _) => Obj::Float(*f),
        (Value::Text(s), _) => Obj::Str(Rc::from(s.as_str())),
        (Value::Blob(b), _) => Obj::Bytes(Rc::from(b.as_slice())),
    }
}

/// A value read from a row as the column's type gives it to Python, including the types whose
/// values are Python objects: `Date`, `DateTime` and `Time` (SQLite keeps their ISO text) and
/// `Numeric` (a `Decimal`, to the column's scale, or 10 places without one).
pub fn from_value_typed(py: &mut Interpreter, value: &Value, sql_type: Option<&SqlType>) -> Res<Obj> {
    let parse = |py: &mut Interpreter, class: &str, text: &str| -> Res<Obj> {
        let module = py.import("datetime")?;
        let class = py.get_attr(&module, class)?;
        let method = py.get_attr(&class, "fromisoformat")?;
        py.call(method, vec![Obj::str(text)], Vec::new())
    };
    match (value, sql_type.map(SqlType::base)) {
        (Value::Text(text), Some(enum_type @ SqlType::Enum { .. })) => match super::types::enum_member(py, enum_type, text)? {
            Some(member) => Ok(member),
            None => Ok(from_value(value, sql_type)),
        },
        (Value::Text(text), Some(SqlType::Json)) => {
            let module = py.import("json")?;
            let loads = py.get_attr(&module, "loads")?;
            py.call(loads, vec![Obj::str(text)], Vec::new())
        }
        (Value::Text(text), Some(SqlType::Uuid(as_uuid))) => {
            let module = py.import("uuid")?;
            let class = py.get_attr(&module, "UUID")?;
            let uuid = py.call(class, vec![Obj::str(text)], Vec::new())?;
            if *as_uuid {
                Ok(uuid)
            } else {
                Ok(Obj::str(&py.str_of(&uuid)?))
            }
        }
        (Value::Text(text), Some(SqlType::Date)) => parse(py, "date", text),
        (Value::Text(text), Some(SqlType::DateTime)) => parse(py, "datetime", text),
        (Value::Text(text), Some(SqlType::Time)) => parse(py, "time", text),
        (Value::Integer(_) | Value::Real(_), Some(SqlType::Numeric(scale))) => {
            let number = match value {
                Value::Integer(i) => *i as f64,
                Value::Real(f) => *f,
                _ => 0.0,
            };
            let places = scale.map_or(10, |(_, s)| s as usize);
            let module = py.import("decimal")?;
            let class = py.get_attr(&module, "Decimal")?;
            py.call(class, vec![Obj::str(&crate::interp::fixed(number, places))], Vec::new())
        }
        _ => Ok(from_value(value, sql_type)),
    }
}

/// Python's `repr` of the parameters tuple, as the echo log prints it: `('John Doe',)`, `(1, 1, 0)`.
pub fn params_repr(values: &[Value]) -> String {
    // SQLAlchemy's log shows at most 100 parameters (the first and last 50), each repr at most
    // 300 characters (the first and last 150).
    const MAX_PARAMS: usize = 100;
    // A bytes value goes to sqlite3 as the `memoryview` SQLAlchemy's LargeBinary makes of it.
    let shown = |v: &Value| match v {
        Value::Blob(bytes) => format!("<memory at {:#x}>", bytes.as_ptr() as usize),
        other => truncated_repr(&other.python_repr(), 300),
    };
    if values.len() > MAX_PARAMS {
        let half = MAX_PARAMS / 2;
        let first: Vec<String> = values[..half].iter().map(shown).collect();
        let last: Vec<String> = values[values.len() - half..].iter().map(shown).collect();
        return format!("({} ... {} parameters truncated ... {})", first.join(", "), values.len() - MAX_PARAMS, last.join(", "));
    }
    let items: Vec<String> = values.iter().map(shown).collect();
    match items.len() {
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

/// A repr longer than `max` characters as SQLAlchemy's log cuts it: both ends, and how much
/// was left out between them.
pub fn truncated_repr(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let half = max / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(count - half).collect();
    format!("{head} ... ({} characters truncated) ... {tail}", count - max)
}

/// A long "insertmanyvalues" statement as SQLAlchemy logs it: past 500 characters, the first 250
/// and the last 100 with the count of those between.
pub fn long_statement(sql: &str) -> String {
    let count = sql.chars().count();
    if count <= 500 {
        return sql.to_string();
    }
    let head: String = sql.chars().take(250).collect();
    let tail: String = sql.chars().skip(count - 100).collect();
    format!("{head} ... {} characters truncated ... {tail}", count - 350)
}

/// A keyword argument by name.
pub fn kwarg<'a>(kwargs: &'a [(String, Obj)], name: &str) -> Option<&'a Obj> {
    kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// A keyword argument's truth (`primary_key=True`), `None` when not given.
pub fn flag(py: &mut Interpreter, kwargs: &[(String, Obj)], name: &str) -> Res<Option<bool>> {
    match kwarg(kwargs, name) {
        Some(value) => Ok(Some(py.truthy(value)?)),
        None => Ok(None),
    }
}

/// A string argument.
pub fn text_arg(py: &mut Interpreter, value: &Obj, what: &str) -> Res<String> {
    match value {
        Obj::Str(s) => Ok(s.to_string()),
        other => py.error("TypeError", format!("{what} must be a string, not {}", other.type_name())),
    }
}

/// Raises `module.class(message)`, a library exception defined in Python (sqlalchemy/exc.py).
pub fn raise<T>(py: &mut Interpreter, module: &str, class: &str, message: &str) -> Res<T> {
    raise_library(py, module, class, message).map(|never| match never {})
}

#[inline(never)]
fn raise_library(py: &mut Interpreter, module: &str, class: &str, message: &str) -> Res<Never> {
    let module = py.import(module)?;
    let class = py.get_attr(&module, class)?;
    let value = py.call(class, vec![Obj::str(message)], Vec::new())?;
    py.raise(value)
}

/// A column's `default=` or `onupdate=` for one row, as SQLAlchemy applies it: a SQL expression
/// (`func.now()`) goes into the statement as it is; a callable is called, once per row; any other
/// value is the value.
pub fn column_default(py: &mut Interpreter, default: &Obj) -> Res<Obj> {
    if default.native::<super::expression::ExprObj>().is_some() {
        return Ok(default.clone());
    }
    match default {
        Obj::Function(_) | Obj::Builtin(_) | Obj::Native(_) | Obj::Class(_) | Obj::Method(..) => py.call(default.clone(), Vec::new(), Vec::new()),
        other => Ok(other.clone()),
    }
}

/// A native value as an `Obj`.
pub fn native<T: crate::interp::native::Native + 'static>(value: T) -> Obj {
    Obj::Native(Rc::new(value))
}

/// A native function taking no `self`.
pub fn function(name: &str, run: impl Fn(&mut Interpreter, Vec<Obj>, Vec<(String, Obj)>) -> Res<Obj> + 'static) -> Obj {
    crate::interp::native::NativeFunction::function(name, run)
}

/// A method of a native value: `this.name(...)` with `this` captured.
pub fn method(this: &Obj, name: &str, run: impl Fn(&mut Interpreter, &Obj, Vec<Obj>, Vec<(String, Obj)>) -> Res<Obj> + 'static) -> Obj {
    let this = this.clone();
    function(name, move |py, args, kwargs| run(py, &this, args, kwargs))
}

/// Seconds as Python's `%.4g` writes them (`0.002874`, `0.0024`, `1.663e-05`).
pub fn four_significant(seconds: f64) -> String {
    if seconds <= 0.0 || !seconds.is_finite() {
        return "0".to_string();
    }
    let exponent = seconds.log10().floor() as i32;
    if !(-4..4).contains(&exponent) {
        let mantissa = seconds / 10f64.powi(exponent);
        let mut text = crate::interp::fixed(mantissa, 3);
        trim_zeros(&mut text);
        return format!("{text}e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.abs());
    }
    let decimals = (3 - exponent).max(0) as usize;
    let mut text = crate::interp::fixed(seconds, decimals);
    trim_zeros(&mut text);
    text
}

fn trim_zeros(text: &mut String) {
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
}

/// `op.f("ix_users_email")` (SQLAlchemy's `conv`, a `str` subclass): a name already final, which
/// naming conventions leave alone, and which names a constraint wherever a string does.
pub struct Conv(pub String);

impl crate::interp::native::Native for Conv {
    fn type_name(&self) -> &str {
        "conv"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(crate::migrate::render::py_str(&self.0))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_read_as_python_percent_g() {
        assert_eq!(four_significant(0.002874), "0.002874");
        assert_eq!(four_significant(0.0024), "0.0024");
        assert_eq!(four_significant(0.00055341), "0.0005534");
        assert_eq!(four_significant(0.0000166312), "1.663e-05");
        assert_eq!(four_significant(12.5), "12.5");
    }

    #[test]
    fn parameters_print_as_a_python_tuple() {
        assert_eq!(params_repr(&[Value::Text("John Doe".into())]), "('John Doe',)");
        assert_eq!(params_repr(&[Value::Integer(1), Value::Integer(1), Value::Integer(0)]), "(1, 1, 0)");
        assert_eq!(params_repr(&[]), "()");
    }
}
