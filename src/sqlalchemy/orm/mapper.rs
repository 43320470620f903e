//! Declarative mapping: `class User(Base)` with `__tablename__` and `Mapped[...]` attributes
//! becomes a table on `Base.metadata` and a mapper when the class body has run (through Python's
//! `__init_subclass__`), its attributes become instrumented descriptors, and each instance gets
//! a state (`_sa_instance_state`) that knows its identity, its session and what is loaded.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::interp::native::{Native, NativeFunction};
use crate::interp::object::{Class, Obj};
use crate::interp::{Interpreter, Raised, Res};
use crate::schema::{Constraint, SqlType};
use crate::value::Value;

use super::super::convert::{native, raise, to_value_as};
use super::super::expression::{self, Sql};
use super::super::schema::{ColumnObj, ColumnSpec, ConstraintObj, MetaDataObj, TableItem, TableObj};
use super::relationship::{RelationshipAttr, RelationshipSpec};
use super::session::SessionCore;

/// `Mapped` (or `WriteOnlyMapped`): subscripted in annotations (`Mapped[int]`).
pub struct MappedForm(pub &'static str);

/// `Mapped[int]` as evaluated in a class body, with the form's name.
pub struct MappedAnnotation(pub Obj, pub &'static str);

impl Native for MappedForm {
    fn type_name(&self) -> &str {
        "type"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let module = if self.0 == "Mapped" { "base" } else { "writeonly" };
        Ok(format!("<class 'sqlalchemy.orm.{module}.{}'>", self.0))
    }
    fn get_item(&self, _py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        Some(Ok(native(MappedAnnotation(index.clone(), self.0))))
    }
}

impl Native for MappedAnnotation {
    fn type_name(&self) -> &str {
        "_GenericAlias"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let module = if self.1 == "Mapped" { "base" } else { "writeonly" };
        Ok(format!("sqlalchemy.orm.{module}.{}", annotation_text(py, &native(MappedAnnotation(self.0.clone(), self.1)))?))
    }
}

/// An annotation as text (`Mapped[Optional[str]]`), whether Python evaluated it or kept it as a
/// string (`from __future__ import annotations`, forward references).
pub fn annotation_text(py: &mut Interpreter, value: &Obj) -> Res<String> {
    Ok(match value {
        Obj::Str(s) => s.to_string(),
        Obj::None => "None".into(),
        Obj::Builtin(name) => (*name).to_string(),
        Obj::Class(class) => class.name.to_string(),
        other => {
            if let Some(mapped) = other.native::<MappedAnnotation>() {
                let (inner, form) = (mapped.0.clone(), mapped.1);
                return Ok(format!("{form}[{}]", annotation_text(py, &inner)?));
            }
            // `Annotated[int, mapped_column(...)]` reads as its type.
            if let Some((base, _)) = crate::interp::typing::annotated_parts(other) {
                return annotation_text(py, &base);
            }
            let text = py.repr_of(other)?;
            unwrap_forward_refs(&text.replace("typing.", ""))
        }
    })
}

/// `List[ForwardRef('Address')]` → `List['Address']`.
fn unwrap_forward_refs(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("ForwardRef(") {
        out.push_str(&rest[..at]);
        let inner = &rest[at + "ForwardRef(".len()..];
        match inner.find(')') {
            Some(end) => {
                out.push_str(&inner[..end]);
                rest = &inner[end + 1..];
            }
            None => {
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a `Mapped[...]` annotation says.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedType {
    /// The Python type's name (`int`, `str`, `datetime`) or the related class's.
    pub target: String,
    pub optional: bool,
    /// `Mapped[list["Address"]]`: a collection.
    pub collection: bool,
    /// `WriteOnlyMapped["Post"]`: a write-only collection.
    pub write_only: bool,
}

/// Reads `Mapped[...]`; `None` when the annotation is not one.
pub fn parse_mapped(text: &str) -> Option<MappedType> {
    let text = text.trim().trim_matches(|c| c == '"' || c == '\'');
    let write_only = ["WriteOnlyMapped[", "orm.WriteOnlyMapped[", "so.WriteOnlyMapped[", "sqlalchemy.orm.WriteOnlyMapped["].iter().find_map(|p| text.strip_prefix(p));
    let inner = match write_only {
        Some(inner) => inner,
        None => text.strip_prefix("Mapped[").or_else(|| text.strip_prefix("orm.Mapped[")).or_else(|| text.strip_prefix("sqlalchemy.orm.Mapped["))?,
    };
    let mut inner = inner.strip_suffix(']')?.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
    let mut optional = false;
    if let Some(rest) = inner.strip_prefix("Optional[").and_then(|r| r.strip_suffix(']')) {
        optional = true;
        inner = rest.to_string();
    } else if let Some(rest) = inner.strip_prefix("Union[").and_then(|r| r.strip_suffix(']')) {
        let parts: Vec<&str> = rest.split(',').map(str::trim).filter(|p| *p != "None" && *p != "NoneType").collect();
        optional = parts.len() < rest.split(',').count();
        inner = parts.join(", ");
    } else if inner.contains('|') {
        let parts: Vec<&str> = inner.split('|').map(str::trim).filter(|p| *p != "None").collect();
        optional = parts.len() < inner.split('|').count();
        inner = parts.join(" | ");
    }
    let mut collection = false;
    for prefix in ["list[", "List[", "set[", "Set[", "typing.List["] {
        if let Some(rest) = inner.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')) {
            collection = true;
            inner = rest.to_string();
            break;
        }
    }
    let target = inner.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
    Some(MappedType { target, optional, collection: collection || write_only.is_some(), write_only: write_only.is_some() })
}

/// A Python enum class in a `Mapped[...]` annotation (`Mapped[Status]`, `Mapped[Status | None]`,
/// `Mapped[Optional[Status]]`), as the `Enum` type SQLAlchemy's type map gives it.
fn enum_class_in(py: &mut Interpreter, inner: &Obj) -> Res<Option<SqlType>> {
    if let Some(found) = super::super::types::enum_type_of(py, inner)? {
        return Ok(Some(found));
    }
    let Ok(args) = py.get_attr(inner, "__args__") else { return Ok(None) };
    for arg in py.iterate(&args).unwrap_or_default() {
        if let Some(found) = super::super::types::enum_type_of(py, &arg)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The SQL type SQLAlchemy's default type map gives a Python type named in `Mapped[...]`.
/// The base's `type_annotation_map` entry for a Python type named `target` (`{str: String(50)}`),
/// which SQLAlchemy consults before its own defaults.
fn type_from_annotation_map(py: &mut Interpreter, class: &Rc<Class>, target: &str) -> Res<Option<SqlType>> {
    let found = class.mro.borrow().iter().find_map(|c| c.attrs.borrow().get_str("type_annotation_map").cloned());
    let Some(Obj::Dict(map)) = found else { return Ok(None) };
    let items: Vec<(Obj, Obj)> = map.borrow().items().cloned().collect();
    for (python_type, sql_type) in items {
        if annotation_text(py, &python_type)? == target {
            return crate::sqlalchemy::types::sql_type_of(py, &sql_type);
        }
    }
    Ok(None)
}

pub fn type_for_name(name: &str) -> Option<SqlType> {
    let last = name.rsplit('.').next().unwrap_or(name);
    Some(match last {
        "int" => SqlType::Integer,
        "str" => SqlType::String(None),
        "float" => SqlType::Double,
        "bool" => SqlType::Boolean,
        "bytes" => SqlType::LargeBinary,
        "datetime" => SqlType::DateTime,
        "date" => SqlType::Date,
        "time" => SqlType::Time,
        "Decimal" => SqlType::Numeric(None),
        "UUID" => SqlType::Uuid(true),
        _ => return None,
    })
}

/// One mapped column attribute.
#[derive(Clone)]
pub struct ColumnInfo {
    pub attr: String,
    pub name: String,
    pub sql: Sql,
    pub sql_type: Option<SqlType>,
    pub primary_key: bool,
    /// `server_default=`: an INSERT leaves the column out rather than send NULL.
    pub server_default: bool,
    pub default: Option<Obj>,
    pub onupdate: Option<Obj>,
    /// A `MappedAsDataclass` field's `default=`: what the attribute reads while the object has
    /// no value of its own and no row (`__init__` leaves such a field unset).
    pub dataclass_default: Option<Obj>,
    /// `mapped_column(deferred=True)`: left out of its class's queries, loaded when read.
    pub deferred: Option<super::super::schema::Deferral>,
}

impl ColumnInfo {
    /// The column read from another name for its table: an alias (`users_1.name`), a joined
    /// eager load's alias, a subquery.
    pub fn from_table(&self, table: &Rc<str>) -> Sql {
        Sql::Column { table: table.clone(), name: Rc::from(self.name.as_str()), sql_type: self.sql_type.clone() }
    }
}

/// A mapped class: its table and attributes.
pub struct Mapper {
    class: Weak<Class>,
    pub class_name: String,
    pub table_name: String,
    pub table: Obj,
    pub columns: Vec<ColumnInfo>,
    /// `column_property()` expressions, selected before the columns.
    pub expressions: RefCell<Vec<super::column_property::ExpressionProperty>>,
    pub relationships: RefCell<Vec<Rc<RelationshipSpec>>>,
    pub metadata: Obj,
    /// The base's registry (a `Registry` value), where related classes are found by name.
    pub registry: Obj,
    /// The class's `@validates` methods by attribute, found on first use (the class body has
    /// run by then).
    validators: RefCell<Option<Vec<(String, Obj)>>>,
    /// The relationships and `column_property()`s of the class body, in its order: SQLAlchemy
    /// lists them before the columns, and those added later after.
    body_properties: Vec<String>,
}

impl Mapper {
    pub fn column(&self, attr: &str) -> Option<&ColumnInfo> {
        self.columns.iter().find(|c| c.attr == attr)
    }

    pub fn column_by_name(&self, name: &str) -> Option<&ColumnInfo> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn primary_key(&self) -> Vec<&ColumnInfo> {
        self.columns.iter().filter(|c| c.primary_key).collect()
    }

    pub fn class_obj(&self) -> Option<Obj> {
        self.class.upgrade().map(Obj::Class)
    }

    pub fn relationship(&self, attr: &str) -> Option<Rc<RelationshipSpec>> {
        self.relationships.borrow().iter().find(|r| r.attr == attr).cloned()
    }

    /// A relationship made after the class was mapped (a `backref`): on the mapper and the class.
    pub fn add_relationship(&self, spec: Rc<RelationshipSpec>) {
        if let Some(class) = self.class.upgrade() {
            set_class_attr(&class, &spec.attr, native(RelationshipAttr::bound(spec.clone())));
        }
        self.relationships.borrow_mut().push(spec);
    }

    /// The primary key WHERE clause for one identity.
    pub fn identity_condition(&self, key: &[Value]) -> Sql {
        let items: Vec<Sql> = self
            .primary_key()
            .iter()
            .zip(key)
            .map(|(c, v)| Sql::Binary { left: Box::new(c.sql.clone()), op: "=", right: Box::new(Sql::Bind(v.clone())) })
            .collect();
        expression::and(items)
    }
}

/// `User.__mapper__`.
pub struct MapperObj(pub Rc<Mapper>);

/// The one `Mapper` object of a mapped class (`inspect(User) is User.__mapper__`).
pub fn mapper_obj(mapper: &Rc<Mapper>) -> Obj {
    mapper.class.upgrade().and_then(|class| class_attr(&class, "__mapper__")).unwrap_or_else(|| native(MapperObj(mapper.clone())))
}

/// The `Mapper` class's path, as `type(User.__mapper__)` prints it and `event.listen(Mapper, …)`
/// takes it.
pub const MAPPER_CLASS: &str = "sqlalchemy.orm.mapper.Mapper";

impl Native for MapperObj {
    fn type_name(&self) -> &str {
        "Mapper"
    }
    fn class_path(&self) -> &str {
        MAPPER_CLASS
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<Mapper at {:#x}; {}>", crate::interp::object::identity(this), self.0.class_name))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("Mapper[{}({})]", self.0.class_name, self.0.table_name))
    }
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "class_" | "entity" => self.0.class_obj(),
            "local_table" | "persist_selectable" => Some(self.0.table.clone()),
            // The mapped columns are the table's, unless `column_property()` adds expressions.
            "columns" | "c" if self.0.expressions.borrow().is_empty() => Some(py.get_attr(&self.0.table, "c")?),
            "columns" | "c" => return py.stop_not_available("Mapper.columns of a class with column_property() expressions"),
            "attrs" => Some(self.properties(py, this)?),
            "column_attrs" | "relationships" => {
                let all = self.properties(py, this)?;
                let module = py.import("sqlalchemy.orm.properties")?;
                let kind = py.get_attr(&module, if name == "column_attrs" { "ColumnProperty" } else { "RelationshipProperty" })?;
                let only = py.get_attr(&module, "_only")?;
                Some(py.call(only, vec![all, kind], Vec::new())?)
            }
            "iterate_properties" => {
                let all = self.properties(py, this)?;
                Some(py.call(Obj::Builtin("iter"), vec![all], Vec::new())?)
            }
            "get_property" => {
                let all = self.properties(py, this)?;
                let class_name = self.0.class_name.clone();
                let table_name = self.0.table_name.clone();
                Some(crate::sqlalchemy::convert::function("get_property", move |py, args, _| {
                    let Some(key) = args.first().cloned() else { return py.error("TypeError", "get_property() missing 1 required positional argument: 'key'") };
                    let get = py.get_attr(&all, "get")?;
                    let found = py.call(get, vec![key.clone()], Vec::new())?;
                    if matches!(found, Obj::None) {
                        let key = py.str_of(&key)?;
                        return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Mapper 'Mapper[{class_name}({table_name})]' has no property '{key}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called."));
                    }
                    Ok(found)
                }))
            }
            "primary_key" => {
                let columns = self.0.table.native::<TableObj>().map(|t| t.columns.clone()).unwrap_or_default();
                Some(Obj::tuple(columns.into_iter().filter(|c| c.native::<ColumnObj>().is_some_and(|c| c.0.borrow().primary_key)).collect()))
            }
            _ => None,
        })
    }
}

impl MapperObj {
    /// `Mapper.attrs`: what the class maps, in SQLAlchemy's order (the class body's relationships
    /// and expressions, the columns, then what was added later). Made on each read: the
    /// properties refer to the mapper, which must not hold them (no cycle of `Rc`s).
    fn properties(&self, py: &mut Interpreter, this: &Obj) -> Res<Obj> {
        let mapper = &self.0;
        let expressions = mapper.expressions.borrow().clone();
        let relationships = mapper.relationships.borrow().clone();
        let mut keys: Vec<&str> = mapper.body_properties.iter().map(String::as_str).filter(|k| expressions.iter().any(|p| p.attr == *k) || relationships.iter().any(|r| r.attr == *k)).collect();
        keys.extend(mapper.columns.iter().map(|c| c.attr.as_str()));
        for attr in expressions.iter().map(|p| p.attr.as_str()).chain(relationships.iter().map(|r| r.attr.as_str())) {
            if !keys.contains(&attr) {
                keys.push(attr);
            }
        }
        let table_columns = py.get_attr(&mapper.table, "c")?;
        let mut entries = Vec::new();
        for key in keys {
            let entry = if let Some(column) = mapper.column(key) {
                let column = py.get_item(&table_columns, Obj::str(&column.name))?;
                vec![Obj::str("column"), Obj::str(key), Obj::list(vec![column])]
            } else if let Some(property) = expressions.iter().find(|p| p.attr == key) {
                let expression = super::super::expression::grown(py, property.sql.clone())?;
                vec![Obj::str("expression"), Obj::str(key), Obj::list(vec![expression])]
            } else if let Some(spec) = relationships.iter().find(|r| r.attr == key) {
                let (direction, _, target) = spec.direction(py)?;
                let args = &spec.args;
                let lazy = match (args.write_only || spec.write_only, args.selectin, args.raise_on_read) {
                    (true, _, _) if args.dynamic => "dynamic",
                    (true, _, _) => "write_only",
                    (_, true, _) => "selectin",
                    (_, _, Some(false)) => "raise",
                    (_, _, Some(true)) => "raise_on_sql",
                    _ => "select",
                };
                let secondary = match &args.secondary {
                    Some(Obj::Str(name)) => {
                        let tables = py.get_attr(&mapper.metadata, "tables")?;
                        py.get_item(&tables, Obj::Str(name.clone()))?
                    }
                    Some(table) => table.clone(),
                    None => Obj::None,
                };
                let direction = match direction {
                    super::relationship::Direction::OneToMany => "ONETOMANY",
                    super::relationship::Direction::ManyToOne => "MANYTOONE",
                    super::relationship::Direction::ManyToMany => "MANYTOMANY",
                };
                vec![
                    Obj::str("relationship"),
                    Obj::str(key),
                    mapper_obj(&target),
                    Obj::str(direction),
                    Obj::Bool(spec.collection()),
                    args.back_populates.as_deref().map_or(Obj::None, Obj::str),
                    Obj::str(lazy),
                    secondary,
                    Obj::str(&args.cascade),
                ]
            } else {
                continue;
            };
            entries.push(Obj::tuple(entry));
        }
        let module = py.import("sqlalchemy.orm.properties")?;
        let make = py.get_attr(&module, "_properties")?;
        py.call(make, vec![this.clone(), Obj::list(entries)], Vec::new())
    }
}

/// The mapper of a mapped class (or of an instance's class); `None` for anything else.
pub fn mapper_of(_py: &mut Interpreter, value: &Obj) -> Res<Option<Rc<Mapper>>> {
    let class = match value {
        Obj::Class(class) => class.clone(),
        Obj::Instance(instance) => instance.class.clone(),
        _ => return Ok(None),
    };
    let found = class.mro.borrow().iter().find_map(|c| c.attrs.borrow().get_str("__mapper__").cloned());
    Ok(found.and_then(|m| m.native::<MapperObj>().map(|m| m.0.clone())))
}

/// The ON clause a foreign key gives between one of `present` and `target` (both ways), from
/// the tables of the metadata `target` is mapped in.
pub fn foreign_key_join(mapper: &Mapper, present: &[String]) -> Option<Sql> {
    let metadata = mapper.metadata.native::<MetaDataObj>()?.to_schema();
    super::relationship::foreign_key_between(&metadata, present, &mapper.table_name)
}

fn class_attr(class: &Rc<Class>, name: &str) -> Option<Obj> {
    class.attrs.borrow().get_str(name).cloned()
}

fn set_class_attr(class: &Rc<Class>, name: &str, value: Obj) {
    class.attrs.borrow_mut().insert_str(name, value);
}

/// `User.tags = relationship(Tag)` after the class statement: mapped as declarative does it
/// (SQLAlchemy's `DeclarativeAttributeIntercept`); a column added so is not in the lab.
fn added_attribute(py: &mut Interpreter, class: &Rc<Class>, name: &str, value: &Obj) -> Res<()> {
    let Some(mapper) = class_attr(class, "__mapper__").and_then(|m| m.native::<MapperObj>().map(|m| m.0.clone())) else { return Ok(()) };
    if let Some(relationship) = value.native::<RelationshipAttr>() {
        let spec = Rc::new(RelationshipSpec::new(py, &mapper, name, relationship.spec_args.clone(), None)?);
        let existing = mapper.relationships.borrow().iter().position(|r| r.attr == name);
        if let Some(at) = existing {
            mapper.relationships.borrow_mut().remove(at);
        }
        mapper.add_relationship(spec);
        return super::relationship::configure_backrefs(py, &mapper.registry);
    }
    if value.native::<ColumnObj>().is_some() {
        return py.stop_not_available("a column assigned to a mapped class after its class statement");
    }
    // `User.address_count = column_property(select(...).scalar_subquery())`.
    if let Some(mut property) = super::column_property::properties(py, &[(name.to_string(), value.clone())], &[])?.into_iter().next() {
        property.trailing = true;
        mapper.expressions.borrow_mut().retain(|p| p.attr != property.attr);
        mapper.expressions.borrow_mut().push(property.clone());
        set_class_attr(class, name, native(super::column_property::ExpressionAttr { mapper: Rc::downgrade(&mapper), property }));
    }
    Ok(())
}

/// `DeclarativeBase`: the class a program's `Base` derives from.
pub fn declarative_base_class(py: &mut Interpreter) -> Obj {
    let init_subclass = NativeFunction::function("__init_subclass__", |py, args, _| {
        let Some(Obj::Class(class)) = args.first() else { return Ok(Obj::None) };
        on_subclass(py, class.clone())?;
        Ok(Obj::None)
    });
    let init = NativeFunction::method("__init__", |py, args, kwargs| {
        let Some(this) = args.first() else { return Ok(Obj::None) };
        if args.len() > 1 {
            return py.error("TypeError", format!("__init__() takes 1 positional argument but {} were given", args.len()));
        }
        declarative_constructor(py, this, kwargs)?;
        Ok(Obj::None)
    });
    let class_setattr = NativeFunction::function(crate::interp::CLASS_SETATTR_HOOK, |py, args, _| {
        let [Obj::Class(class), Obj::Str(name), value] = args.as_slice() else { return Ok(Obj::None) };
        added_attribute(py, class, name, value)?;
        Ok(Obj::None)
    });
    let class = py.new_class(
        "DeclarativeBase",
        vec![
            ("__init_subclass__".into(), init_subclass),
            ("__init__".into(), init),
            (crate::interp::CLASS_SETATTR_HOOK.into(), class_setattr),
        ],
    );
    if let Obj::Class(c) = &class {
        set_class_attr(c, "__module__", Obj::str("sqlalchemy.orm.decl_api"));
        set_class_attr(c, "__abstract__", Obj::Bool(true));
    }
    class
}

/// Sets each keyword as an attribute, as SQLAlchemy's default constructor does.
fn declarative_constructor(py: &mut Interpreter, this: &Obj, kwargs: Vec<(String, Obj)>) -> Res<()> {
    let Some(mapper) = mapper_of(py, this)? else {
        let shown = py.repr_of(this)?;
        return raise(py, "sqlalchemy.orm.exc", "UnmappedInstanceError", &format!("Class '{shown}' is not mapped"));
    };
    ensure_state(this, &mapper);
    // Column defaults that are plain values are not set here (they apply at INSERT).
    for (name, value) in kwargs {
        let known = mapper.column(&name).is_some() || mapper.relationship(&name).is_some() || {
            let Obj::Instance(instance) = this else { return Ok(()) };
            let found = instance.class.mro.borrow().iter().any(|c| c.attrs.borrow().contains_str(&name));
            found
        };
        if !known {
            return py.error("TypeError", format!("'{name}' is an invalid keyword argument for {}", mapper.class_name));
        }
        py.set_attr(this, &name, value)?;
    }
    Ok(())
}

/// Python's `__init_subclass__` for a declarative class: a new base gets its `metadata`; a
/// class with `__tablename__` is mapped.
fn on_subclass(py: &mut Interpreter, class: Rc<Class>) -> Res<()> {
    if let Some(table) = class_attr(&class, "__table__") {
        if is_dataclass_mapping(&class) {
            return py.stop_not_available("MappedAsDataclass with __table__");
        }
        declare_in_registry(py, &class)?;
        return map_class_to_table(py, &class, table);
    }
    if class_attr(&class, "__tablename__").is_some() {
        declare_in_registry(py, &class)?;
        if is_dataclass_mapping(&class) {
            as_dataclass(py, &class)?;
        } else {
            refuse_field_options(py, &class)?;
        }
        return map_class(py, &class);
    }
    if matches!(class_attr(&class, "__abstract__"), Some(Obj::Bool(true))) {
        return Ok(());
    }
    let mro = class.mro.borrow().clone();
    let has_base = mro.iter().skip(1).any(|c| class_attr(c, "metadata").is_some());
    if !has_base {
        if class_attr(&class, "metadata").is_none() {
            set_class_attr(&class, "metadata", native(MetaDataObj::default()));
        }
        let registry = native(Registry::default());
        remember_registry(py, &registry);
        set_class_attr(&class, "registry", registry);
        return Ok(());
    }
    declare_in_registry(py, &class)?;
    let inherits_table = mro.iter().skip(1).any(|c| class_attr(c, "__mapper__").is_some());
    if inherits_table {
        let message = format!("mapper inheritance (class {} derives from a mapped class)", class.name);
        return py.stop_not_available(&message);
    }
    raise(
        py,
        "sqlalchemy.exc",
        "InvalidRequestError",
        &format!("Class <class '{}'> does not have a __table__ or __tablename__ specified and does not inherit from an existing table-mapped class.", qualified_name(&class)),
    )
}

/// Whether `class` is under `MappedAsDataclass` (SQLAlchemy's declarative dataclass mapping).
fn is_dataclass_mapping(class: &Rc<Class>) -> bool {
    class.mro.borrow().iter().any(|c| &*c.name == "MappedAsDataclass" && matches!(class_attr(c, "__module__"), Some(Obj::Str(m)) if &*m == "sqlalchemy.orm.decl_api"))
}

/// The class's own attributes, in the class body's order.
fn own_attrs(class: &Rc<Class>) -> Vec<(String, Obj)> {
    class.attrs.borrow().items().filter_map(|(k, v)| if let Obj::Str(k) = k { Some((k.to_string(), v.clone())) } else { None }).collect()
}

fn annotations_of(class: &Rc<Class>) -> Vec<(String, Obj)> {
    match class_attr(class, "__annotations__") {
        Some(Obj::Dict(d)) => d.borrow().items().filter_map(|(k, v)| if let Obj::Str(k) = k { Some((k.to_string(), v.clone())) } else { None }).collect(),
        _ => Vec::new(),
    }
}

/// SQLAlchemy's `merge_lists_w_ordering`: two lists merged keeping each one's order as far as
/// possible — walking one until a name both have, then the other from where it stopped.
fn merge_lists_w_ordering(a: &[String], b: &[String]) -> Vec<String> {
    let mut overlap: Vec<&String> = a.iter().filter(|x| b.contains(x)).collect();
    let lists = [a, b];
    let mut at = [0usize, 0];
    let mut current = 0;
    let mut result = Vec::with_capacity(a.len() + b.len());
    loop {
        let list = lists[current];
        let mut switched = false;
        while at[current] < list.len() {
            let element = &list[at[current]];
            at[current] += 1;
            if let Some(found) = overlap.iter().position(|o| *o == element) {
                overlap.remove(found);
                current = 1 - current;
                switched = true;
                break;
            }
            result.push(element.clone());
        }
        if !switched {
            let other = 1 - current;
            result.extend(lists[other][at[other]..].iter().cloned());
            return result;
        }
    }
}

/// The `mapped_column` inside `Mapped[intpk]` where `intpk = Annotated[int, mapped_column(...)]`.
fn annotated_column(annotation: &Obj) -> Option<ColumnSpec> {
    let inner = annotation.native::<MappedAnnotation>().map(|m| m.0.clone())?;
    let (_, metadata) = crate::interp::typing::annotated_parts(&inner)?;
    metadata.iter().find_map(|m| m.native::<ColumnObj>().map(|c| c.0.borrow().clone()))
}

/// Makes a `MappedAsDataclass` class a dataclass before it is mapped, as SQLAlchemy does: a field
/// per annotation of the class body, with its `mapped_column()`'s or `relationship()`'s dataclass
/// options (sqlalchemy/orm/decl_api.py builds it with the `dataclasses` module).
fn as_dataclass(py: &mut Interpreter, class: &Rc<Class>) -> Res<()> {
    let own = own_attrs(class);
    let mut specs = Vec::new();
    for (name, annotation) in annotations_of(class) {
        let value = own.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
        let base = annotated_column(&annotation).map(|c| c.field_options).unwrap_or_default();
        let mut options = match &value {
            Some(v) => match (v.native::<ColumnObj>(), v.native::<RelationshipAttr>()) {
                (Some(column), _) => ColumnSpec { field_options: base, ..ColumnSpec::default() }.merged_with(&column.0.borrow()).field_options,
                (None, Some(relationship)) => relationship.spec_args.field_options.clone(),
                (None, None) => vec![("default".to_string(), v.clone())],
            },
            None => base,
        };
        // A mapped attribute's default is read through the attribute (SQLAlchemy 2.1's
        // descriptor defaults): the field's default is DONT_SET, which setting ignores.
        let mapped = value.as_ref().is_none_or(|v| v.native::<ColumnObj>().is_some() || v.native::<RelationshipAttr>().is_some());
        if mapped {
            for (key, option) in options.iter_mut() {
                if key == "default" {
                    *option = native(DontSet);
                }
            }
        }
        if let Some((option, _)) = options.iter().find(|(k, _)| k == "kw_only" || k == "hash") {
            return py.stop_not_available(&format!("the dataclass option {option}= of a mapped attribute"));
        }
        let options = options.into_iter().map(|(k, v)| Obj::tuple(vec![Obj::str(&k), v])).collect();
        specs.push(Obj::tuple(vec![Obj::str(&name), annotation, Obj::list(options)]));
    }
    let module = py.import("sqlalchemy.orm.decl_api")?;
    let make = py.get_attr(&module, "_as_dataclass")?;
    py.call(make, vec![Obj::Class(class.clone()), Obj::list(specs)], Vec::new())?;
    Ok(())
}

/// SQLAlchemy's `LoaderCallableStatus.DONT_SET`: the default of a mapped dataclass field, which
/// the attribute ignores when `__init__` assigns it.
pub struct DontSet;

impl Native for DontSet {
    fn type_name(&self) -> &str {
        "LoaderCallableStatus"
    }
    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok("<LoaderCallableStatus.DONT_SET: 5>".into())
    }
}

/// A class not under `MappedAsDataclass` whose `mapped_column()` or `relationship()` has dataclass
/// options: SQLAlchemy's ArgumentError (a column's `default=` is its column default, not one).
fn refuse_field_options(py: &mut Interpreter, class: &Rc<Class>) -> Res<()> {
    for (name, value) in own_attrs(class) {
        let (options, named): (&[(String, Obj)], &[&str]) = match (value.native::<ColumnObj>(), value.native::<RelationshipAttr>()) {
            (Some(column), _) => (&column.0.borrow().field_options.clone(), &["init", "default_factory", "repr"]),
            (None, Some(relationship)) => (&relationship.spec_args.field_options.clone(), &["init", "default_factory", "repr", "default"]),
            _ => continue,
        };
        let mut given: Vec<String> = options.iter().filter(|(k, _)| named.contains(&k.as_str())).map(|(k, _)| format!("'{k}'")).collect();
        if given.is_empty() {
            continue;
        }
        crate::sorting::sort(&mut given);
        let message = format!(
            "Attribute '{name}' on class <class '{}'> includes dataclasses argument(s): {} but class does not specify SQLAlchemy native dataclass configuration.",
            qualified_name(class),
            given.join(", ")
        );
        return raise(py, "sqlalchemy.exc", "ArgumentError", &message);
    }
    Ok(())
}

/// `Base.registry`: the classes mapped under one base, for `relationship("Address")` to find.
#[derive(Default)]
pub struct Registry {
    pub mappers: RefCell<Vec<Weak<Mapper>>>,
    /// `module.ClassName` of every class declared under the base (its string-lookup table):
    /// declaring one again replaces it, with SQLAlchemy's warning.
    pub names: RefCell<Vec<String>>,
}

impl Registry {
    /// Notes a class declared under the base; warns if the name was taken.
    fn declare(&self, py: &mut Interpreter, qualified: &str) {
        if self.names.borrow().iter().any(|n| n == qualified) {
            let message = format!(
                "This declarative base already contains a class with the same class name and module name as {qualified}, and will be replaced in the string-lookup table."
            );
            py.warn("SAWarning", &message);
        } else {
            self.names.borrow_mut().push(qualified.to_string());
        }
    }
}

/// `module.ClassName`, as SQLAlchemy's registry and messages name a class.
pub fn qualified_name(class: &Rc<Class>) -> String {
    let module = class_attr(class, "__module__").and_then(|m| if let Obj::Str(s) = m { Some(s.to_string()) } else { None }).unwrap_or_else(|| "__main__".into());
    format!("{module}.{}", class.name)
}

/// Adds a class to its base's registry of names (before mapping it, as SQLAlchemy does).
fn declare_in_registry(py: &mut Interpreter, class: &Rc<Class>) -> Res<()> {
    let registry = py.get_attr(&Obj::Class(class.clone()), "registry")?;
    if let Some(r) = registry.native::<Registry>() {
        r.declare(py, &qualified_name(class));
    }
    Ok(())
}

/// Where the interpreter keeps every declarative base's registry, for `mapper_for_table`.
const REGISTRIES: &str = "sqlalchemy.orm.registries";

fn remember_registry(py: &mut Interpreter, registry: &Obj) {
    match py.native_state.get(REGISTRIES) {
        Some(Obj::List(list)) => list.borrow_mut().push(registry.clone()),
        _ => {
            py.native_state.insert(REGISTRIES.to_string(), Obj::list(vec![registry.clone()]));
        }
    }
}

/// The class mapped to a table, under any declarative base (a FROM's table as `filter_by()`
/// searches it).
pub fn mapper_for_table(py: &Interpreter, table: &str) -> Option<Rc<Mapper>> {
    let Some(Obj::List(registries)) = py.native_state.get(REGISTRIES) else { return None };
    let registries = registries.borrow();
    registries.iter().filter_map(|r| r.native::<Registry>()).find_map(|r| r.mappers.borrow().iter().filter_map(Weak::upgrade).find(|m| m.table_name == table))
}

impl Registry {
    pub fn find(&self, name: &str) -> Option<Rc<Mapper>> {
        let short = name.rsplit('.').next().unwrap_or(name);
        self.mappers.borrow().iter().filter_map(Weak::upgrade).find(|m| m.class_name == short)
    }
}

impl Native for Registry {
    fn type_name(&self) -> &str {
        "registry"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.decl_api.registry object at {:#x}>", crate::interp::object::identity(this)))
    }
}

fn map_class(py: &mut Interpreter, class: &Rc<Class>) -> Res<()> {
    let table_name = match class_attr(class, "__tablename__") {
        Some(Obj::Str(name)) => name.to_string(),
        _ => return py.error("TypeError", "__tablename__ must be a string"),
    };
    let annotations = annotations_of(class);
    let own = own_attrs(class);
    let annotated: Vec<String> = annotations.iter().map(|(k, _)| k.clone()).collect();
    // A SQL expression in the class body maps to nothing: SQLAlchemy's warning says so.
    for (name, value) in &own {
        if value.native::<super::super::expression::ExprObj>().is_some() && !annotated.contains(name) {
            let message = format!(
                "Attribute '{name}' on class <class '{}'> appears to be a non-schema SQLAlchemy expression object; this won't be part of the declarative mapping. To map arbitrary expressions, use ``column_property()`` or a similar function such as ``deferred()``, ``query_expression()`` etc. ",
                qualified_name(class)
            );
            py.warn("SAWarning", &message);
        }
    }
    // The attributes in the order SQLAlchemy's declarative scan takes them: the class dict's
    // names merged with the annotations' (an annotation-only one has no place in the dict).
    let dict_names: Vec<String> = own.iter().map(|(k, _)| k.clone()).collect();
    let names: Vec<String> = merge_lists_w_ordering(&dict_names, &annotated)
        .into_iter()
        .filter(|name| annotated.contains(name) || own.iter().any(|(k, v)| k == name && (v.native::<ColumnObj>().is_some() || v.native::<RelationshipAttr>().is_some())))
        .collect();
    let mut column_objs = Vec::new();
    let mut infos: Vec<(String, ColumnSpec)> = Vec::new();
    let mut relationships = Vec::new();
    for name in &names {
        let value = own.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let annotation = match annotations.iter().find(|(k, _)| k == name) {
            Some((_, a)) => Some(annotation_text(py, a)?),
            None => None,
        };
        let mapped = annotation.as_deref().and_then(parse_mapped);
        if let Some(relationship) = value.as_ref().and_then(|v| v.native::<RelationshipAttr>()) {
            relationships.push((name.clone(), relationship.spec_args.clone(), mapped.clone()));
            continue;
        }
        // `Mapped[intpk]` where `intpk = Annotated[int, mapped_column(primary_key=True)]`: that
        // mapped_column is the start, what the attribute's own mapped_column says goes over it.
        let annotated = annotations.iter().find(|(k, _)| k == name).and_then(|(_, a)| annotated_column(a));
        // `name: Mapped[str] = "foo"`: a plain class attribute (a dataclass field's default), not a column.
        if value.as_ref().is_some_and(|v| v.native::<ColumnObj>().is_none()) {
            continue;
        }
        let mut spec = match (value.as_ref().and_then(|v| v.native::<ColumnObj>()), annotated) {
            (Some(column), Some(base)) => base.merged_with(&column.0.borrow()),
            (Some(column), None) => column.0.borrow().clone(),
            (None, Some(base)) if mapped.is_some() => base,
            (None, _) => match &mapped {
                Some(_) => ColumnSpec::default(),
                None => continue,
            },
        };
        if spec.name.is_none() {
            spec.name = Some(name.clone());
        }
        if let Some(m) = &mapped {
            if spec.sql_type.is_none() {
                let annotation = annotations.iter().find(|(k, _)| k == name).map(|(_, a)| a.clone());
                let enum_type = match annotation.as_ref().and_then(|a| a.native::<MappedAnnotation>()).map(|m| m.0.clone()) {
                    Some(inner) => enum_class_in(py, &inner)?,
                    None => None,
                };
                let from_map = type_from_annotation_map(py, class, &m.target)?;
                match from_map.or_else(|| type_for_name(&m.target)).or(enum_type) {
                    Some(t) if !m.collection => spec.sql_type = Some(t),
                    _ => {
                        return raise(
                            py,
                            "sqlalchemy.orm.exc",
                            "MappedAnnotationError",
                            &format!(
                                "Could not locate SQLAlchemy Core type when resolving for Python type indicated by '<class '{}'>' inside the Mapped[] annotation for the '{name}' attribute; the type object is not resolvable by the registry",
                                m.target
                            ),
                        );
                    }
                }
            }
            if spec.nullable.is_none() && !spec.primary_key {
                spec.nullable = Some(m.optional);
            }
        }
        if spec.sql_type.is_none() && spec.foreign_key.is_some() {
            spec.sql_type = Some(SqlType::Integer);
        }
        column_objs.push(native(ColumnObj::new(spec.clone())));
        infos.push((name.clone(), spec));
    }
    // __table_args__: constraints and indexes, and an optional dict of options last.
    let mut constraints: Vec<Constraint> = Vec::new();
    let mut indexes = Vec::new();
    let mut pk_name = None;
    let mut autoincrement = false;
    if let Some(args) = class_attr(class, "__table_args__") {
        let items = match &args {
            Obj::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        for item in items {
            // The options dict (alone, or last in the tuple): the Table's keywords.
            if matches!(item, Obj::Dict(_)) {
                let options = super::super::statement::dict_items(py, &item)?;
                autoincrement = super::super::schema::table_options(py, &options)?;
                continue;
            }
            if let Some(c) = item.native::<ConstraintObj>() {
                match &c.0 {
                    TableItem::Constraint(constraint) => constraints.push(constraint.clone()),
                    TableItem::Index(index) => indexes.push(index.clone()),
                    TableItem::PrimaryKey { name, columns } => {
                        pk_name = name.clone();
                        for (i, (_, spec)) in infos.iter_mut().enumerate() {
                            if spec.name.as_ref().is_some_and(|n| columns.contains(n)) {
                                spec.primary_key = true;
                                spec.nullable = Some(false);
                                if let Some(col) = column_objs.get(i).and_then(|c| c.native::<ColumnObj>()) {
                                    *col.0.borrow_mut() = spec.clone();
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    let table = TableObj::new(&table_name, column_objs.clone(), constraints, indexes, pk_name);
    table.sqlite_autoincrement.set(autoincrement);
    let table_obj = super::super::schema::table_value(table);
    let metadata = py.get_attr(&Obj::Class(class.clone()), "metadata")?;
    MetaDataObj::add(py, &metadata, table_obj.clone(), None)?;
    // `column_property()` expressions, the body's columns in them now the table's.
    let bound: Vec<(String, Sql)> = own
        .iter()
        .filter_map(|(attr, value)| {
            let unbound = super::column_property::unbound_name(value)?;
            let (_, spec) = infos.iter().find(|(a, _)| a == attr)?;
            let name = spec.name.clone().unwrap_or_else(|| attr.clone());
            Some((unbound, Sql::Column { table: Rc::from(table_name.as_str()), name: Rc::from(name.as_str()), sql_type: spec.sql_type.clone() }))
        })
        .collect();
    let expressions = super::column_property::properties(py, &own, &bound)?;
    finish_mapping(py, class, table_obj, column_objs, infos, relationships, metadata, expressions)
}

/// `__table__ = Table("users", Base.metadata, ...)` in the class body (a table declared or
/// reflected with `autoload_with`): the class maps that table, an attribute per column named as
/// the column, and the body's relationships.
fn map_class_to_table(py: &mut Interpreter, class: &Rc<Class>, table_obj: Obj) -> Res<()> {
    let Some(table) = table_obj.native::<TableObj>() else {
        let shown = py.repr_of(&table_obj)?;
        return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("__table__ must be a Table, got {shown}"));
    };
    let column_objs = table.columns.clone();
    let mut infos = Vec::new();
    for column in &column_objs {
        if let Some(column) = column.native::<ColumnObj>() {
            let mut spec = column.0.borrow().clone();
            spec.sql_type = Some(column.resolved_type());
            infos.push((spec.name.clone().unwrap_or_default(), spec));
        }
    }
    let mut relationships = Vec::new();
    let own: Vec<(String, Obj)> = class.attrs.borrow().items().filter_map(|(k, v)| if let Obj::Str(k) = k { Some((k.to_string(), v.clone())) } else { None }).collect();
    for (name, value) in own {
        if let Some(relationship) = value.native::<RelationshipAttr>() {
            relationships.push((name, relationship.spec_args.clone(), None));
        } else if value.native::<ColumnObj>().is_some() {
            return py.stop_not_available("a column in the class body beside __table__");
        }
    }
    let metadata = py.get_attr(&Obj::Class(class.clone()), "metadata")?;
    finish_mapping(py, class, table_obj, column_objs, infos, relationships, metadata, Vec::new())
}

/// Maps `class` to its table: the primary key check, the mapper in its registry, an attribute
/// per column, per `column_property()` expression and per relationship.
#[allow(clippy::too_many_arguments)]
fn finish_mapping(
    py: &mut Interpreter,
    class: &Rc<Class>,
    table_obj: Obj,
    column_objs: Vec<Obj>,
    infos: Vec<(String, ColumnSpec)>,
    relationships: Vec<(String, super::relationship::RelationshipArgs, Option<MappedType>)>,
    metadata: Obj,
    expressions: Vec<super::column_property::ExpressionProperty>,
) -> Res<()> {
    let table_name = table_obj.native::<TableObj>().map(|t| t.name.clone()).unwrap_or_default();
    if !infos.iter().any(|(_, s)| s.primary_key) {
        return raise(
            py,
            "sqlalchemy.exc",
            "ArgumentError",
            &format!("Mapper Mapper[{}({table_name})] could not assemble any primary key columns for mapped table '{table_name}'", class.name),
        );
    }
    let registry = py.get_attr(&Obj::Class(class.clone()), "registry")?;
    let dataclass = is_dataclass_mapping(class);
    let columns: Vec<ColumnInfo> = column_objs
        .iter()
        .zip(infos.iter())
        .filter_map(|(obj, (attr, info))| {
            let mut spec = obj.native::<ColumnObj>()?.0.borrow().clone();
            if spec.sql_type.is_none() {
                spec.sql_type = info.sql_type.clone();
            }
            Some(ColumnInfo {
                attr: attr.clone(),
                name: spec.name.clone().unwrap_or_default(),
                sql: spec.sql(),
                sql_type: spec.sql_type.clone(),
                primary_key: spec.primary_key,
                server_default: spec.server_default.is_some(),
                default: spec.default.clone(),
                onupdate: spec.onupdate.clone(),
                dataclass_default: if dataclass { spec.field_options.iter().find(|(k, _)| k == "default").map(|(_, v)| v.clone()) } else { None },
                deferred: spec.deferred.clone().filter(|_| !spec.primary_key),
            })
        })
        .collect();
    let body_properties: Vec<String> = class
        .attrs
        .borrow()
        .items()
        .filter_map(|(k, _)| match k {
            Obj::Str(name) if relationships.iter().any(|(a, _, _)| **a == **name) || expressions.iter().any(|p| *p.attr == **name) => Some(name.to_string()),
            _ => None,
        })
        .collect();
    let mapper = Rc::new(Mapper {
        class: Rc::downgrade(class),
        class_name: class.name.to_string(),
        table_name: table_name.clone(),
        table: table_obj.clone(),
        columns,
        expressions: RefCell::new(expressions),
        relationships: RefCell::new(Vec::new()),
        metadata,
        registry: registry.clone(),
        validators: RefCell::new(None),
        body_properties,
    });
    if let Some(r) = registry.native::<Registry>() {
        r.mappers.borrow_mut().push(Rc::downgrade(&mapper));
    }
    set_class_attr(class, "__table__", table_obj);
    set_class_attr(class, "__mapper__", native(MapperObj(mapper.clone())));
    for column in &mapper.columns {
        set_class_attr(class, &column.attr, native(InstrumentedAttribute { mapper: Rc::downgrade(&mapper), column: column.clone() }));
    }
    for property in mapper.expressions.borrow().iter() {
        set_class_attr(class, &property.attr, native(super::column_property::ExpressionAttr { mapper: Rc::downgrade(&mapper), property: property.clone() }));
    }
    for (attr, args, mapped) in relationships {
        let spec = Rc::new(RelationshipSpec::new(py, &mapper, &attr, args, mapped)?);
        mapper.relationships.borrow_mut().push(spec.clone());
        set_class_attr(class, &attr, native(RelationshipAttr::bound(spec)));
    }
    super::relationship::configure_backrefs(py, &registry)
}

/// `User.name`: a column in expressions, a value on an instance.
pub struct InstrumentedAttribute {
    pub mapper: Weak<Mapper>,
    pub column: ColumnInfo,
}

impl Native for InstrumentedAttribute {
    fn type_name(&self) -> &str {
        "InstrumentedAttribute"
    }
    fn library_class(&self) -> &str {
        "ColumnAttribute"
    }
    /// Raised from the column's comparator's error and the annotated column's, as SQLAlchemy's is.
    fn missing_attribute(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Option<Box<Raised>> {
        let owner = self.str(py, this).ok()?;
        let chain = [
            ("AttributeError", format!("'Comparator' object has no attribute '{name}'")),
            ("AttributeError", format!("Neither 'AnnotatedColumn' object nor 'Comparator' object has an attribute '{name}'")),
        ];
        let message = format!("Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {owner} has an attribute '{name}'");
        Some(py.library_chain(this, name, &chain, "AttributeError", message))
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.attributes.InstrumentedAttribute object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let class = self.mapper.upgrade().map(|m| m.class_name.clone()).unwrap_or_default();
        Ok(format!("{class}.{}", self.column.attr))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        match name {
            "key" => Ok(Some(Obj::str(&self.column.attr))),
            "name" => Ok(Some(Obj::str(&self.column.name))),
            "property" | "expression" | "comparator" => Ok(Some(expression::expr(self.column.sql.clone()))),
            "type" => Ok(Some(native(super::super::types::TypeObj(self.column.sql_type.clone().unwrap_or(SqlType::Named("NULL".into())))))),
            "class_" => Ok(self.mapper.upgrade().and_then(|m| m.class_obj())),
            _ => expression::method(&self.column.sql, name),
        }
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        expression::binary(py, &self.column.sql, op, other, reflected)
    }
    fn unary(&self, py: &mut Interpreter, _this: &Obj, op: &str) -> Option<Res<Obj>> {
        expression::unary(py, &self.column.sql, op)
    }
    fn descriptor_get(&self, py: &mut Interpreter, this: &Obj, instance: Option<&Obj>, _owner: &Obj) -> Option<Res<Obj>> {
        let Some(instance) = instance else { return Some(Ok(this.clone())) };
        if let (Some(default), Obj::Instance(inst)) = (&self.column.dataclass_default, instance) {
            let own = inst.attrs.borrow().get_str(self.column.attr.as_str()).is_some();
            if !own && state_of(instance).is_none_or(|s| s.key.borrow().is_none()) {
                return Some(Ok(default.clone()));
            }
        }
        Some(read_attribute(py, instance, &self.column.attr))
    }
    fn descriptor_set(&self, py: &mut Interpreter, _this: &Obj, instance: &Obj, value: Obj) -> Option<Res<()>> {
        if value.native::<DontSet>().is_some() {
            return Some(Ok(()));
        }
        let Some(mapper) = self.mapper.upgrade() else { return Some(Ok(())) };
        let state = ensure_state(instance, &mapper);
        let Obj::Instance(inst) = instance else { return Some(py.error("TypeError", "not a mapped instance")) };
        let value = match validated(py, instance, &self.column.attr, value) {
            Ok(value) => value,
            Err(error) => return Some(Err(error)),
        };
        inst.attrs.borrow_mut().insert_str(&self.column.attr, value);
        mark_modified(instance, &state);
        Some(Ok(()))
    }
}

/// `@validates("email")`: marks the method as the validator of those attributes.
pub fn validates(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if let Some((name, _)) = kwargs.iter().find(|(k, _)| k != "include_backrefs") {
        return py.stop_not_available(&format!("validates({name}=...)"));
    }
    let names = Obj::tuple(args);
    Ok(crate::sqlalchemy::function("validates", move |py, args, _| {
        let Some(method) = args.into_iter().next() else { return py.error("TypeError", "validates() decorates a method") };
        py.set_attr(&method, "__sa_validators__", names.clone())?;
        Ok(method)
    }))
}

/// The value to store in `attr`: what the class's validator of it returns (`validate(self, key,
/// value)`), or the value itself when it has none.
pub fn validated(py: &mut Interpreter, instance: &Obj, attr: &str, value: Obj) -> Res<Obj> {
    let Some(state) = state_of(instance) else { return Ok(value) };
    let mapper = state.mapper.clone();
    if mapper.validators.borrow().is_none() {
        let found = match instance {
            Obj::Instance(inst) => find_validators(&inst.class),
            _ => Vec::new(),
        };
        *mapper.validators.borrow_mut() = Some(found);
    }
    let method = mapper.validators.borrow().as_ref().and_then(|all| all.iter().find(|(a, _)| a == attr).map(|(_, m)| m.clone()));
    match method {
        Some(method) => py.call(method, vec![instance.clone(), Obj::str(attr), value], Vec::new()),
        None => Ok(value),
    }
}

/// The methods of a class and its bases marked `@validates(...)`, by attribute name.
fn find_validators(class: &Rc<Class>) -> Vec<(String, Obj)> {
    let mut found: Vec<(String, Obj)> = Vec::new();
    let mro = class.mro.borrow().clone();
    for class in &mro {
        let methods: Vec<Obj> = class.attrs.borrow().items().map(|(_, v)| v.clone()).collect();
        for method in methods {
            let Obj::Function(function) = &method else { continue };
            let names = function.attrs.borrow().get_str("__sa_validators__").cloned();
            let Some(Obj::Tuple(names)) = names else { continue };
            for name in names.iter() {
                if let Obj::Str(name) = name {
                    if !found.iter().any(|(a, _)| **a == **name) {
                        found.push((name.to_string(), method.clone()));
                    }
                }
            }
        }
    }
    found
}

/// Tells the instance's session (if it is persistent in one) that it changed.
pub fn mark_modified(instance: &Obj, state: &InstanceState) {
    if state.key.borrow().is_some() {
        if let Some(session) = state.session() {
            session.mark_modified(instance, state);
        }
    }
}

/// Reads a column attribute of an instance: from its `__dict__`, else loaded (an expired
/// attribute of a persistent object), else `None` (never loaded, not persistent).
pub fn read_attribute(py: &mut Interpreter, instance: &Obj, attr: &str) -> Res<Obj> {
    let Obj::Instance(inst) = instance else { return Ok(Obj::None) };
    if let Some(value) = inst.attrs.borrow().get_str(attr).cloned() {
        return Ok(value);
    }
    let Some(state) = state_of(instance) else { return Ok(Obj::None) };
    if state.key.borrow().is_none() || state.deleted.get() && state.session().is_none() {
        return Ok(Obj::None);
    }
    if let Some(raiseload) = state.deferral(attr) {
        super::deferred::load_deferred(py, instance, &state, attr, raiseload)?;
        return Ok(inst.attrs.borrow().get_str(attr).cloned().unwrap_or(Obj::None));
    }
    match state.session() {
        Some(session) => {
            SessionCore::load_expired(&session, py, instance, &state)?;
            Ok(inst.attrs.borrow().get_str(attr).cloned().unwrap_or(Obj::None))
        }
        None => detached(py, instance, &state.mapper),
    }
}

/// SQLAlchemy's error for reading an unloaded attribute of an object no session holds.
pub fn detached<T>(py: &mut Interpreter, instance: &Obj, mapper: &Mapper) -> Res<T> {
    let message = format!("Instance <{} at {:#x}> is not bound to a Session; attribute refresh operation cannot proceed", mapper.class_name, crate::interp::object::identity(instance));
    raise(py, "sqlalchemy.orm.exc", "DetachedInstanceError", &message)
}

/// An instance's ORM state.
pub struct InstanceState {
    pub mapper: Rc<Mapper>,
    /// The primary key once the row exists (persistent or detached).
    pub key: RefCell<Option<Vec<Value>>>,
    pub session: RefCell<Weak<SessionCore>>,
    /// Column values as last loaded or flushed: what a flush compares against.
    pub committed: RefCell<Vec<(String, Value)>>,
    /// Deleted by a flush.
    pub deleted: Cell<bool>,
    /// Collections as loaded (or last flushed), by attribute: what was taken out is an orphan.
    pub loaded: RefCell<Vec<(String, Vec<Obj>)>>,
    /// Changed since the last flush (the session holds it until then).
    pub modified: Cell<bool>,
    /// Unloaded collections the other side of a relationship added to (SQLAlchemy's pending
    /// mutations): until the object expires they are not among the attributes a refresh loads,
    /// which SQLAlchemy compiles as another statement.
    pub pending: RefCell<Vec<String>>,
    /// The `raiseload` / `lazyload` options of the query that loaded it, by relationship.
    pub strategies: RefCell<Vec<(String, super::loader::Strategy)>>,
    /// Columns left unloaded by a deferral (the class's, or the loading query's `load_only` /
    /// `defer`), each with its `raiseload`: reading one loads it alone (or with its
    /// `deferred_group`), where an expired attribute loads with all the others.
    pub deferred: RefCell<Vec<(String, bool)>>,
    /// The loader options of the query that made it, as a statement's cache key spells them:
    /// SQLAlchemy's later loads of its attributes carry them, so they are cached apart.
    pub load_options: RefCell<String>,
    /// Members the other side appended to a collection of this object that was not loaded
    /// (`Address(user=user)`), until the next flush.
    pub pending_members: RefCell<Vec<(String, Obj)>>,
}

impl InstanceState {
    pub fn session(&self) -> Option<Rc<SessionCore>> {
        self.session.borrow().upgrade()
    }

    /// Whether reading `attr`, unloaded, is a deferred load (and its `raiseload`): the loading
    /// query deferred it, or its class does.
    pub fn deferral(&self, attr: &str) -> Option<bool> {
        if let Some((_, raiseload)) = self.deferred.borrow().iter().find(|(a, _)| a == attr) {
            return Some(*raiseload);
        }
        self.mapper.column(attr).and_then(|c| c.deferred.as_ref()).map(|d| d.raiseload)
    }

    /// The columns (by index) neither in `__dict__` nor deferred: what an expired load reads.
    pub fn expired_columns(&self, instance: &Obj) -> Vec<usize> {
        let Obj::Instance(inst) = instance else { return Vec::new() };
        let attrs = inst.attrs.borrow();
        (0..self.mapper.columns.len())
            .filter(|&i| {
                let attr = &self.mapper.columns[i].attr;
                attrs.get_str(attr.as_str()).is_none() && self.deferral(attr).is_none()
            })
            .collect()
    }

    /// The current column values in `__dict__` (those that are loaded).
    pub fn current(&self, py: &mut Interpreter, instance: &Obj) -> Res<Vec<(String, Option<Value>)>> {
        let Obj::Instance(inst) = instance else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        for column in &self.mapper.columns {
            let value = inst.attrs.borrow().get_str(column.attr.as_str()).cloned();
            out.push((column.attr.clone(), match value {
                Some(v) => Some(to_value_as(py, &v, column.sql_type.as_ref())?),
                None => None,
            }));
        }
        Ok(out)
    }

    /// The loaded column attributes whose values differ from the database's (as last loaded or
    /// flushed), with their new values: what a flush writes.
    pub fn changes(&self, py: &mut Interpreter, instance: &Obj) -> Res<Vec<(String, Value)>> {
        let current = self.current(py, instance)?;
        let committed = self.committed.borrow();
        Ok(current
            .into_iter()
            .filter_map(|(attr, value)| {
                let value = value?;
                let before = committed.iter().find(|(a, _)| *a == attr).map(|(_, v)| v);
                (before != Some(&value)).then_some((attr, value))
            })
            .collect())
    }

    /// Records a column's value as the database now has it.
    pub fn set_committed(&self, attr: &str, value: Value) {
        let mut committed = self.committed.borrow_mut();
        match committed.iter_mut().find(|(a, _)| a == attr) {
            Some(slot) => slot.1 = value,
            None => committed.push((attr.to_string(), value)),
        }
    }
}

/// `inspect(obj)`: the state, and the object it belongs to.
pub struct StateObj(pub Rc<InstanceState>, pub Weak<crate::interp::object::Instance>);

impl StateObj {
    /// Each mapped attribute, column or relationship, and whether the object's `__dict__` has it.
    fn mapped_attrs(&self) -> Vec<(String, bool)> {
        let Some(inst) = self.1.upgrade() else { return Vec::new() };
        let attrs = inst.attrs.borrow();
        let relationships = self.0.mapper.relationships.borrow();
        self.0
            .mapper
            .columns
            .iter()
            .map(|c| &c.attr)
            .chain(relationships.iter().map(|r| &r.attr))
            .map(|attr| (attr.clone(), attrs.get_str(attr.as_str()).is_some()))
            .collect()
    }
}

impl Native for StateObj {
    fn type_name(&self) -> &str {
        "InstanceState"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.state.InstanceState object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        let key = self.0.key.borrow().is_some();
        let attached = self.0.session().is_some();
        let deleted = self.0.deleted.get();
        Ok(Some(match name {
            "transient" => Obj::Bool(!key && !attached),
            "pending" => Obj::Bool(!key && attached),
            "persistent" => Obj::Bool(key && attached && !deleted),
            "detached" => Obj::Bool(key && !attached),
            "deleted" => Obj::Bool(deleted && attached),
            "was_deleted" => Obj::Bool(deleted),
            "expired_attributes" => {
                // Column attributes of a persistent object that are not loaded, nor deferred;
                // while the object is expired, its relationships not loaded too (the refresh
                // that loads the columns empties the set, as SQLAlchemy's does).
                let mut names = Vec::new();
                if key {
                    if let Some(instance) = self.1.upgrade().map(Obj::Instance) {
                        names = self.0.expired_columns(&instance).into_iter().map(|i| Obj::str(&self.0.mapper.columns[i].attr)).collect();
                    }
                }
                if !names.is_empty() {
                    let columns = &self.0.mapper.columns;
                    let relationships = self.mapped_attrs().into_iter().filter(|(attr, present)| !present && !columns.iter().any(|c| c.attr == *attr));
                    names.extend(relationships.map(|(attr, _)| Obj::str(&attr)));
                }
                _py.call(Obj::Builtin("set"), vec![Obj::list(names)], Vec::new())?
            }
            "unloaded" => {
                // Every mapped attribute, column or relationship, not in `__dict__`.
                let names = self.mapped_attrs().into_iter().filter(|(_, present)| !present).map(|(attr, _)| Obj::str(&attr)).collect();
                _py.call(Obj::Builtin("set"), vec![Obj::list(names)], Vec::new())?
            }
            "attrs" | "session" => return _py.stop_not_available(&format!("InstanceState.{name}")),
            "mapper" => mapper_obj(&self.0.mapper),
            "class_" => self.0.mapper.class_obj().unwrap_or(Obj::None),
            "object" => self.1.upgrade().map_or(Obj::None, Obj::Instance),
            "dict" => self.1.upgrade().map_or(Obj::None, |i| Obj::Dict(i.attrs.clone())),
            "has_identity" => Obj::Bool(key),
            // Changed since loaded or flushed; an object not yet flushed is, once given a value.
            "modified" => Obj::Bool(self.0.modified.get() || (!key && self.mapped_attrs().iter().any(|(_, present)| *present))),
            // (class, primary key, identity token), as the identity map knows the object.
            "key" => match &*self.0.key.borrow() {
                Some(values) => Obj::tuple(vec![
                    self.0.mapper.class_obj().unwrap_or(Obj::None),
                    Obj::tuple(values.iter().map(|v| super::super::convert::from_value(v, None)).collect()),
                    Obj::None,
                ]),
                None => Obj::None,
            },
            "identity" => match &*self.0.key.borrow() {
                Some(values) => Obj::tuple(values.iter().map(|v| super::super::convert::from_value(v, None)).collect()),
                None => Obj::None,
            },
            _ => return Ok(None),
        }))
    }
}

const STATE: &str = "_sa_instance_state";

pub fn state_of(instance: &Obj) -> Option<Rc<InstanceState>> {
    let Obj::Instance(inst) = instance else { return None };
    let value = inst.attrs.borrow().get_str(STATE).cloned()?;
    value.native::<StateObj>().map(|s| s.0.clone())
}

/// The instance's state, made on first need.
pub fn ensure_state(instance: &Obj, mapper: &Rc<Mapper>) -> Rc<InstanceState> {
    if let Some(state) = state_of(instance) {
        return state;
    }
    let state = Rc::new(InstanceState {
        mapper: mapper.clone(),
        key: RefCell::new(None),
        session: RefCell::new(Weak::new()),
        committed: RefCell::new(Vec::new()),
        deleted: Cell::new(false),
        loaded: RefCell::new(Vec::new()),
        modified: Cell::new(false),
        pending: RefCell::new(Vec::new()),
        strategies: RefCell::new(Vec::new()),
        deferred: RefCell::new(Vec::new()),
        load_options: RefCell::new(String::new()),
        pending_members: RefCell::new(Vec::new()),
    });
    if let Obj::Instance(inst) = instance {
        inst.attrs.borrow_mut().insert_str(STATE, native(StateObj(state.clone(), Rc::downgrade(inst))));
    }
    state
}

/// `mapped_column(...)`.
pub fn mapped_column(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    super::super::schema::check_column_keywords(py, &kwargs, true)?;
    let spec = ColumnSpec::from_args(py, &args, &kwargs)?;
    Ok(native(ColumnObj::mapped(spec)))
}

#[cfg(test)]
mod tests {
    use super::merge_lists_w_ordering;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn class_dict_and_annotations_merge_as_sqlalchemy_merges_them() {
        // SQLAlchemy's own example: vars(cls) and cls.__annotations__ of a class with an
        // annotation-only `name`, `data` and `y` and an unannotated `x = Column(...)`.
        let merged = merge_lists_w_ordering(&names(&["__tablename__", "id", "x", "created_at"]), &names(&["id", "name", "data", "y", "created_at"]));
        assert_eq!(merged, names(&["__tablename__", "id", "name", "data", "y", "x", "created_at"]));
        // The unified tutorial's Address: `user_id = mapped_column(ForeignKey(...))` unannotated.
        let merged = merge_lists_w_ordering(&names(&["__tablename__", "id", "user_id", "user"]), &names(&["id", "email_address", "user"]));
        assert_eq!(merged, names(&["__tablename__", "id", "email_address", "user_id", "user"]));
        assert_eq!(merge_lists_w_ordering(&names(&["a"]), &[]), names(&["a"]));
    }
}
