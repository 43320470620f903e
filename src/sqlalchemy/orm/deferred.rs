//! Column deferral: a column a query leaves out of its SELECT (`mapped_column(deferred=True)`,
//! or the query's `load_only()` / `defer()`), loaded by itself when first read — where an
//! expired attribute loads with all the others — or, under `raiseload`, an error to read.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::super::convert::raise;
use super::mapper::{InstrumentedAttribute, Mapper};
use super::relationship::RelationshipAttr;

/// A column loader option: `load_only(Book.title)`, `defer(Book.summary)`, `undefer(Book.cover)`,
/// `undefer_group("text")`.
#[derive(Clone)]
pub enum ColumnLoad {
    /// The named columns loaded (and the primary key), every other one deferred.
    Only { attrs: Vec<String>, raiseload: bool },
    Defer { attr: String, raiseload: bool },
    Undefer { attr: String },
    /// The class's columns of that `deferred_group`, of every class queried.
    UndeferGroup(String),
}

/// What the column loader options give: the class they are about (none for `undefer_group`).
pub struct ColumnOption {
    pub mapper: Option<Rc<Mapper>>,
    pub load: ColumnLoad,
}

impl Native for ColumnOption {
    fn type_name(&self) -> &str {
        "Load"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(match &self.mapper {
            Some(mapper) => format!("Load({})", mapper.class_name),
            None => format!("<sqlalchemy.orm.strategy_options._WildcardLoad object at {:#x}>", crate::interp::object::identity(this)),
        })
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        super::loader::refuse_chained(py, name)
    }
}

/// How a query loads a column of an entity it selects.
#[derive(Clone, Copy, PartialEq)]
pub enum ColumnLoading {
    Loaded,
    Deferred { raiseload: bool },
}

/// The column of a loader option's argument and its class; SQLAlchemy's errors for a
/// relationship (`LoaderStrategyException`) or anything else (`ArgumentError`).
fn column_attribute(py: &mut Interpreter, arg: &Obj, strategy: &str) -> Res<(Rc<Mapper>, String)> {
    if let Some(attr) = arg.native::<InstrumentedAttribute>() {
        if let Some(mapper) = attr.mapper.upgrade() {
            return Ok((mapper, attr.column.attr.clone()));
        }
    }
    if let Some(spec) = arg.native::<RelationshipAttr>().and_then(|r| r.spec.clone()) {
        let owner = spec.parent.upgrade().map(|p| p.class_name.clone()).unwrap_or_default();
        let message = format!(
            "Can't apply \"{strategy}\" strategy to property \"{owner}.{}\", which is a \"relationship\"; this loader strategy is intended to be used with a \"column property\".",
            spec.attr
        );
        return raise(py, "sqlalchemy.orm.exc", "LoaderStrategyException", &message);
    }
    raise(py, "sqlalchemy.exc", "ArgumentError", "expected ORM mapped attribute for loader strategy argument")
}

fn raiseload_kwarg(py: &mut Interpreter, what: &str, kwargs: &[(String, Obj)]) -> Res<bool> {
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "raiseload") {
        return py.stop_not_available(&format!("{what}({other}=...)"));
    }
    Ok(super::super::convert::flag(py, kwargs, "raiseload")?.unwrap_or(false))
}

/// `load_only(Book.title, Book.isbn, raiseload=False)`.
pub fn load_only(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let raiseload = raiseload_kwarg(py, "load_only", &kwargs)?;
    let mut owner: Option<Rc<Mapper>> = None;
    let mut attrs = Vec::new();
    for arg in &args {
        let (mapper, attr) = column_attribute(py, arg, "column loader")?;
        if owner.as_ref().is_some_and(|o| !Rc::ptr_eq(o, &mapper)) {
            return py.stop_not_available("load_only() of the columns of several classes (one load_only() per class)");
        }
        owner = Some(mapper);
        attrs.push(attr);
    }
    let Some(mapper) = owner else { return py.stop_not_available("load_only() of no column") };
    Ok(super::super::convert::native(ColumnOption { mapper: Some(mapper), load: ColumnLoad::Only { attrs, raiseload } }))
}

/// `defer(Book.summary, raiseload=False)`.
pub fn defer(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let raiseload = raiseload_kwarg(py, "defer", &kwargs)?;
    let [arg] = args.as_slice() else { return py.stop_not_available("defer() of anything but one column attribute (defer(Book.summary))") };
    let (mapper, attr) = column_attribute(py, arg, "deferred column loader")?;
    Ok(super::super::convert::native(ColumnOption { mapper: Some(mapper), load: ColumnLoad::Defer { attr, raiseload } }))
}

/// `undefer(Book.cover)`.
pub fn undefer(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((other, _)) = kwargs.first() {
        return py.stop_not_available(&format!("undefer({other}=...)"));
    }
    let [arg] = args.as_slice() else { return py.stop_not_available("undefer() of anything but one column attribute (undefer(Book.cover))") };
    let (mapper, attr) = column_attribute(py, arg, "column loader")?;
    Ok(super::super::convert::native(ColumnOption { mapper: Some(mapper), load: ColumnLoad::Undefer { attr } }))
}

/// `undefer_group("text")`.
pub fn undefer_group(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((other, _)) = kwargs.first() {
        return py.stop_not_available(&format!("undefer_group({other}=...)"));
    }
    let [Obj::Str(name)] = args.as_slice() else { return py.error("TypeError", "undefer_group() takes the name of a deferred_group") };
    Ok(super::super::convert::native(ColumnOption { mapper: None, load: ColumnLoad::UndeferGroup(name.to_string()) }))
}

/// How a SELECT with these column options loads each column of `mapper` (in its order): the
/// class's deferrals, then `load_only`'s "every other column", then the options that name a
/// column, which win over it whatever their order. The primary key always loads.
pub fn column_loading(mapper: &Mapper, options: &[(Option<Rc<Mapper>>, ColumnLoad)]) -> Vec<ColumnLoading> {
    let mut out: Vec<ColumnLoading> = mapper
        .columns
        .iter()
        .map(|c| match &c.deferred {
            Some(d) => ColumnLoading::Deferred { raiseload: d.raiseload },
            None => ColumnLoading::Loaded,
        })
        .collect();
    let ours = |m: &Option<Rc<Mapper>>| m.as_ref().is_none_or(|m| std::ptr::eq(m.as_ref(), mapper));
    for (_, load) in options.iter().filter(|(m, _)| ours(m)) {
        if let ColumnLoad::Only { attrs, raiseload } = load {
            for (column, loading) in mapper.columns.iter().zip(out.iter_mut()) {
                if !attrs.contains(&column.attr) {
                    *loading = ColumnLoading::Deferred { raiseload: *raiseload };
                }
            }
        }
    }
    for (_, load) in options.iter().filter(|(m, _)| ours(m)) {
        for (column, loading) in mapper.columns.iter().zip(out.iter_mut()) {
            let named = match load {
                ColumnLoad::Only { attrs, .. } => attrs.contains(&column.attr).then_some(ColumnLoading::Loaded),
                ColumnLoad::Defer { attr, raiseload } => (*attr == column.attr).then_some(ColumnLoading::Deferred { raiseload: *raiseload }),
                ColumnLoad::Undefer { attr } => (*attr == column.attr).then_some(ColumnLoading::Loaded),
                ColumnLoad::UndeferGroup(group) => column.deferred.as_ref().is_some_and(|d| d.group.as_ref() == Some(group)).then_some(ColumnLoading::Loaded),
            };
            if let Some(named) = named {
                *loading = named;
            }
        }
    }
    for (column, loading) in mapper.columns.iter().zip(out.iter_mut()) {
        if column.primary_key {
            *loading = ColumnLoading::Loaded;
        }
    }
    out
}

/// How a class's own queries (a `get`, a refresh, a lazy or eager load) load its columns: its
/// deferred ones left out.
pub fn default_loading(mapper: &Mapper) -> Vec<ColumnLoading> {
    column_loading(mapper, &[])
}

/// The columns of `mapper` a SELECT with `loading` selects, in order.
pub fn loaded_columns<'a>(mapper: &'a Mapper, loading: &'a [ColumnLoading]) -> impl Iterator<Item = &'a super::mapper::ColumnInfo> {
    mapper.columns.iter().zip(loading).filter(|(_, l)| **l == ColumnLoading::Loaded).map(|(c, _)| c)
}

/// A row of only the loaded columns, spread over the mapper's columns (Null where unloaded).
pub fn spread(loading: &[ColumnLoading], values: &[crate::value::Value]) -> Vec<crate::value::Value> {
    let mut values = values.iter();
    loading.iter().map(|l| if *l == ColumnLoading::Loaded { values.next().cloned().unwrap_or(crate::value::Value::Null) } else { crate::value::Value::Null }).collect()
}

/// Reading a deferred column: SQLAlchemy's error under `raiseload`, else the column loaded by
/// itself (with the unloaded others of its `deferred_group`).
pub fn load_deferred(py: &mut Interpreter, instance: &Obj, state: &Rc<super::mapper::InstanceState>, attr: &str, raiseload: bool) -> Res<()> {
    let mapper = state.mapper.clone();
    if raiseload {
        return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("'{}.{attr}' is not available due to raiseload=True", mapper.class_name));
    }
    let Some(session) = state.session() else {
        let message = format!(
            "Parent instance <{} at {:#x}> is not bound to a Session; deferred load operation of attribute '{attr}' cannot proceed",
            mapper.class_name,
            crate::interp::object::identity(instance)
        );
        return raise(py, "sqlalchemy.orm.exc", "DetachedInstanceError", &message);
    };
    let group = mapper.column(attr).and_then(|c| c.deferred.as_ref()).and_then(|d| d.group.clone());
    let Obj::Instance(inst) = instance else { return Ok(()) };
    let absent = |name: &str| inst.attrs.borrow().get_str(name).is_none();
    let names: Vec<String> = match group {
        Some(group) => mapper
            .columns
            .iter()
            .filter(|c| c.deferred.as_ref().is_some_and(|d| d.group.as_ref() == Some(&group)) && (c.attr == attr || absent(&c.attr)))
            .map(|c| c.attr.clone())
            .collect(),
        None => vec![attr.to_string()],
    };
    let purpose = format!("deferred {}", state.load_options.borrow());
    session.load_columns(py, instance, state, &names, &purpose)
}
