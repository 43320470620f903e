//! The ORM's Python evaluation of a bulk UPDATE's or DELETE's WHERE and SET (SQLAlchemy's
//! `orm/evaluator.py`): with `synchronize_session="evaluate"` (the "auto" default when it can),
//! the session finds the objects the statement matched among those it holds, and gives them
//! the new values, without asking the database.

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::schema::SqlType;
use crate::value::Value;

use super::mapper::Mapper;
use crate::sqlalchemy::expression::{self, Sql};

/// What an expression is for one object.
pub enum Evaluated {
    Value(Obj),
    /// SQL's NULL: a comparison with it is neither true nor false.
    Null,
    /// An attribute the object does not have loaded: the object cannot be judged.
    Expired,
}

/// Why an expression cannot be evaluated in Python, in SQLAlchemy's words; `None` when it can.
pub fn unevaluable(sql: &Sql, mapper: &Mapper) -> Option<String> {
    match sql {
        Sql::Column { table, name, .. } => {
            (**table != *mapper.table_name || mapper.column_by_name(name).is_none()).then(|| format!("Cannot evaluate column: {table}.{name}"))
        }
        Sql::Bind(_) | Sql::Anonymous(_) | Sql::Null | Sql::True | Sql::False => None,
        Sql::Group(inner) | Sql::Not(inner) => unevaluable(inner, mapper),
        Sql::And(items) | Sql::Or(items) => items.iter().find_map(|i| unevaluable(i, mapper)),
        Sql::In { expr, items, .. } => unevaluable(expr, mapper).or_else(|| items.iter().find_map(|i| unevaluable(i, mapper))),
        Sql::Binary { left, op, right } => {
            if let Some(reason) = unevaluable(left, mapper).or_else(|| unevaluable(right, mapper)) {
                return Some(reason);
            }
            match *op {
                "=" | "!=" | "<" | "<=" | ">" | ">=" | "IS" | "IS NOT" => None,
                // Arithmetic only on numbers, `||` only on strings, as SQLAlchemy checks the types.
                "+" | "-" | "*" | "/" | "%" if numeric(left) && numeric(right) => None,
                "||" if expression::is_text(left) && expression::is_text(right) => None,
                other => Some(format!("Cannot evaluate BinaryExpression with operator <function {} at {:#x}>", operator_name(other), operator_address(other))),
            }
        }
        // startswith / endswith are evaluated; contains is not.
        Sql::Pattern { expr, pattern, before, after, negated, lowered } => {
            if let Some(reason) = unevaluable(expr, mapper).or_else(|| unevaluable(pattern, mapper)) {
                return Some(reason);
            }
            let name = match (before, after, negated, lowered) {
                (false, true, false, false) | (true, false, false, false) => return None,
                (false, true, true, false) => "not_startswith_op",
                (true, false, true, false) => "not_endswith_op",
                (_, _, false, false) => "contains_op",
                (_, _, true, false) => "not_contains_op",
                (false, true, false, true) => "istartswith_op",
                (true, false, false, true) => "iendswith_op",
                (false, true, true, true) => "not_istartswith_op",
                (true, false, true, true) => "not_iendswith_op",
                (_, _, false, true) => "icontains_op",
                (_, _, true, true) => "not_icontains_op",
            };
            Some(format!("Cannot evaluate BinaryExpression with operator <function {name} at {:#x}>", operator_address(name)))
        }
        Sql::Func { .. } => Some("Cannot evaluate Function".into()),
        Sql::Label { expr, .. } | Sql::Proxy { expr, .. } => unevaluable(expr, mapper),
        Sql::Between { .. } => Some("Cannot evaluate Between".into()),
        Sql::Case { .. } => Some("Cannot evaluate Case".into()),
        Sql::Cast { .. } => Some("Cannot evaluate Cast".into()),
        Sql::Subquery(_) | Sql::Exists(_) => Some("Cannot evaluate Select".into()),
        _ => Some("Cannot evaluate UnaryExpression".into()),
    }
}

/// SQLAlchemy's name for an operator's function, as its message shows it.
fn operator_name(op: &str) -> &'static str {
    match op {
        "LIKE" => "like_op",
        "NOT LIKE" => "not_like_op",
        "+" => "add",
        "-" => "sub",
        "*" => "mul",
        "/" => "truediv",
        "//" => "floordiv",
        "%" => "mod",
        "||" => "concat_op",
        _ => "custom_op",
    }
}

/// A stable stand-in for where the operator's function lives, so the message reads as Python's.
fn operator_address(name: &str) -> u64 {
    0x7f00_0000_0000 + name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))) % 0x00ff_ffff * 16
}

/// A number column or value, as SQLAlchemy's evaluator requires of arithmetic.
fn numeric(sql: &Sql) -> bool {
    sql.sql_type().is_some_and(|t| expression::is_integer(t) || expression::is_numeric(t))
}

/// A bound number in arithmetic: an integer stays one; a float next to a `Numeric` column is
/// the `Decimal` of its digits (what the learner wrote, `Decimal("1.5")`; Python's `Decimal *
/// float` would be a TypeError).
fn arithmetic_operand(py: &mut Interpreter, value: &Value, other: &Sql) -> Res<Evaluated> {
    Ok(match value {
        Value::Null => Evaluated::Null,
        Value::Real(f) if matches!(other.sql_type().map(SqlType::base), Some(SqlType::Numeric(_))) => {
            let module = py.import("decimal")?;
            let class = py.get_attr(&module, "Decimal")?;
            let digits = py.repr_of(&Obj::Float(*f))?;
            Evaluated::Value(py.call(class, vec![Obj::str(&digits)], Vec::new())?)
        }
        other => Evaluated::Value(crate::sqlalchemy::convert::from_value(other, None)),
    })
}

/// `sql` for one object (which `unevaluable` has passed), its columns read from the object's
/// loaded attributes.
pub fn evaluate(py: &mut Interpreter, sql: &Sql, mapper: &Mapper, instance: &Obj) -> Res<Evaluated> {
    evaluate_as(py, sql, mapper, instance, None)
}

/// `as_type`: the type a bound value takes from the column it is compared with (a date's text
/// read back as a `date`), as SQLAlchemy's evaluator compares the Python values themselves.
fn evaluate_as(py: &mut Interpreter, sql: &Sql, mapper: &Mapper, instance: &Obj, as_type: Option<&SqlType>) -> Res<Evaluated> {
    use Evaluated::*;
    Ok(match sql {
        Sql::Column { name, .. } => {
            let Some(column) = mapper.column_by_name(name) else { return Ok(Expired) };
            let Obj::Instance(inst) = instance else { return Ok(Expired) };
            let value = inst.attrs.borrow().get_str(&column.attr).cloned();
            match value {
                None => Expired,
                Some(Obj::None) => Null,
                Some(value) => Value(value),
            }
        }
        Sql::Bind(crate::value::Value::Null) | Sql::Anonymous(crate::value::Value::Null) | Sql::Null => Null,
        Sql::Bind(value) | Sql::Anonymous(value) => Value(crate::sqlalchemy::convert::from_value_typed(py, value, as_type)?),
        Sql::True => Value(Obj::Bool(true)),
        Sql::False => Value(Obj::Bool(false)),
        Sql::Group(inner) | Sql::Label { expr: inner, .. } | Sql::Proxy { expr: inner, .. } => evaluate_as(py, inner, mapper, instance, as_type)?,
        Sql::Not(inner) => match evaluate(py, inner, mapper, instance)? {
            Value(v) => Value(Obj::Bool(!py.truthy(&v)?)),
            other => other,
        },
        Sql::And(items) | Sql::Or(items) => {
            let and = matches!(sql, Sql::And(_));
            let mut has_null = false;
            for item in items {
                match evaluate(py, item, mapper, instance)? {
                    Expired => return Ok(Expired),
                    Null if and => return Ok(Null),
                    Null => has_null = true,
                    Value(v) => {
                        let truth = py.truthy(&v)?;
                        if and && !truth {
                            return Ok(Value(Obj::Bool(false)));
                        }
                        if !and && truth {
                            return Ok(Value(Obj::Bool(true)));
                        }
                    }
                }
            }
            if has_null { Null } else { Value(Obj::Bool(and)) }
        }
        Sql::Binary { left, op, right } => {
            // A value compared with a column reads as that column's Python type (a date's text as
            // a date); in arithmetic it stays the number it was (Decimal('2.50') * 2 is 5.00).
            let arithmetic = matches!(*op, "+" | "-" | "*" | "/" | "%" | "||");
            let side = |py: &mut Interpreter, this: &Sql, other: &Sql| match this {
                Sql::Bind(value) if arithmetic => arithmetic_operand(py, value, other),
                _ => evaluate_as(py, this, mapper, instance, other.sql_type()),
            };
            let (l, r) = (side(py, left, right)?, side(py, right, left)?);
            match (l, r) {
                (Expired, _) | (_, Expired) => Expired,
                // IS / IS NOT compare NULL too.
                (a, b) if matches!(*op, "IS" | "IS NOT") => {
                    let same = match (a, b) {
                        (Null, Null) => true,
                        (Value(a), Value(b)) => py.compare("==", &a, &b)?,
                        _ => false,
                    };
                    Value(Obj::Bool(same == (*op == "IS")))
                }
                (Null, _) | (_, Null) => Null,
                (Value(a), Value(b)) => match *op {
                    "=" => Value(Obj::Bool(py.compare("==", &a, &b)?)),
                    "!=" | "<" | "<=" | ">" | ">=" => Value(Obj::Bool(py.compare(op, &a, &b)?)),
                    "||" => Value(py.binary("+", a, b)?),
                    arithmetic => Value(py.binary(arithmetic, a, b)?),
                },
            }
        }
        Sql::In { expr, items, negated } => {
            let item = match evaluate(py, expr, mapper, instance)? {
                Value(v) => v,
                other => return Ok(other),
            };
            let mut values = Vec::with_capacity(items.len());
            for each in items {
                match evaluate_as(py, each, mapper, instance, expr.sql_type())? {
                    Value(v) => values.push(v),
                    Null => values.push(Obj::None),
                    Expired => return Ok(Expired),
                }
            }
            let found = py.contains(&Obj::tuple(values), &item)?;
            Value(Obj::Bool(found != *negated))
        }
        Sql::Pattern { expr, pattern, before, .. } => {
            let (a, b) = (evaluate(py, expr, mapper, instance)?, evaluate(py, pattern, mapper, instance)?);
            match (a, b) {
                (Expired, _) | (_, Expired) => Expired,
                (Value(a), Value(b)) => {
                    let method = py.get_attr(&a, if *before { "endswith" } else { "startswith" })?;
                    Value(py.call(method, vec![b], Vec::new())?)
                }
                _ => Null,
            }
        }
        _ => Expired,
    })
}
