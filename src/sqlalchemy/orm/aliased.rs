//! `aliased(User)`: the same mapped class under another name in one statement (`users AS
//! users_1`), for self-joins. Its columns name a placeholder table that the compiler resolves
//! when it meets it: an explicit `name=`, else the table's name numbered in the order the
//! statement shows it, as SQLAlchemy names anonymous aliases.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::super::convert::native;
use super::super::expression::expr;
use super::mapper::{mapper_of, Mapper};

static ALIASES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Marks a placeholder table name (never a real identifier's first character).
const MARK: char = '\u{2}';

pub struct AliasedClass {
    pub mapper: Rc<Mapper>,
    /// `\u{2}<id>\u{2}<table>\u{2}<name or empty>`.
    pub table: Rc<str>,
    name: Option<String>,
}

/// `aliased(User)`, `aliased(User, name="m")`.
pub fn aliased(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let Some(target) = args.first() else { return py.error("TypeError", "aliased() missing 1 required positional argument: 'element'") };
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "name") {
        return py.stop_not_available(&format!("aliased({other}=...)"));
    }
    let name = match kwargs.iter().find(|(k, _)| k == "name").map(|(_, v)| v).or_else(|| args.get(1)) {
        Some(Obj::Str(name)) => Some(name.to_string()),
        Some(Obj::None) | None => None,
        Some(_) => return py.stop_not_available("aliased() of a selectable"),
    };
    let Some(mapper) = mapper_of(py, target)? else {
        return py.stop_not_available("aliased() of anything but a mapped class");
    };
    let id = ALIASES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let table = Rc::from(format!("{MARK}{id}{MARK}{}{MARK}{}", mapper.table_name, name.as_deref().unwrap_or("")));
    Ok(native(AliasedClass { mapper, table, name }))
}

/// The (table, explicit name) of a placeholder table name; `None` for a real table.
pub fn placeholder(table: &str) -> Option<(&str, &str)> {
    let rest = table.strip_prefix(MARK)?;
    let mut parts = rest.splitn(3, MARK);
    let _id = parts.next()?;
    Some((parts.next()?, parts.next()?))
}

impl AliasedClass {
    /// The key a result row gives the entity: the alias's name, else the class's.
    pub fn key(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.mapper.class_name.clone())
    }
}

impl Native for AliasedClass {
    fn type_name(&self) -> &str {
        "AliasedClass"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<AliasedClass at {:#x}; {}>", crate::interp::object::identity(this), self.mapper.class_name))
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        if let Some(column) = self.mapper.column(name) {
            return Ok(Some(expr(column.from_table(&self.table))));
        }
        if self.mapper.relationship(name).is_some() {
            return py.stop_not_available("a relationship of an aliased() class");
        }
        Ok(None)
    }
}
