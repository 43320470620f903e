//! Loader options: `select(User).options(selectinload(User.addresses))` loads the collections of
//! every `User` a query returns with one more SELECT (`… WHERE address.user_id IN (?, ?, ?)`),
//! where lazy loading would emit one per user on first access; `joinedload` and `contains_eager`
//! load them from the same SELECT; `raiseload` makes reading them an error, `lazyload` asks for
//! the plain lazy load.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::super::statement::{EagerJoin, Selected};
use super::relationship::{is_loaded, set_loaded, RelationshipAttr, RelationshipSpec};
use super::session::SessionCore;

/// How a loader option loads its relationship.
#[derive(Clone, Copy, PartialEq)]
pub enum Strategy {
    /// `selectinload`: one more SELECT for the parents the query returned.
    Selectin,
    /// `joinedload(innerjoin=)`: from the same SELECT, through an aliased join of its own.
    Joined { inner: bool },
    /// `contains_eager`: from the same SELECT, out of the join the statement already has.
    ContainsEager,
    /// `raiseload(sql_only=)` and `lazy="raise"` / `"raise_on_sql"`: reading the relationship
    /// raises (with `sql_only`, only when that would run SQL).
    Raise { sql_only: bool },
    /// `lazyload`: the plain lazy load, whatever the relationship is configured with.
    Lazy,
}

/// What `selectinload(User.addresses)`, `joinedload(Address.user)` … give: the relationship
/// (none for `raiseload("*")`, every relationship of the classes queried) and its strategy.
pub struct LoaderOption {
    pub spec: Option<Rc<RelationshipSpec>>,
    pub strategy: Strategy,
}

impl Native for LoaderOption {
    fn type_name(&self) -> &str {
        "_AttributeStrategyLoad"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.strategy_options._AttributeStrategyLoad object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        refuse_chained(py, name)
    }
}

/// The loader options SQLAlchemy lets chain on another (`selectinload(User.addresses)
/// .load_only(Address.email)`), which the lab does not.
pub const CHAINED: &[&str] = &[
    "options", "load_only", "defer", "undefer", "undefer_group", "selectinload", "joinedload", "lazyload", "raiseload", "contains_eager",
    "subqueryload", "immediateload", "noload", "defaultload", "with_expression", "selectin_polymorphic",
];

/// Says a chained loader option is not available; other names are not attributes.
pub fn refuse_chained(py: &mut Interpreter, name: &str) -> Res<Option<Obj>> {
    if CHAINED.contains(&name) {
        return py.stop_not_available(&format!("loader options chained on another (.{name}(...)); give each to options() by itself"));
    }
    Ok(None)
}

/// `selectinload(Parent.children)`.
pub fn selectinload(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    match relationship_of(&args) {
        Some(spec) => Ok(super::super::convert::native(LoaderOption { spec: Some(spec), strategy: Strategy::Selectin })),
        None => py.stop_not_available("selectinload() of anything but one relationship attribute (selectinload(User.addresses))"),
    }
}

/// `contains_eager(Address.user)`: the related objects read from the columns of the join the
/// statement has (`select(Address).join(Address.user)`), which come first in the SELECT.
pub fn contains_eager(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((other, _)) = kwargs.first() {
        return py.stop_not_available(&format!("contains_eager({other}=...)"));
    }
    match relationship_of(&args) {
        Some(spec) => {
            super::relationship::join_parts(py, &spec)?;
            Ok(super::super::convert::native(LoaderOption { spec: Some(spec), strategy: Strategy::ContainsEager }))
        }
        None => py.stop_not_available("contains_eager() of anything but one relationship attribute (contains_eager(Address.user))"),
    }
}

/// `raiseload(User.addresses, sql_only=False)`, `raiseload("*")`.
pub fn raiseload(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let sql_only = match super::super::convert::kwarg(&kwargs, "sql_only") {
        Some(value) => py.truthy(value)?,
        None => false,
    };
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "sql_only") {
        return py.stop_not_available(&format!("raiseload({other}=...)"));
    }
    attribute_or_every("raiseload", py, &args, Strategy::Raise { sql_only })
}

/// `lazyload(User.addresses)`, `lazyload("*")`.
pub fn lazyload(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((other, _)) = kwargs.first() {
        return py.stop_not_available(&format!("lazyload({other}=...)"));
    }
    attribute_or_every("lazyload", py, &args, Strategy::Lazy)
}

fn attribute_or_every(what: &str, py: &mut Interpreter, args: &[Obj], strategy: Strategy) -> Res<Obj> {
    if let [Obj::Str(star)] = args {
        if &**star == "*" {
            return Ok(super::super::convert::native(LoaderOption { spec: None, strategy }));
        }
    }
    match relationship_of(args) {
        Some(spec) => Ok(super::super::convert::native(LoaderOption { spec: Some(spec), strategy })),
        None => py.stop_not_available(&format!("{what}() of anything but one relationship attribute or \"*\"")),
    }
}

/// The strategies a query's `raiseload` / `lazyload` options give the relationships of an
/// object it loads (kept on the object, as SQLAlchemy keeps a state's load options).
pub fn strategies_for(mapper: &super::mapper::Mapper, options: &[(Option<Rc<RelationshipSpec>>, Strategy)]) -> Vec<(String, Strategy)> {
    let mut out = Vec::new();
    for (spec, strategy) in options {
        match spec {
            None => out.extend(mapper.relationships.borrow().iter().map(|r| (r.attr.clone(), *strategy))),
            Some(spec) if spec.parent.upgrade().is_some_and(|p| std::ptr::eq(p.as_ref(), mapper)) => out.push((spec.attr.clone(), *strategy)),
            Some(_) => {}
        }
    }
    out
}

/// `joinedload(Address.user, innerjoin=False)`, `joinedload(User.addresses)` (whose result
/// needs `unique()`).
pub fn joinedload(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let inner = match super::super::convert::kwarg(&kwargs, "innerjoin") {
        Some(value) => py.truthy(value)?,
        None => false,
    };
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "innerjoin") {
        return py.stop_not_available(&format!("joinedload({other}=...)"));
    }
    match relationship_of(&args) {
        Some(spec) => {
            super::relationship::join_parts(py, &spec)?;
            Ok(super::super::convert::native(LoaderOption { spec: Some(spec), strategy: Strategy::Joined { inner } }))
        }
        None => py.stop_not_available("joinedload() of anything but one relationship attribute (joinedload(Address.user))"),
    }
}

fn relationship_of(args: &[Obj]) -> Option<Rc<RelationshipSpec>> {
    match args {
        [attr] => attr.native::<RelationshipAttr>().and_then(|r| r.spec.clone()),
        _ => None,
    }
}

/// The collections a query's joined eager loads are filling: (parent, which load, whether it
/// was not loaded before the query, its members so far).
pub type Filling = Vec<(Obj, usize, bool, Vec<Obj>)>;

/// After a query's rows are read: each joined eager load's columns (a `contains_eager` load's at
/// the start of `row`, a `joinedload`'s at the end, from `at` on) make the related object, set on
/// the row's instance of the relationship's class (a collection's members gathered in
/// `filling`, set by `fill`).
#[allow(clippy::too_many_arguments)]
pub fn joined(py: &mut Interpreter, session: &Rc<SessionCore>, columns: &[Selected], eager: &[EagerJoin], values: &[Obj], row: &[crate::value::Value], mut at: usize, filling: &mut Filling) -> Res<()> {
    let mut front = 0;
    for (which, join) in eager.iter().enumerate() {
        let loading = super::deferred::default_loading(&join.target);
        let width = loading.iter().filter(|l| **l == super::deferred::ColumnLoading::Loaded).count();
        let cursor = if join.existing { &mut front } else { &mut at };
        let slice = super::deferred::spread(&loading, row.get(*cursor..*cursor + width).unwrap_or(&[]));
        *cursor += width;
        let what = if join.existing { "contains_eager()" } else { "joinedload()" };
        let Some(index) = parent_column(py, columns, &join.spec, what)? else { continue };
        let Some(parent_obj) = values.get(index) else { continue };
        let found = join.target.columns.iter().zip(&slice).any(|(c, v)| c.primary_key && !matches!(v, crate::value::Value::Null));
        let related = if found { session.instance_for_row(py, &join.target, &slice, &loading)? } else { Obj::None };
        if !join.collection {
            set_loaded(parent_obj, &join.spec, related);
            continue;
        }
        let same = |o: &Obj| crate::interp::object::identity(o) == crate::interp::object::identity(parent_obj);
        let at_parent = match filling.iter().position(|(p, w, _, _)| *w == which && same(p)) {
            Some(i) => i,
            None => {
                filling.push((parent_obj.clone(), which, !is_loaded(parent_obj, &join.spec), Vec::new()));
                filling.len() - 1
            }
        };
        let members = &mut filling[at_parent].3;
        let known = members.iter().any(|m| crate::interp::object::identity(m) == crate::interp::object::identity(&related));
        if !matches!(related, Obj::None) && !known {
            members.push(related);
        }
    }
    Ok(())
}

/// Sets the collections gathered by `joined` on the parents that had them unloaded.
pub fn fill(eager: &[EagerJoin], filling: Filling) {
    for (parent, which, unloaded, members) in filling {
        let (Some(join), true) = (eager.get(which), unloaded) else { continue };
        let list = super::collection::InstrumentedList::new(&parent, join.spec.clone(), members);
        set_loaded(&parent, &join.spec, list);
    }
}

/// Where a query's rows hold the instances of `spec`'s class; a query without them cannot have
/// `what` on that relationship. None when the class is gone.
fn parent_column(py: &mut Interpreter, columns: &[Selected], spec: &RelationshipSpec, what: &str) -> Res<Option<usize>> {
    let Some(parent) = spec.parent.upgrade() else { return Ok(None) };
    match columns.iter().position(|c| matches!(c, Selected::Entity(m) if Rc::ptr_eq(m, &parent))) {
        Some(at) => Ok(Some(at)),
        None => py.stop_not_available(&format!("{what} of {}.{} in a query that does not select {}", parent.class_name, spec.attr, parent.class_name)),
    }
}

/// A class's `lazy="selectin"` relationships.
pub fn configured_selectin(mapper: &super::mapper::Mapper) -> Vec<Rc<RelationshipSpec>> {
    mapper.relationships.borrow().iter().filter(|r| r.args.selectin).cloned().collect()
}

/// The relationships a SELECT loads the selectin way: its `selectinload` options, then the
/// `lazy="selectin"` relationships of the classes it selects that no `raiseload` / `lazyload`
/// option of the SELECT overrides.
pub fn selectin_loads(select: &super::super::statement::SelectState) -> Vec<Rc<RelationshipSpec>> {
    let mut out: Vec<Rc<RelationshipSpec>> = select.loaders.clone();
    for column in &select.columns {
        if let Selected::Entity(mapper) = column {
            let overridden = strategies_for(mapper, &select.strategies);
            for spec in configured_selectin(mapper) {
                if !out.iter().any(|s| Rc::ptr_eq(s, &spec)) && !overridden.iter().any(|(a, _)| *a == spec.attr) {
                    out.push(spec);
                }
            }
        }
    }
    out
}

/// After a query's rows are made: loads `spec` for the instances of its class among them, in the
/// order they came.
pub fn select_in(py: &mut Interpreter, session: &Rc<SessionCore>, spec: &Rc<RelationshipSpec>, columns: &[Selected], rows: &[Vec<Obj>]) -> Res<()> {
    let Some(at) = parent_column(py, columns, spec, "selectinload()")? else { return Ok(()) };
    let parents: Vec<Obj> = rows.iter().filter_map(|row| row.get(at).cloned()).collect();
    super::relationship::select_in(py, session, spec, &parents)
}
