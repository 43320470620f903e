//! Loader options: `select(User).options(selectinload(User.addresses))` loads the collections of
//! every `User` a query returns with one more SELECT (`… WHERE address.user_id IN (?, ?, ?)`),
//! where lazy loading would emit one per user on first access.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::super::statement::Selected;
use super::relationship::{RelationshipAttr, RelationshipSpec};
use super::session::SessionCore;

/// What `selectinload(User.addresses)` gives: the relationship to load that way.
pub struct LoaderOption(pub Rc<RelationshipSpec>);

impl Native for LoaderOption {
    fn type_name(&self) -> &str {
        "_AttributeStrategyLoad"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.strategy_options._AttributeStrategyLoad object at {:#x}>", crate::interp::object::identity(this)))
    }
}

/// `selectinload(Parent.children)`.
pub fn selectinload(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let spec = match args.as_slice() {
        [attr] => attr.native::<RelationshipAttr>().and_then(|r| r.spec.clone()),
        _ => None,
    };
    match spec {
        Some(spec) => Ok(super::super::convert::native(LoaderOption(spec))),
        None => py.stop_not_available("selectinload() of anything but one relationship attribute (selectinload(User.addresses))"),
    }
}

/// After a query's rows are made: loads `spec` for the instances of its class among them, in the
/// order they came.
pub fn select_in(py: &mut Interpreter, session: &Rc<SessionCore>, spec: &Rc<RelationshipSpec>, columns: &[Selected], rows: &[Vec<Obj>]) -> Res<()> {
    let Some(parent) = spec.parent.upgrade() else { return Ok(()) };
    let Some(at) = columns.iter().position(|c| matches!(c, Selected::Entity(m) if Rc::ptr_eq(m, &parent))) else {
        return py.stop_not_available(&format!("selectinload() of {}.{} in a query that does not select {}", parent.class_name, spec.attr, parent.class_name));
    };
    let parents: Vec<Obj> = rows.iter().filter_map(|row| row.get(at).cloned()).collect();
    super::relationship::select_in(py, session, spec, &parents)
}
