//! `fullname: Mapped[str] = column_property(firstname + " " + lastname)`: a SQL expression mapped
//! as an attribute. Every SELECT of its class selects it (before the columns, `… AS anon_1`),
//! the object takes its value from the row, a flush that writes the object expires it and
//! reading it then selects it again; with `deferred=True` it is selected only when read.

use std::rc::{Rc, Weak};

use crate::interp::native::Native;
use crate::interp::object::{identity, Obj};
use crate::interp::{Interpreter, Res};

use super::super::convert::{flag, native, raise};
use super::super::expression::{self, Sql, UNBOUND};
use super::super::schema::{ColumnObj, Deferral};
use super::mapper::{state_of, Mapper};

/// A mapped expression of a class.
#[derive(Clone)]
pub struct ExpressionProperty {
    pub attr: String,
    pub sql: Sql,
    pub deferred: bool,
    /// Added to the class after its class statement: selected after the columns.
    pub trailing: bool,
}

/// What `column_property(expr)` gives in a class body.
pub struct ColumnPropertyObj {
    sql: Sql,
    deferred: bool,
}

impl Native for ColumnPropertyObj {
    fn type_name(&self) -> &str {
        "MappedSQLExpression"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<MappedSQLExpression at {:#x}; no key>", identity(this)))
    }
}

/// `column_property(expr, deferred=False)`; of a `Column`, that column (deferred if asked).
pub fn column_property(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| !matches!(k.as_str(), "deferred" | "doc" | "info")) {
        return py.stop_not_available(&format!("column_property({other}=...)"));
    }
    let deferred = flag(py, &kwargs, "deferred")?.unwrap_or(false);
    let [arg] = args.as_slice() else { return py.stop_not_available("column_property() of several columns") };
    if let Some(column) = arg.native::<ColumnObj>() {
        let mut spec = column.0.borrow().clone();
        if deferred {
            spec.deferred = Some(Deferral { group: None, raiseload: false });
        }
        return Ok(native(ColumnObj::mapped(spec)));
    }
    match expression::as_sql(py, arg)? {
        Some(sql) => Ok(native(ColumnPropertyObj { sql, deferred })),
        None => {
            let shown = py.repr_of(arg)?;
            raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Column expression, FROM clause, or other columns clause element expected, got {shown}."))
        }
    }
}

/// `deferred(Column(Text), group=None, raiseload=False)`: the legacy spelling of a deferred
/// column (or expression).
pub fn deferred(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| !matches!(k.as_str(), "group" | "raiseload" | "doc" | "info")) {
        return py.stop_not_available(&format!("deferred({other}=...)"));
    }
    let raiseload = flag(py, &kwargs, "raiseload")?.unwrap_or(false);
    let group = match kwargs.iter().find(|(k, _)| k == "group").map(|(_, v)| v) {
        Some(Obj::Str(name)) => Some(name.to_string()),
        _ => None,
    };
    let [arg] = args.as_slice() else { return py.stop_not_available("deferred() of several columns") };
    if let Some(column) = arg.native::<ColumnObj>() {
        let mut spec = column.0.borrow().clone();
        spec.deferred = Some(Deferral { group, raiseload });
        return Ok(native(ColumnObj::mapped(spec)));
    }
    if group.is_some() || raiseload {
        return py.stop_not_available("deferred() of an expression with group= or raiseload=");
    }
    column_property(py, args, vec![("deferred".into(), Obj::Bool(true))])
}

/// The expression of a class body's column before it is mapped: named by the column object.
pub fn unbound(column: &ColumnObj, sql_type: Option<crate::schema::SqlType>) -> Sql {
    Sql::Column { table: Rc::from(UNBOUND), name: Rc::from(format!("{:x}", column as *const ColumnObj as usize)), sql_type }
}

/// The name `unbound` gives the column object `value` (a class body's `mapped_column`).
pub fn unbound_name(value: &Obj) -> Option<String> {
    value.native::<ColumnObj>().map(|c| format!("{:x}", c as *const ColumnObj as usize))
}

/// The class body's `column_property()`s, their expressions with the class's columns in place
/// (`columns`: each unbound name with its table's column). A parameter beside such a column
/// keeps the name it had when the expression was made (`:param_1`).
pub fn properties(py: &mut Interpreter, own: &[(String, Obj)], columns: &[(String, Sql)]) -> Res<Vec<ExpressionProperty>> {
    let mut out = Vec::new();
    for (attr, value) in own {
        let Some(property) = value.native::<ColumnPropertyObj>() else { continue };
        let sql = resolve(&property.sql, columns);
        if expression::display(&sql).contains("<name unknown>") {
            return py.stop_not_available("column_property() of a subquery that uses its own class's columns (select the columns through the class after it is mapped)");
        }
        out.push(ExpressionProperty { attr: attr.clone(), sql, deferred: property.deferred, trailing: false });
    }
    Ok(out)
}

fn is_unbound(sql: &Sql) -> bool {
    matches!(sql, Sql::Column { table, .. } if &**table == UNBOUND)
}

fn resolve(sql: &Sql, columns: &[(String, Sql)]) -> Sql {
    let again = |inner: &Sql| Box::new(resolve(inner, columns));
    let all = |items: &[Sql]| items.iter().map(|i| resolve(i, columns)).collect::<Vec<_>>();
    match sql {
        Sql::Column { table, name, .. } if &**table == UNBOUND => columns.iter().find(|(n, _)| **n == **name).map_or_else(|| sql.clone(), |(_, real)| real.clone()),
        Sql::Binary { left, op, right } => {
            let named = |side: &Sql, other: &Sql| match side {
                Sql::Bind(value) if is_unbound(other) => Sql::Anonymous(value.clone()),
                _ => resolve(side, columns),
            };
            Sql::Binary { left: Box::new(named(left, right)), op, right: Box::new(named(right, left)) }
        }
        Sql::In { expr, items, negated } => Sql::In { expr: again(expr), items: all(items), negated: *negated },
        Sql::Pattern { expr, pattern, before, after, negated, lowered } => Sql::Pattern { expr: again(expr), pattern: again(pattern), before: *before, after: *after, negated: *negated, lowered: *lowered },
        Sql::Between { expr, low, high } => Sql::Between { expr: again(expr), low: again(low), high: again(high) },
        Sql::And(items) => Sql::And(all(items)),
        Sql::Or(items) => Sql::Or(all(items)),
        Sql::Not(inner) => Sql::Not(again(inner)),
        Sql::Func { name, args } => Sql::Func { name: name.clone(), args: all(args) },
        Sql::Label { expr, name } => Sql::Label { expr: again(expr), name: name.clone() },
        Sql::Distinct(inner) => Sql::Distinct(again(inner)),
        Sql::Group(inner) => Sql::Group(again(inner)),
        Sql::Neg(inner) => Sql::Neg(again(inner)),
        Sql::Cast { expr, to } => Sql::Cast { expr: again(expr), to: to.clone() },
        Sql::Case { value, whens, otherwise } => Sql::Case {
            value: value.as_ref().map(|v| again(v)),
            whens: whens.iter().map(|(w, t)| (resolve(w, columns), resolve(t, columns))).collect(),
            otherwise: otherwise.as_ref().map(|o| again(o)),
        },
        Sql::Subquery(select) => Sql::Subquery(Rc::new(resolve_select(select, columns))),
        Sql::Exists(select) => Sql::Exists(Rc::new(resolve_select(select, columns))),
        other => other.clone(),
    }
}

/// A subquery's clauses with the class's columns in place (`… WHERE address.user_id = id`).
fn resolve_select(select: &crate::sqlalchemy::statement::SelectState, columns: &[(String, Sql)]) -> crate::sqlalchemy::statement::SelectState {
    use crate::sqlalchemy::statement::Selected;
    let mut out = select.clone();
    let all = |items: &[Sql]| items.iter().map(|i| resolve(i, columns)).collect::<Vec<_>>();
    out.columns = select.columns.iter().map(|c| if let Selected::Column(sql) = c { Selected::Column(resolve(sql, columns)) } else { c.clone() }).collect();
    out.where_ = all(&select.where_);
    out.group_by = all(&select.group_by);
    out.having = all(&select.having);
    out.order_by = all(&select.order_by);
    out
}

/// `User.fullname`: the mapped expression, in SQL as what it stands for; on an object, its value.
pub struct ExpressionAttr {
    pub mapper: Weak<Mapper>,
    pub property: ExpressionProperty,
}

impl ExpressionAttr {
    fn class_name(&self) -> String {
        self.mapper.upgrade().map(|m| m.class_name.clone()).unwrap_or_default()
    }
}

impl Native for ExpressionAttr {
    fn type_name(&self) -> &str {
        "InstrumentedAttribute"
    }
    fn class_path(&self) -> &str {
        "sqlalchemy.orm.attributes.InstrumentedAttribute"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.attributes.InstrumentedAttribute object at {:#x}>", identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("{}.{}", self.class_name(), self.property.attr))
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        expression::binary(py, &self.property.sql, op, other, reflected)
    }
    fn unary(&self, py: &mut Interpreter, _this: &Obj, op: &str) -> Option<Res<Obj>> {
        expression::unary(py, &self.property.sql, op)
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        if name == "expression" {
            return Ok(Some(expression::expr(self.property.sql.clone())));
        }
        let as_expression = expression::expr(self.property.sql.clone());
        py.get_attr(&as_expression, name).map(Some)
    }
    fn descriptor_get(&self, py: &mut Interpreter, this: &Obj, instance: Option<&Obj>, _owner: &Obj) -> Option<Res<Obj>> {
        let Some(instance) = instance else { return Some(Ok(this.clone())) };
        Some(read(py, instance, &self.property))
    }
    fn descriptor_set(&self, _py: &mut Interpreter, _this: &Obj, instance: &Obj, value: Obj) -> Option<Res<()>> {
        if let Obj::Instance(inst) = instance {
            inst.attrs.borrow_mut().insert_str(&self.property.attr, value);
        }
        Some(Ok(()))
    }
}

/// An object's value of the expression: in its `__dict__`, else selected for a persistent
/// object (with the others its flush expired), else None.
fn read(py: &mut Interpreter, instance: &Obj, property: &ExpressionProperty) -> Res<Obj> {
    let Obj::Instance(inst) = instance else { return Ok(Obj::None) };
    if let Some(value) = inst.attrs.borrow().get_str(&property.attr).cloned() {
        return Ok(value);
    }
    let Some(state) = state_of(instance).filter(|s| s.key.borrow().is_some()) else { return Ok(Obj::None) };
    let Some(session) = state.session() else { return super::mapper::detached(py, instance, &state.mapper) };
    if property.deferred {
        let purpose = format!("deferred {}", state.load_options.borrow());
        session.load_expressions(py, instance, &state, std::slice::from_ref(property), &purpose)?;
    } else {
        super::session::SessionCore::load_expired(&session, py, instance, &state)?;
    }
    Ok(inst.attrs.borrow().get_str(&property.attr).cloned().unwrap_or(Obj::None))
}

/// The mapped expressions a class's SELECTs select (the deferred ones left out): those of the
/// class statement, which come before the columns, then those added later, which come after.
pub fn selected(mapper: &Mapper) -> Vec<ExpressionProperty> {
    let (leading, trailing) = split(mapper);
    leading.into_iter().chain(trailing).collect()
}

/// The selected expressions before the columns, and after them.
pub fn split(mapper: &Mapper) -> (Vec<ExpressionProperty>, Vec<ExpressionProperty>) {
    mapper.expressions.borrow().iter().filter(|e| !e.deferred).cloned().partition(|e| !e.trailing)
}

/// A row of an entity as its expressions' values (`leading` before the columns, `trailing`
/// after) and its columns'.
pub fn split_row(leading: usize, trailing: usize, row: &[crate::value::Value]) -> (Vec<crate::value::Value>, Vec<crate::value::Value>) {
    let front = leading.min(row.len());
    let back = row.len().saturating_sub(trailing).max(front);
    let mut expressions = row[..front].to_vec();
    expressions.extend_from_slice(&row[back..]);
    (expressions, row[front..back].to_vec())
}

/// Sets what a row gave for the object's expressions it does not hold (`overwrite`: all).
pub fn populate(py: &mut Interpreter, instance: &Obj, properties: &[ExpressionProperty], values: &[crate::value::Value], overwrite: bool) -> Res<()> {
    let Obj::Instance(inst) = instance else { return Ok(()) };
    for (property, value) in properties.iter().zip(values) {
        if overwrite || inst.attrs.borrow().get_str(&property.attr).is_none() {
            let obj = super::super::convert::from_value_typed(py, value, property.sql.sql_type())?;
            inst.attrs.borrow_mut().insert_str(&property.attr, obj);
        }
    }
    Ok(())
}

/// A flush wrote the object, or it expired: its expressions are selected again when read.
pub fn expire(instance: &Obj, mapper: &Mapper) {
    let Obj::Instance(inst) = instance else { return };
    let mut attrs = inst.attrs.borrow_mut();
    for property in mapper.expressions.borrow().iter() {
        attrs.remove_str(property.attr.as_str());
    }
}

/// The object's mapped expressions not in its `__dict__` (deferred ones aside).
pub fn unloaded(instance: &Obj, mapper: &Mapper) -> Vec<ExpressionProperty> {
    let Obj::Instance(inst) = instance else { return Vec::new() };
    let attrs = inst.attrs.borrow();
    selected(mapper).into_iter().filter(|p| attrs.get_str(p.attr.as_str()).is_none()).collect()
}
