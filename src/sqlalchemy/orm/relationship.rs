//! `relationship()`: one-to-many collections and many-to-one references between mapped classes,
//! found through the foreign key between their tables. Loaded lazily (`lazy="select"`: the
//! `SELECT … WHERE ? = address.user_id` SQLAlchemy emits on first access), kept in step with
//! `back_populates`, written by the flush (foreign keys set from the parent's key), and cascaded
//! (`save-update` always; `delete` and `delete-orphan` when `cascade=` says so).

use crate::fast_hash::FastSet;
use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::{Key, Obj};
use crate::interp::{Interpreter, Raised, Res};

use super::super::convert::{kwarg, native, raise};
use super::super::expression::Sql;
use super::super::schema::TableObj;
use super::collection::InstrumentedList;
use super::deferred::{spread, ColumnLoading};
use super::mapper::{ensure_state, read_attribute, state_of, MappedType, Mapper, Registry};

/// `relationship(...)`'s arguments, as written in the class body.
#[derive(Clone, Default)]
pub struct RelationshipArgs {
    pub target: Option<String>,
    pub back_populates: Option<String>,
    pub cascade: String,
    pub uselist: Option<bool>,
    /// `lazy="selectin"`: loaded as `selectinload` loads it, whenever its class is queried.
    pub selectin: bool,
    /// `lazy="raise"` (false) or `lazy="raise_on_sql"` (true): reading it unloaded raises.
    pub raise_on_read: Option<bool>,
    /// `secondary=post_tags` (a `Table`, or its name): a many-to-many relationship through it.
    pub secondary: Option<Obj>,
    /// `backref="author"` (or `backref("author", **kwargs)`): the other side's relationship, made
    /// with these arguments once both classes are mapped.
    pub backref: Option<(String, Vec<(String, Obj)>)>,
    /// `remote_side=` given: for a class that refers to itself, the many-to-one side.
    pub remote_side: bool,
    /// `order_by=`: a column, `desc(...)`, a list of them, or a string SQLAlchemy evaluates
    /// among the mapped classes (`"desc(Post.title)"`).
    pub order_by: Option<Obj>,
    /// Dataclass options (`default_factory=list`, `repr=False`, …): the field it is when its
    /// class is a `MappedAsDataclass`.
    pub field_options: Vec<(String, Obj)>,
    /// `lazy="write_only"`: never loaded; `user.posts` is a `WriteOnlyCollection`.
    pub write_only: bool,
    /// `lazy="dynamic"` (legacy): like write-only, but `user.posts` is an `AppenderQuery`, a
    /// Query of the members that also appends and removes.
    pub dynamic: bool,
    /// `passive_deletes=True`: deleting the owner leaves an unloaded collection to the
    /// database's `ON DELETE`; only members already loaded are deleted or let go.
    pub passive_deletes: bool,
}

/// A relationship of a mapped class.
pub struct RelationshipSpec {
    pub attr: String,
    pub parent: std::rc::Weak<Mapper>,
    pub args: RelationshipArgs,
    /// Whether the attribute holds a list: `uselist=`, the `Mapped[...]` annotation, or else
    /// SQLAlchemy's default from the relationship's direction (decided once both are mapped).
    collection: std::cell::Cell<Option<bool>>,
    target_name: String,
    registry: Obj,
    /// Whether the `backref` relationship has been made on the target.
    backref_made: std::cell::Cell<bool>,
    /// `WriteOnlyMapped[...]` or `lazy="write_only"` (orm/writeonly.rs).
    pub write_only: bool,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Direction {
    /// The target's table refers to the parent's: `User.addresses`.
    OneToMany,
    /// The parent's table refers to the target's: `Address.user`.
    ManyToOne,
    /// Through an association table whose rows refer to both: `Post.tags`.
    ManyToMany,
}

/// A many-to-many relationship's association table: its name, its columns in order, and for
/// each side the (key attr of that side's class, association column) pairs.
pub struct Secondary {
    pub table: String,
    pub columns: Vec<String>,
    pub parent: Vec<(String, String)>,
    pub target: Vec<(String, String)>,
}

impl RelationshipSpec {
    pub fn new(py: &mut Interpreter, parent: &Rc<Mapper>, attr: &str, args: RelationshipArgs, mapped: Option<MappedType>) -> Res<RelationshipSpec> {
        let target_name = match (&args.target, &mapped) {
            (Some(t), _) => t.clone(),
            (None, Some(m)) => m.target.clone(),
            (None, None) => {
                return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("relationship '{attr}' expects a class or a mapper argument (received: <class 'NoneType'>)"));
            }
        };
        let collection = args.uselist.or_else(|| mapped.as_ref().map(|m| m.collection));
        let write_only = args.write_only || mapped.as_ref().is_some_and(|m| m.write_only);
        if write_only && args.secondary.is_some() {
            return py.stop_not_available("a write-only many-to-many relationship");
        }
        Ok(RelationshipSpec {
            attr: attr.to_string(),
            parent: Rc::downgrade(parent),
            args,
            collection: std::cell::Cell::new(collection),
            target_name,
            registry: parent.registry.clone(),
            backref_made: std::cell::Cell::new(false),
            write_only,
        })
    }

    /// The target's mapper, once its class is mapped.
    fn mapped_target(&self) -> Option<Rc<Mapper>> {
        self.registry.native::<Registry>().and_then(|r| r.find(&self.target_name))
    }

    pub fn target(&self, py: &mut Interpreter) -> Res<Rc<Mapper>> {
        match self.mapped_target() {
            Some(m) => Ok(m),
            None => {
                let parent = self.parent.upgrade().map(|p| p.class_name.clone()).unwrap_or_default();
                raise(
                    py,
                    "sqlalchemy.exc",
                    "InvalidRequestError",
                    &format!("When initializing mapper Mapper[{parent}], expression '{}' failed to locate a name ('{}'). If this is a class name, consider adding this relationship() to the <class '{parent}'> class after both dependent classes have been defined.", self.target_name, self.target_name),
                )
            }
        }
    }

    fn parent(&self) -> Option<Rc<Mapper>> {
        self.parent.upgrade()
    }

    /// Whether the attribute holds a list. Without `uselist=` or an annotation, SQLAlchemy's
    /// default: a list for one-to-many and many-to-many, one object for many-to-one (for a class
    /// that refers to itself, many-to-one when `remote_side=` names the key).
    pub fn collection(&self) -> bool {
        if let Some(decided) = self.collection.get() {
            return decided;
        }
        let target = self.mapped_target();
        let (Some(target), Some(parent)) = (target, self.parent()) else { return false };
        let decided = if self.args.secondary.is_some() {
            true
        } else if Rc::ptr_eq(&target, &parent) {
            !self.args.remote_side
        } else {
            fk_pairs(&target, &parent).is_some()
        };
        self.collection.set(Some(decided));
        decided
    }

    /// The `ORDER BY` of `order_by=` (empty without it). A string is evaluated as SQLAlchemy
    /// evaluates it: with the base's classes, the metadata's tables and `sqlalchemy`'s names.
    pub fn order_by(&self, py: &mut Interpreter) -> Res<Vec<Sql>> {
        let Some(given) = self.args.order_by.clone() else { return Ok(Vec::new()) };
        let value = match &given {
            Obj::Str(text) => {
                let globals = Rc::new(std::cell::RefCell::new(crate::interp::object::Dict::default()));
                let sa = py.import("sqlalchemy")?;
                if let Obj::Module(module) = &sa {
                    for (name, value) in module.globals.borrow().items() {
                        if let Obj::Str(text) = name {
                            globals.borrow_mut().insert(Key::Str(text.clone()), name.clone(), value.clone());
                        }
                    }
                }
                if let Some(parent) = self.parent() {
                    if let Some(metadata) = parent.metadata.native::<super::super::schema::MetaDataObj>() {
                        for table in metadata.tables.borrow().iter() {
                            if let Some(name) = table.native::<TableObj>().map(|t| t.name.clone()) {
                                globals.borrow_mut().insert_str(&name, table.clone());
                            }
                        }
                    }
                }
                if let Some(found) = self.registry.native::<Registry>() {
                    for mapper in found.mappers.borrow().iter().filter_map(std::rc::Weak::upgrade) {
                        if let Some(class) = mapper.class_obj() {
                            globals.borrow_mut().insert_str(&mapper.class_name, class);
                        }
                    }
                }
                py.eval_with_globals(text, globals)?
            }
            other => other.clone(),
        };
        let items = match &value {
            Obj::List(_) | Obj::Tuple(_) => py.iterate(&value)?,
            other => vec![other.clone()],
        };
        let mut out = Vec::new();
        for item in &items {
            out.push(super::super::expression::coerce(py, item)?);
        }
        Ok(out)
    }

    /// Which way the relationship goes, and its target's mapper.
    pub fn kind(&self, py: &mut Interpreter) -> Res<(Direction, Rc<Mapper>)> {
        let (direction, _, target) = self.direction(py)?;
        Ok((direction, target))
    }

    /// Whether the target's rows refer to the parent's (one-to-many), whether the attribute holds
    /// a list or, with `uselist=False`, one object: what it lets go of has its key cleared (or is
    /// deleted, with `delete-orphan`).
    fn holds_children(&self) -> bool {
        if self.args.secondary.is_some() {
            return false;
        }
        let target = self.mapped_target();
        let (Some(target), Some(parent)) = (target, self.parent()) else { return false };
        if Rc::ptr_eq(&target, &parent) {
            self.collection() || !self.args.remote_side
        } else {
            fk_pairs(&target, &parent).is_some()
        }
    }

    /// Which way the foreign key goes, and the (local column attr, remote column attr) pairs:
    /// for one-to-many (parent pk attr, child fk attr); for many-to-one (own fk attr, target pk attr).
    pub fn direction(&self, py: &mut Interpreter) -> Res<(Direction, Vec<(String, String)>, Rc<Mapper>)> {
        let target = self.target(py)?;
        if self.args.secondary.is_some() {
            return Ok((Direction::ManyToMany, Vec::new(), target));
        }
        let Some(parent) = self.parent() else { return py.error("TypeError", "the mapped class is gone") };
        if let Some(pairs) = fk_pairs(&target, &parent) {
            // target.fk → parent.pk
            let pairs = pairs.into_iter().map(|(fk, pk)| (pk, fk)).collect();
            if !Rc::ptr_eq(&target, &parent) || self.collection() {
                return Ok((Direction::OneToMany, pairs, target));
            }
        }
        if let Some(pairs) = fk_pairs(&parent, &target) {
            return Ok((Direction::ManyToOne, pairs, target));
        }
        let parent_name = parent.class_name.clone();
        raise(
            py,
            "sqlalchemy.exc",
            "NoForeignKeysError",
            &format!(
                "Could not determine join condition between parent/child tables on relationship {parent_name}.{} - there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.",
                self.attr
            ),
        )
    }

    /// The association table's name, as given (`post_tags`).
    pub fn secondary_name(&self) -> String {
        match &self.args.secondary {
            Some(Obj::Str(name)) => name.to_string(),
            // `secondary=lambda: post_tags`: the function stands for its table.
            Some(function @ Obj::Function(_)) => format!("\u{1}{}", crate::interp::object::identity(function)),
            Some(other) => other.native::<TableObj>().map(|t| t.name.clone()).unwrap_or_default(),
            None => String::new(),
        }
    }

    /// Whether this is a many-to-many relationship (`secondary=`).
    pub fn is_many_to_many(&self) -> bool {
        self.args.secondary.is_some()
    }

    /// The association table of a many-to-many relationship, with the foreign keys that join
    /// each side to it.
    pub fn secondary(&self, py: &mut Interpreter) -> Res<Secondary> {
        let target = self.target(py)?;
        let Some(parent) = self.parent() else { return py.error("TypeError", "the mapped class is gone") };
        let table = match &self.args.secondary {
            Some(Obj::Str(name)) => match parent.metadata.native::<super::super::schema::MetaDataObj>().and_then(|m| m.table(name)) {
                Some(table) => table,
                None => {
                    let message = format!("When initializing mapper Mapper[{}], expression '{name}' failed to locate a name ('{name}'). If this is a class name, consider adding this relationship() to the <class '{}'> class after both dependent classes have been defined.", parent.class_name, parent.class_name);
                    return raise(py, "sqlalchemy.exc", "InvalidRequestError", &message);
                }
            },
            // `secondary=lambda: post_tags`, called once the tables exist.
            Some(function @ Obj::Function(_)) => py.call(function.clone(), Vec::new(), Vec::new())?,
            Some(other) => other.clone(),
            None => return py.error("TypeError", "not a many-to-many relationship"),
        };
        let Some(schema) = table.native::<TableObj>().map(TableObj::to_schema) else {
            return py.stop_not_available("relationship(secondary=...) with anything but a Table or a table's name");
        };
        if parent.table_name == target.table_name {
            return py.stop_not_available("a self-referential many-to-many relationship (both foreign keys of the association table point to one table)");
        }
        let side = |mapper: &Mapper| -> Vec<(String, String)> {
            let mut pairs = Vec::new();
            for fk in schema.foreign_keys().filter(|fk| fk.ref_table == mapper.table_name) {
                for (column, referenced) in fk.columns.iter().zip(&fk.ref_columns) {
                    if let Some(info) = mapper.column_by_name(referenced) {
                        pairs.push((info.attr.clone(), column.clone()));
                    }
                }
            }
            pairs
        };
        let (parent_pairs, target_pairs) = (side(&parent), side(&target));
        if parent_pairs.is_empty() || target_pairs.is_empty() {
            let message = format!(
                "Could not determine join condition between parent/child tables on relationship {}.{} - there are no foreign keys linking these tables via secondary table '{}'.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions.",
                parent.class_name, self.attr, schema.name
            );
            return raise(py, "sqlalchemy.exc", "NoForeignKeysError", &message);
        }
        Ok(Secondary { table: schema.name.clone(), columns: schema.columns.iter().map(|c| c.name.clone()).collect(), parent: parent_pairs, target: target_pairs })
    }

    pub fn cascades(&self, what: &str) -> bool {
        let words: Vec<&str> = self.args.cascade.split(',').map(str::trim).collect();
        words.contains(&what) || (words.contains(&"all") && what != "delete-orphan")
    }
}

/// Column attrs of `from`'s foreign keys to `to`: (from's fk attr, to's pk attr).
fn fk_pairs(from: &Mapper, to: &Mapper) -> Option<Vec<(String, String)>> {
    let table = from.table.native::<TableObj>()?.to_schema();
    for fk in table.foreign_keys() {
        if fk.ref_table == to.table_name {
            let pairs: Vec<(String, String)> = fk
                .columns
                .iter()
                .zip(&fk.ref_columns)
                .filter_map(|(c, r)| Some((from.column_by_name(c)?.attr.clone(), to.column_by_name(r)?.attr.clone())))
                .collect();
            if !pairs.is_empty() {
                return Some(pairs);
            }
        }
    }
    None
}

/// The ON clause between tables joined by a foreign key (for `select(User).join(Address)`):
/// SQLAlchemy writes the referenced column first (`users.id = address.user_id`).
pub fn foreign_key_between(metadata: &crate::schema::MetaData, present: &[String], target: &str) -> Option<Sql> {
    let column = |table: &str, name: &str| {
        let sql_type = metadata.table(table).and_then(|t| t.column(name)).map(|c| c.sql_type.clone());
        Sql::Column { table: Rc::from(table), name: Rc::from(name), sql_type }
    };
    let on = |fk: &crate::schema::ForeignKey, from: &str| {
        let items: Vec<Sql> = fk
            .columns
            .iter()
            .zip(&fk.ref_columns)
            .map(|(c, r)| Sql::Binary { left: Box::new(column(&fk.ref_table, r)), op: "=", right: Box::new(column(from, c)) })
            .collect();
        super::super::expression::and(items)
    };
    for table in present {
        if let Some(t) = metadata.table(target) {
            if let Some(fk) = t.foreign_keys().find(|fk| fk.ref_table == *table) {
                return Some(on(fk, target));
            }
        }
        if let Some(t) = metadata.table(table) {
            if let Some(fk) = t.foreign_keys().find(|fk| fk.ref_table == target) {
                return Some(on(fk, table));
            }
        }
    }
    None
}

/// `relationship(...)` in a class body, then `User.addresses` once mapped.
pub struct RelationshipAttr {
    pub spec_args: RelationshipArgs,
    pub spec: Option<Rc<RelationshipSpec>>,
}

impl RelationshipAttr {
    pub fn bound(spec: Rc<RelationshipSpec>) -> RelationshipAttr {
        RelationshipAttr { spec_args: spec.args.clone(), spec: Some(spec) }
    }

    /// `User.addresses.any(Address.email.like("%x%"))`, `Address.user.has(name="sandy")`: EXISTS
    /// of the related rows (those matching the criterion and the keywords), correlated to the
    /// statement it is used in — `EXISTS (SELECT 1 FROM address WHERE user_account.id =
    /// address.user_id AND …)`; through the association table for a many-to-many.
    fn exists(&self, py: &mut Interpreter, which: &str, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<Obj> {
        let Some(spec) = &self.spec else { return py.error("TypeError", "relationship is not mapped yet") };
        match (which, spec.collection()) {
            ("has", true) => return raise(py, "sqlalchemy.exc", "InvalidRequestError", "'has()' not implemented for collections. Use any()."),
            ("any", false) => return raise(py, "sqlalchemy.exc", "InvalidRequestError", "'any()' not implemented for scalar attributes. Use has()."),
            _ => {}
        }
        if args.len() > 1 {
            return py.error("TypeError", format!("{which}() takes from 1 to 2 positional arguments but {} were given", args.len() + 1));
        }
        let target = spec.target(py)?;
        let mut where_ = Vec::new();
        let mut froms = Vec::new();
        if spec.is_many_to_many() {
            // Both tables named as they are: `FROM tags, post_tags WHERE posts.id =
            // post_tags.post_id AND tags.id = post_tags.tag_id`.
            let secondary = spec.secondary(py)?;
            let Some(parent) = spec.parent() else { return py.error("TypeError", "the mapped class is gone") };
            let column = |name: &str| Sql::Column { table: Rc::from(secondary.table.as_str()), name: Rc::from(name), sql_type: None };
            for (mapper, pairs) in [(&parent, &secondary.parent), (&target, &secondary.target)] {
                for (attr, name) in pairs {
                    if let Some(own) = mapper.column(attr) {
                        where_.push(Sql::Binary { left: Box::new(own.sql.clone()), op: "=", right: Box::new(column(name)) });
                    }
                }
            }
            froms.push(target.table_name.clone());
            froms.push(secondary.table.clone());
        } else {
            for (_, _, on) in self.join_condition(py, None)? {
                where_.push(on);
            }
            froms.push(target.table_name.clone());
        }
        if let Some(criterion) = args.first() {
            where_.push(crate::sqlalchemy::expression::condition(py, criterion)?);
        }
        for (attr, value) in kwargs {
            let Some(column) = target.column(attr) else {
                return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Entity namespace for \"{}\" has no property \"{attr}\"", target.table_name));
            };
            let right = crate::sqlalchemy::expression::coerce(py, value)?;
            where_.push(Sql::Binary { left: Box::new(column.sql.clone()), op: "=", right: Box::new(right) });
        }
        let select = crate::sqlalchemy::statement::SelectState {
            columns: vec![crate::sqlalchemy::statement::Selected::Column(Sql::Literal(Rc::from("1")))],
            where_: vec![crate::sqlalchemy::expression::and(where_)],
            select_from: froms,
            ..Default::default()
        };
        crate::sqlalchemy::expression::grown(py, Sql::Exists(Rc::new(select)))
    }

    /// For `select(Address).join(Address.user)`: the joined tables, each with its alias (the
    /// association table of a many-to-many: `post_tags AS post_tags_1`) and its ON clause.
    /// `to_alias`: the target is an `aliased()` class of this table name (`join(manager,
    /// Employee.manager)`), whose side of the ON clause reads from the alias — the parent's side
    /// stays, even when both are the same table.
    pub fn join_condition(&self, py: &mut Interpreter, to_alias: Option<&Rc<str>>) -> Res<Vec<(String, Option<String>, Sql)>> {
        let Some(spec) = &self.spec else { return py.error("TypeError", "relationship is not mapped yet") };
        let (direction, pairs, target) = spec.direction(py)?;
        let Some(parent) = spec.parent() else { return py.error("TypeError", "the mapped class is gone") };
        let target_sql = |column: &super::mapper::ColumnInfo| match to_alias {
            Some(alias) => super::super::expression::retabled(&column.sql, &target.table_name, alias),
            None => column.sql.clone(),
        };
        if direction == Direction::ManyToMany {
            let secondary = spec.secondary(py)?;
            let alias = format!("{}_1", secondary.table);
            let column = |name: &str| Sql::Column { table: Rc::from(alias.as_str()), name: Rc::from(name), sql_type: None };
            let mut first = Vec::new();
            for (attr, name) in &secondary.parent {
                if let Some(own) = parent.column(attr) {
                    first.push(Sql::Binary { left: Box::new(own.sql.clone()), op: "=", right: Box::new(column(name)) });
                }
            }
            let mut second = Vec::new();
            for (attr, name) in &secondary.target {
                if let Some(theirs) = target.column(attr) {
                    second.push(Sql::Binary { left: Box::new(target_sql(theirs)), op: "=", right: Box::new(column(name)) });
                }
            }
            return Ok(vec![
                (secondary.table.clone(), Some(alias.clone()), super::super::expression::and(first)),
                (target.table_name.clone(), None, super::super::expression::and(second)),
            ]);
        }
        let mut items = Vec::new();
        for (local, remote) in &pairs {
            let (Some(own), Some(theirs)) = (parent.column(local), target.column(remote)) else { continue };
            let (one, many) = match direction {
                // (parent pk, child fk): parent.pk = child.fk
                Direction::OneToMany => (own.sql.clone(), target_sql(theirs)),
                // (own fk, target pk): target.pk = own.fk
                Direction::ManyToOne | Direction::ManyToMany => (target_sql(theirs), own.sql.clone()),
            };
            items.push(Sql::Binary { left: Box::new(one), op: "=", right: Box::new(many) });
        }
        Ok(vec![(target.table_name.clone(), None, super::super::expression::and(items))])
    }
}

/// `User.addresses.and_(criteria)`: the relationship with more criteria for its join's ON.
pub struct RelationshipCriteria {
    pub relationship: Obj,
    pub criteria: Vec<Sql>,
}

impl Native for RelationshipCriteria {
    fn type_name(&self) -> &str {
        "InstrumentedAttribute"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.attributes.InstrumentedAttribute object at {:#x}>", crate::interp::object::identity(this)))
    }
}

/// `Employee.manager.of_type(boss)`: a relationship to be joined to an `aliased()` class (or a
/// subclass) of its target, as `join(boss, Employee.manager)`.
pub struct OfType {
    pub relationship: Obj,
    pub entity: Obj,
}

impl Native for OfType {
    fn type_name(&self) -> &str {
        "InstrumentedAttribute"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.attributes.InstrumentedAttribute object at {:#x}>", crate::interp::object::identity(this)))
    }
}

impl Native for RelationshipAttr {
    fn type_name(&self) -> &str {
        if self.spec.is_some() {
            "InstrumentedAttribute"
        } else {
            "_RelationshipDeclared"
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        if self.spec.is_none() {
            // What relationship() returns before its class is mapped, as SQLAlchemy prints it.
            return Ok(format!("<_RelationshipDeclared at {:#x}; no key>", crate::interp::object::identity(this)));
        }
        Ok(format!("<sqlalchemy.orm.attributes.{} object at {:#x}>", self.type_name(), crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(match &self.spec {
            Some(spec) => format!("{}.{}", spec.parent().map(|p| p.class_name.clone()).unwrap_or_default(), spec.attr),
            None => "relationship".into(),
        })
    }
    /// Raised from the relationship comparator's error, as SQLAlchemy's is.
    fn missing_attribute(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Option<Box<Raised>> {
        self.spec.as_ref()?;
        let owner = self.str(py, this).ok()?;
        let message = format!("Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {owner} has an attribute '{name}'");
        Some(py.library_chain(this, name, &[("AttributeError", name.to_string())], "AttributeError", message))
    }
    /// What code reads of a mapped relationship: `User.posts.property.mapper.class_`, `uselist`.
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let Some(spec) = self.spec.clone() else { return Ok(None) };
        Ok(match name {
            "property" | "prop" => Some(this.clone()),
            "key" => Some(Obj::str(&spec.attr)),
            "uselist" => Some(Obj::Bool(spec.collection())),
            "back_populates" => Some(spec.args.back_populates.as_deref().map_or(Obj::None, Obj::str)),
            "any" | "has" => {
                let which: &'static str = if name == "any" { "any" } else { "has" };
                let attr = RelationshipAttr::bound(spec.clone());
                Some(crate::sqlalchemy::convert::function(which, move |py, args, kwargs| attr.exists(py, which, &args, &kwargs)))
            }
            "contains" if spec.collection() && !spec.is_many_to_many() => {
                let spec = spec.clone();
                Some(crate::sqlalchemy::convert::function("contains", move |py, args, _| contains(py, &spec, &args)))
            }
            "mapper" | "entity" => Some(super::mapper::mapper_obj(&spec.target(py)?)),
            "of_type" => {
                let relationship = this.clone();
                Some(crate::sqlalchemy::convert::function("of_type", move |py, args, _| match args.first() {
                    Some(entity) => Ok(native(OfType { relationship: relationship.clone(), entity: entity.clone() })),
                    None => py.error("TypeError", "of_type() missing 1 required positional argument: 'class_'"),
                }))
            }
            "parent" => spec.parent().map(|p| super::mapper::mapper_obj(&p)),
            // `join(User.addresses.and_(Address.email.like("%x%")))`: more ON criteria.
            "and_" => {
                let relationship = this.clone();
                Some(crate::sqlalchemy::convert::function("and_", move |py, args, _| {
                    let mut criteria = Vec::with_capacity(args.len());
                    for arg in &args {
                        criteria.push(crate::sqlalchemy::expression::condition(py, arg)?);
                    }
                    Ok(native(RelationshipCriteria { relationship: relationship.clone(), criteria }))
                }))
            }
            "class_" => spec.parent().and_then(|p| p.class_obj()),
            _ => None,
        })
    }
    fn descriptor_get(&self, py: &mut Interpreter, this: &Obj, instance: Option<&Obj>, _owner: &Obj) -> Option<Res<Obj>> {
        let spec = self.spec.clone()?;
        let Some(instance) = instance else { return Some(Ok(this.clone())) };
        if spec.write_only {
            if let Some(parent) = spec.parent() {
                ensure_state(instance, &parent);
            }
            return Some(Ok(super::writeonly::collection(instance, &spec)));
        }
        if let Err(error) = refuse_raise_load(py, &spec, instance) {
            return Some(Err(error));
        }
        Some(load(py, &spec, instance))
    }
    /// `Post.author == ann`: the foreign key compared with the object's key, as SQLAlchemy
    /// writes it (`? = posts.author_id`; `!=` also lets NULL through; `== None` is `IS NULL`).
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, _reflected: bool) -> Option<Res<Obj>> {
        if !matches!(op, "==" | "!=") {
            return None;
        }
        let spec = self.spec.clone()?;
        Some(compare(py, &spec, op == "==", other))
    }
    fn descriptor_set(&self, py: &mut Interpreter, _this: &Obj, instance: &Obj, value: Obj) -> Option<Res<()>> {
        if value.native::<super::mapper::DontSet>().is_some() {
            return Some(Ok(()));
        }
        let spec = self.spec.clone()?;
        if let Some(parent) = spec.parent() {
            ensure_state(instance, &parent);
        }
        if spec.write_only {
            return Some(super::writeonly::assign(py, &spec, instance, &value));
        }
        // A validator sees each member of a collection assigned, or the one object.
        let value = if spec.collection() {
            let members = match py.iterate(&value) {
                Ok(members) => members,
                Err(error) => return Some(Err(error)),
            };
            let mut checked = Vec::with_capacity(members.len());
            for member in members {
                match super::mapper::validated(py, instance, &spec.attr, member) {
                    Ok(member) => checked.push(member),
                    Err(error) => return Some(Err(error)),
                }
            }
            Obj::list(checked)
        } else {
            match super::mapper::validated(py, instance, &spec.attr, value) {
                Ok(value) => value,
                Err(error) => return Some(Err(error)),
            }
        };
        Some(assign(py, &spec, instance, value))
    }
}

fn compare(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, equal: bool, other: &Obj) -> Res<Obj> {
    let (direction, pairs, target) = spec.direction(py)?;
    let Some(parent) = spec.parent() else { return py.error("TypeError", "the mapped class is gone") };
    if direction != Direction::ManyToOne {
        if matches!(other, Obj::None) {
            // `User.posts == None`: no related rows, as SQLAlchemy's `~any()`.
            let attr = RelationshipAttr::bound(spec.clone());
            let exists = attr.exists(py, "any", &[], &[])?;
            return match exists.native::<crate::sqlalchemy::expression::ExprObj>() {
                Some(e) if equal => crate::sqlalchemy::expression::grown(py, e.0.clone().negate()),
                _ => Ok(exists),
            };
        }
        return raise(py, "sqlalchemy.exc", "InvalidRequestError", "Can't compare a collection to an object or collection; use contains() to test for membership.");
    }
    let mut items = Vec::new();
    for (local, remote) in &pairs {
        let (Some(own), Some(theirs)) = (parent.column(local), target.column(remote)) else { continue };
        let fk = Box::new(own.sql.clone());
        if matches!(other, Obj::None) {
            items.push(Sql::Binary { left: fk, op: if equal { "IS" } else { "IS NOT" }, right: Box::new(Sql::Null) });
            continue;
        }
        let value = py.get_attr(other, &theirs.attr)?;
        if equal {
            // The key on the left, an anonymous parameter (`:param_1 = posts.author_id`).
            let bound = Box::new(Sql::Anonymous(crate::sqlalchemy::convert::to_value_as(py, &value, theirs.sql_type.as_ref())?));
            items.push(Sql::Binary { left: bound, op: "=", right: fk });
        } else {
            let bound = Box::new(crate::sqlalchemy::expression::coerce(py, &value)?);
            let null = Sql::Binary { left: fk.clone(), op: "IS", right: Box::new(Sql::Null) };
            items.push(Sql::Or(vec![Sql::Binary { left: fk, op: "!=", right: bound }, null]));
        }
    }
    crate::sqlalchemy::expression::grown(py, crate::sqlalchemy::expression::and(items))
}

/// `with_parent(user, User.posts)`: the rows of the relationship's target that belong to that
/// object, as its lazy load selects them (`? = posts.author_id`; for a many-to-one, `users.id = ?`).
pub fn with_parent(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let (Some(instance), Some(prop)) = (args.first(), args.get(1)) else {
        return py.error("TypeError", "with_parent() missing 2 required positional arguments: 'instance' and 'prop'");
    };
    let Some(spec) = prop.native::<RelationshipAttr>().and_then(|r| r.spec.clone()) else {
        return raise(py, "sqlalchemy.exc", "ArgumentError", "Expected relationship property for with_parent(), got the attribute given");
    };
    let (direction, pairs, target) = spec.direction(py)?;
    let Some(parent) = spec.parent() else { return py.error("TypeError", "the mapped class is gone") };
    let mut items = Vec::new();
    for (local, remote) in &pairs {
        let (Some(own), Some(theirs)) = (parent.column(local), target.column(remote)) else { continue };
        let value = py.get_attr(instance, &own.attr)?;
        let bound = Box::new(Sql::Anonymous(crate::sqlalchemy::convert::to_value_as(py, &value, own.sql_type.as_ref())?));
        items.push(match direction {
            Direction::OneToMany => Sql::Binary { left: bound, op: "=", right: Box::new(theirs.sql.clone()) },
            Direction::ManyToOne => Sql::Binary { left: Box::new(theirs.sql.clone()), op: "=", right: bound },
            Direction::ManyToMany => return py.stop_not_available("with_parent() along a many-to-many relationship"),
        });
    }
    crate::sqlalchemy::expression::grown(py, crate::sqlalchemy::expression::and(items))
}

/// `User.addresses.contains(address)` of a one-to-many: the parent's key equal to the member's
/// foreign key value (`user_account.id = ?`), as SQLAlchemy compares it.
fn contains(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, args: &[Obj]) -> Res<Obj> {
    let [member] = args else {
        return py.error("TypeError", format!("contains() takes 2 positional arguments but {} were given", args.len() + 1));
    };
    let (_, pairs, target) = spec.direction(py)?;
    let Some(parent) = spec.parent() else { return py.error("TypeError", "the mapped class is gone") };
    let mut items = Vec::new();
    for (local, remote) in &pairs {
        let (Some(own), Some(theirs)) = (parent.column(local), target.column(remote)) else { continue };
        let value = py.get_attr(member, &theirs.attr)?;
        let right = crate::sqlalchemy::expression::coerce(py, &value)?;
        items.push(Sql::Binary { left: Box::new(own.sql.clone()), op: "=", right: Box::new(right) });
    }
    crate::sqlalchemy::expression::grown(py, crate::sqlalchemy::expression::and(items))
}

/// How a joined eager load joins the target: the target, and the ON clause's
/// (parent column attr, target column attr) pairs, and whether the target is on the many side
/// (a collection: `ON user_account.id = address_1.user_id`, the parent written first) or not
/// (`ON user_account_1.id = address.user_id`, the target first).
/// A class with `column_property()` expressions is not loaded eagerly from another's query.
pub fn refuse_eager_expressions(py: &mut Interpreter, spec: &RelationshipSpec, how: &str) -> Res<()> {
    let target = spec.target(py)?;
    if !target.expressions.borrow().is_empty() {
        return py.stop_not_available(&format!("{how} of a class with column_property() expressions ({})", target.class_name));
    }
    Ok(())
}

pub fn join_parts(py: &mut Interpreter, spec: &Rc<RelationshipSpec>) -> Res<(Rc<Mapper>, Vec<(String, String)>, bool)> {
    let (direction, pairs, target) = spec.direction(py)?;
    if direction == Direction::ManyToMany {
        return py.stop_not_available("joinedload() of a many-to-many relationship");
    }
    Ok((target, pairs, direction == Direction::OneToMany))
}

/// `selectinload`: the relationship of each of `parents` not loaded yet, loaded with one
/// `SELECT <foreign key>, <the other columns> … WHERE <foreign key> IN (…)` (the parents' keys in
/// the order the query returned them), as SQLAlchemy's selectin loader does for one-to-many.
pub fn select_in(py: &mut Interpreter, session: &Rc<super::session::SessionCore>, spec: &Rc<RelationshipSpec>, parents: &[Obj]) -> Res<()> {
    refuse_eager_expressions(py, spec, "selectinload()")?;
    let (direction, pairs, target) = spec.direction(py)?;
    if direction == Direction::ManyToMany {
        return select_in_many_to_many(py, session, spec, parents, &target);
    }
    if let (Direction::ManyToOne, [(fk_attr, pk_attr)]) = (direction, pairs.as_slice()) {
        return select_in_many_to_one(py, session, spec, parents, &target, fk_attr, pk_attr);
    }
    let (Direction::OneToMany, [(pk_attr, fk_attr)]) = (direction, pairs.as_slice()) else {
        return py.stop_not_available("selectinload() over a key of several columns");
    };
    let Some(fk) = target.column(fk_attr).cloned() else { return Ok(()) };
    let mut wanting: Vec<(Obj, crate::value::Value)> = Vec::new();
    for parent in parents {
        // Every parent the query returned is asked for, loaded before or not (as SQLAlchemy
        // does); a collection already loaded is kept as it is.
        if wanting.iter().any(|(p, _)| crate::interp::object::identity(p) == crate::interp::object::identity(parent)) {
            continue;
        }
        wanting.push((parent.clone(), read_bound(py, parent, pk_attr)?));
    }
    if wanting.is_empty() {
        return Ok(());
    }
    // The foreign key first, then the target's other columns (a column is selected once).
    let mut loading = super::deferred::default_loading(&target);
    let others: Vec<usize> = (0..target.columns.len()).filter(|&i| target.columns[i].name != fk.name && loading[i] == ColumnLoading::Loaded).collect();
    if let Some(at) = target.columns.iter().position(|c| c.name == fk.name) {
        loading[at] = ColumnLoading::Loaded;
    }
    let mut columns = vec![super::super::statement::Selected::Column(fk.sql.clone())];
    columns.extend(others.iter().map(|&i| super::super::statement::Selected::Column(target.columns[i].sql.clone())));
    let items = wanting.iter().map(|(_, pk)| Sql::Bind(pk.clone())).collect();
    let select = super::super::statement::SelectState {
        columns,
        where_: vec![Sql::In { expr: Box::new(fk.sql.clone()), items, negated: false }],
        order_by: spec.order_by(py)?,
        ..Default::default()
    };
    let mut children: Vec<(crate::value::Value, Obj)> = Vec::new();
    for row in session.select_values(py, &select, "selectin")? {
        let Some(fk_value) = row.first().cloned() else { continue };
        // Back in the mapper's column order, as the identity map reads a row.
        let mut values = Vec::with_capacity(target.columns.len());
        for column in &target.columns {
            let value = match others.iter().position(|&i| target.columns[i].name == column.name) {
                Some(at) => row.get(1 + at).cloned().unwrap_or(crate::value::Value::Null),
                None if column.name == fk.name => fk_value.clone(),
                None => crate::value::Value::Null,
            };
            values.push(value);
        }
        children.push((fk_value, session.instance_for_row(py, &target, &values, &loading)?));
    }
    for (parent, pk) in wanting {
        let mine: Vec<Obj> = children.iter().filter(|(fk, _)| *fk == pk).map(|(_, child)| child.clone()).collect();
        let value = if spec.collection() { InstrumentedList::new(&parent, spec.clone(), mine) } else { mine.into_iter().next().unwrap_or(Obj::None) };
        set_loaded(&parent, spec, value);
    }
    Ok(())
}

/// `selectinload` of a many-to-many: `SELECT post_tags.tag_id, posts.id, … FROM post_tags JOIN
/// posts ON posts.id = post_tags.post_id WHERE post_tags.tag_id IN (…)`, the association table's
/// key of the parent first, as SQLAlchemy's selectin loader writes it.
fn select_in_many_to_many(py: &mut Interpreter, session: &Rc<super::session::SessionCore>, spec: &Rc<RelationshipSpec>, parents: &[Obj], target: &Rc<Mapper>) -> Res<()> {
    let secondary = spec.secondary(py)?;
    let [(parent_attr, parent_column)] = secondary.parent.as_slice() else {
        return py.stop_not_available("selectinload() over a key of several columns");
    };
    let column = |name: &str| Sql::Column { table: Rc::from(secondary.table.as_str()), name: Rc::from(name), sql_type: None };
    let mut wanting: Vec<(Obj, crate::value::Value)> = Vec::new();
    for parent in parents {
        if wanting.iter().any(|(p, _)| crate::interp::object::identity(p) == crate::interp::object::identity(parent)) {
            continue;
        }
        wanting.push((parent.clone(), read_bound(py, parent, parent_attr)?));
    }
    if wanting.is_empty() {
        return Ok(());
    }
    let mut on = Vec::new();
    for (attr, name) in &secondary.target {
        if let Some(theirs) = target.column(attr) {
            on.push(Sql::Binary { left: Box::new(theirs.sql.clone()), op: "=", right: Box::new(column(name)) });
        }
    }
    let mut columns = vec![super::super::statement::Selected::Column(column(parent_column))];
    let loading = super::deferred::default_loading(target);
    columns.extend(super::deferred::loaded_columns(target, &loading).map(|c| super::super::statement::Selected::Column(c.sql.clone())));
    let items = wanting.iter().map(|(_, key)| Sql::Bind(key.clone())).collect();
    let select = super::super::statement::SelectState {
        columns,
        where_: vec![Sql::In { expr: Box::new(column(parent_column)), items, negated: false }],
        select_from: vec![secondary.table.clone()],
        order_by: spec.order_by(py)?,
        joins: vec![super::super::statement::Join { table: target.table_name.clone(), alias: None, on: super::super::expression::and(on), outer: false }],
        ..Default::default()
    };
    let mut children: Vec<(crate::value::Value, Obj)> = Vec::new();
    for row in session.select_values(py, &select, "selectin")? {
        let Some(key) = row.first().cloned() else { continue };
        children.push((key, session.instance_for_row(py, target, &spread(&loading, &row[1..]), &loading)?));
    }
    for (parent, key) in wanting {
        let mine: Vec<Obj> = children.iter().filter(|(k, _)| *k == key).map(|(_, child)| child.clone()).collect();
        set_loaded(&parent, spec, InstrumentedList::new(&parent, spec.clone(), mine));
    }
    Ok(())
}

/// Whether `instance` has `spec`'s value loaded already.
pub fn is_loaded(instance: &Obj, spec: &RelationshipSpec) -> bool {
    matches!(instance, Obj::Instance(inst) if inst.attrs.borrow().get_str(&spec.attr).is_some())
}

/// An eager load's result for `instance`: set unless its value is loaded already (a query does
/// not overwrite what the session holds, as SQLAlchemy's loaders do not).
pub fn set_loaded(instance: &Obj, spec: &RelationshipSpec, value: Obj) {
    if let Obj::Instance(inst) = instance {
        if !is_loaded(instance, spec) {
            inst.attrs.borrow_mut().insert_str(&spec.attr, value.clone());
            // What an eager load put in a collection, as for a lazy load, so that a member taken
            // out later is found at flush (an orphan to delete, or a foreign key to clear).
            if let Some(state) = state_of(instance) {
                remember_members(&state, spec, &value);
            }
        }
    }
}

/// `selectinload` of a many-to-one: the targets the parents' foreign keys name (each key once,
/// in the order met; those already in the identity map asked for too, as SQLAlchemy does) with
/// one `SELECT … WHERE <target key> IN (…)`.
fn select_in_many_to_one(
    py: &mut Interpreter,
    session: &Rc<super::session::SessionCore>,
    spec: &Rc<RelationshipSpec>,
    parents: &[Obj],
    target: &Rc<Mapper>,
    fk_attr: &str,
    pk_attr: &str,
) -> Res<()> {
    let Some(pk) = target.column(pk_attr).cloned() else { return Ok(()) };
    let mut keyed: Vec<(Obj, crate::value::Value)> = Vec::new();
    let mut wanted: Vec<crate::value::Value> = Vec::new();
    for parent in parents {
        if keyed.iter().any(|(p, _)| crate::interp::object::identity(p) == crate::interp::object::identity(parent)) {
            continue;
        }
        let fk = read_bound(py, parent, fk_attr)?;
        if !matches!(fk, crate::value::Value::Null) && !wanted.contains(&fk) {
            wanted.push(fk.clone());
        }
        keyed.push((parent.clone(), fk));
    }
    let mut found: Vec<(crate::value::Value, Obj)> = Vec::new();
    if !wanted.is_empty() {
        let loading = super::deferred::default_loading(target);
        let columns = super::deferred::loaded_columns(target, &loading).map(|c| super::super::statement::Selected::Column(c.sql.clone())).collect();
        let items = wanted.iter().map(|v| Sql::Bind(v.clone())).collect();
        let select = super::super::statement::SelectState {
            columns,
            where_: vec![Sql::In { expr: Box::new(pk.sql.clone()), items, negated: false }],
            ..Default::default()
        };
        for row in session.select_values(py, &select, "selectin")? {
            let row = spread(&loading, &row);
            let at = target.columns.iter().position(|c| c.name == pk.name).unwrap_or(0);
            let key = row.get(at).cloned().unwrap_or(crate::value::Value::Null);
            found.push((key, session.instance_for_row(py, target, &row, &loading)?));
        }
    }
    for (parent, fk) in keyed {
        let related = found.iter().find(|(k, _)| *k == fk).map_or(Obj::None, |(_, o)| o.clone());
        set_loaded(&parent, spec, related);
    }
    Ok(())
}

/// A relationship read whose load `raiseload` (or `lazy="raise"`) forbids: SQLAlchemy's
/// `InvalidRequestError`; with `sql_only`, only when the load would run SQL (a many-to-one whose
/// object the session holds, or whose key is NULL, does not).
fn refuse_raise_load(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, instance: &Obj) -> Res<()> {
    let Obj::Instance(inst) = instance else { return Ok(()) };
    if inst.attrs.borrow().get_str(&spec.attr).is_some() {
        return Ok(());
    }
    let Some(parent) = spec.parent() else { return Ok(()) };
    let state = ensure_state(instance, &parent);
    if state.key.borrow().is_none() {
        return Ok(());
    }
    let chosen = state.strategies.borrow().iter().rev().find(|(a, _)| *a == spec.attr).map(|(_, s)| *s);
    let sql_only = match chosen {
        Some(super::loader::Strategy::Raise { sql_only }) => sql_only,
        Some(_) => return Ok(()),
        None => match spec.args.raise_on_read {
            Some(sql_only) => sql_only,
            None => return Ok(()),
        },
    };
    if sql_only && !spec.collection() {
        if let (Direction::ManyToOne, pairs, target) = spec.direction(py)? {
            let mut values = Vec::new();
            for (fk_attr, _) in &pairs {
                values.push(read_bound(py, instance, fk_attr)?);
            }
            let held = state.session().is_some_and(|s| s.holds_key(&target, &values));
            if held || values.iter().any(|v| matches!(v, crate::value::Value::Null)) {
                return Ok(());
            }
        }
    }
    let how = if sql_only { "raise_on_sql" } else { "raise" };
    raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("'{}.{}' is not available due to lazy='{how}'", parent.class_name, spec.attr))
}

/// Reads a relationship of an instance: as loaded, else loaded now (persistent), else empty.
fn load(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, instance: &Obj) -> Res<Obj> {
    let Obj::Instance(inst) = instance else { return Ok(Obj::None) };
    if let Some(value) = inst.attrs.borrow().get_str(&spec.attr).cloned() {
        return Ok(value);
    }
    let Some(parent) = spec.parent() else { return Ok(Obj::None) };
    let state = ensure_state(instance, &parent);
    let persistent = state.key.borrow().is_some();
    let value = if !persistent {
        if spec.collection() {
            InstrumentedList::new(instance, spec.clone(), Vec::new())
        } else {
            Obj::None
        }
    } else {
        let Some(session) = state.session() else {
            let message = format!(
                "Parent instance <{} at {:#x}> is not bound to a Session; lazy load operation of attribute '{}' cannot proceed",
                parent.class_name,
                crate::interp::object::identity(instance),
                spec.attr
            );
            return raise(py, "sqlalchemy.orm.exc", "DetachedInstanceError", &message);
        };
        let (direction, pairs, target) = spec.direction(py)?;
        match direction {
            Direction::ManyToMany => {
                // `SELECT tags.id, tags.name FROM tags, post_tags WHERE ? = post_tags.post_id AND
                // tags.id = post_tags.tag_id`, as SQLAlchemy's lazy loader writes it.
                let secondary = spec.secondary(py)?;
                let column = |name: &str| Sql::Column { table: Rc::from(secondary.table.as_str()), name: Rc::from(name), sql_type: None };
                let mut conditions = Vec::new();
                for (attr, name) in &secondary.parent {
                    let own = read_bound(py, instance, attr)?;
                    conditions.push(Sql::Binary { left: Box::new(Sql::Bind(own)), op: "=", right: Box::new(column(name)) });
                }
                for (attr, name) in &secondary.target {
                    if let Some(theirs) = target.column(attr) {
                        conditions.push(Sql::Binary { left: Box::new(theirs.sql.clone()), op: "=", right: Box::new(column(name)) });
                    }
                }
                let select = super::super::statement::SelectState {
                    columns: vec![super::super::statement::Selected::Entity(target.clone())],
                    where_: conditions,
                    order_by: spec.order_by(py)?,
                    ..Default::default()
                };
                let result = session.run_select_as(py, &select, "lazy")?;
                let mut children = Vec::new();
                for row in py.iterate(&result)? {
                    children.push(py.get_item(&row, Obj::Int(0))?);
                }
                InstrumentedList::new(instance, spec.clone(), children)
            }
            Direction::OneToMany => {
                let mut conditions = Vec::new();
                for (pk_attr, fk_attr) in &pairs {
                    let pk = read_bound(py, instance, pk_attr)?;
                    if let Some(column) = target.column(fk_attr) {
                        conditions.push(Sql::Binary { left: Box::new(Sql::Bind(pk)), op: "=", right: Box::new(column.sql.clone()) });
                    }
                }
                let select = super::super::statement::SelectState {
                    columns: vec![super::super::statement::Selected::Entity(target.clone())],
                    where_: conditions,
                    order_by: spec.order_by(py)?,
                    ..Default::default()
                };
                let result = session.run_select_as(py, &select, "lazy")?;
                let items = py.iterate(&result)?;
                let mut children = Vec::new();
                for row in items {
                    children.push(py.get_item(&row, Obj::Int(0))?);
                }
                if spec.collection() {
                    InstrumentedList::new(instance, spec.clone(), children)
                } else {
                    children.into_iter().next().unwrap_or(Obj::None)
                }
            }
            Direction::ManyToOne => {
                let mut key_values = Vec::new();
                for (fk_attr, _) in &pairs {
                    let v = read_attribute(py, instance, fk_attr)?;
                    key_values.push(v);
                }
                if key_values.iter().any(|v| matches!(v, Obj::None)) {
                    Obj::None
                } else {
                    let ident = if key_values.len() == 1 { key_values[0].clone() } else { Obj::tuple(key_values) };
                    let class = target.class_obj().unwrap_or(Obj::None);
                    session.get(py, &class, &ident)?
                }
            }
        }
    };
    inst.attrs.borrow_mut().insert_str(&spec.attr, value.clone());
    remember_members(&state, spec, &value);
    Ok(value)
}

/// What a loaded collection held, to find what was removed at flush.
fn remember_members(state: &super::mapper::InstanceState, spec: &RelationshipSpec, value: &Obj) {
    if spec.collection() || spec.holds_children() {
        let mut loaded = state.loaded.borrow_mut();
        loaded.retain(|(a, _)| *a != spec.attr);
        loaded.push((spec.attr.clone(), members(value)));
    }
}

/// Members taken out of loaded collections since they were loaded (or last flushed): deleted
/// when the relationship has `delete-orphan`, else their foreign key is cleared. The collections
/// as they are now become the loaded ones.
pub fn orphans(py: &mut Interpreter, instance: &Obj) -> Res<(Vec<Obj>, Vec<Obj>)> {
    let mut to_delete = Vec::new();
    let mut to_release = Vec::new();
    let Some(state) = state_of(instance) else { return Ok((to_delete, to_release)) };
    let Obj::Instance(inst) = instance else { return Ok((to_delete, to_release)) };
    let relationships = state.mapper.relationships.borrow().clone();
    for spec in relationships {
        if !spec.collection() && !spec.holds_children() {
            continue;
        }
        let Some(current) = inst.attrs.borrow().get_str(&spec.attr).cloned() else { continue };
        if let Some(list) = current.native::<super::writeonly::WriteOnlyCollection>() {
            // What `remove()` took out goes as from a loaded collection.
            let removed: Vec<Obj> = list.removed.borrow_mut().drain(..).collect();
            for old in removed {
                release_or_delete(py, &spec, old, &mut to_delete, &mut to_release)?;
            }
            continue;
        }
        if spec.is_many_to_many() {
            // Its members stay; only the association rows change (`association_changes`).
            remember_members(&state, &spec, &current);
            continue;
        }
        let now = members(&current);
        let before = state.loaded.borrow().iter().find(|(a, _)| *a == spec.attr).map(|(_, m)| m.clone()).unwrap_or_default();
        for old in before {
            let id = crate::interp::object::identity(&old);
            if now.iter().any(|m| crate::interp::object::identity(m) == id) {
                continue;
            }
            release_or_delete(py, &spec, old, &mut to_delete, &mut to_release)?;
        }
        remember_members(&state, &spec, &current);
    }
    Ok((to_delete, to_release))
}

/// A member out of its collection: deleted with `delete-orphan`, else its foreign key cleared.
fn release_or_delete(py: &mut Interpreter, spec: &RelationshipSpec, old: Obj, to_delete: &mut Vec<Obj>, to_release: &mut Vec<Obj>) -> Res<()> {
    if spec.cascades("delete-orphan") {
        to_delete.push(old);
        return Ok(());
    }
    let (direction, pairs, _) = spec.direction(py)?;
    if direction == Direction::OneToMany {
        if let Obj::Instance(child) = &old {
            for (_, fk_attr) in &pairs {
                child.attrs.borrow_mut().insert_str(fk_attr, Obj::None);
            }
        }
        if let Some(child_state) = state_of(&old) {
            super::mapper::mark_modified(&old, &child_state);
        }
        to_release.push(old);
    }
    Ok(())
}

pub fn members(value: &Obj) -> Vec<Obj> {
    if let Some(list) = value.native::<InstrumentedList>() {
        return list.items.borrow().clone();
    }
    // A write-only collection's members are the ones added since the last flush.
    if let Some(list) = value.native::<super::writeonly::WriteOnlyCollection>() {
        return list.added.borrow().clone();
    }
    match value {
        Obj::List(items) => items.borrow().clone(),
        Obj::None => Vec::new(),
        other => vec![other.clone()],
    }
}

/// The other side of a many-to-many relationship learns that `owner` joined (or left) `child`'s
/// collection `other`: changed when loaded, started when `child` is new, else left to load.
pub fn back_collection(child: &Obj, other: &Rc<RelationshipSpec>, owner: &Obj, joined: bool) {
    let Obj::Instance(child_inst) = child else { return };
    let existing = child_inst.attrs.borrow().get_str(&other.attr).cloned();
    let owner_id = crate::interp::object::identity(owner);
    match existing.as_ref().and_then(|e| e.native::<InstrumentedList>()) {
        Some(list) => {
            let at = list.items.borrow().iter().position(|i| crate::interp::object::identity(i) == owner_id);
            match (at, joined) {
                (None, true) => list.items.borrow_mut().push(owner.clone()),
                (Some(at), false) => {
                    list.items.borrow_mut().remove(at);
                }
                _ => {}
            }
        }
        None => match state_of(child) {
            Some(state) if state.key.borrow().is_some() => {
                let mut pending = state.pending.borrow_mut();
                if !pending.contains(&other.attr) {
                    pending.push(other.attr.clone());
                }
            }
            _ if joined => {
                child_inst.attrs.borrow_mut().insert_str(&other.attr, InstrumentedList::new(child, other.clone(), vec![owner.clone()]));
            }
            _ => {}
        },
    }
}

/// `user.addresses = [...]`, `address.user = user`: stored, and the other side kept in step.
fn assign(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, instance: &Obj, value: Obj) -> Res<()> {
    let Some(parent) = spec.parent() else { return Ok(()) };
    let state = ensure_state(instance, &parent);
    if spec.is_many_to_many() {
        // The collection it replaces is loaded first, as SQLAlchemy does, to know which
        // association rows go.
        let old = load(py, spec, instance)?;
        super::mapper::mark_modified(instance, &state);
        let new = py.iterate(&value)?;
        let target = spec.target(py)?;
        let other = spec.args.back_populates.as_ref().and_then(|back| target.relationship(back));
        if let Some(other) = other {
            let kept = |m: &Obj, among: &[Obj]| among.iter().any(|n| crate::interp::object::identity(n) == crate::interp::object::identity(m));
            for gone in members(&old).iter().filter(|m| !kept(m, &new)) {
                back_collection(gone, &other, instance, false);
            }
            for came in new.iter().filter(|m| !kept(m, &members(&old))) {
                ensure_state(came, &target);
                back_collection(came, &other, instance, true);
            }
        }
        for member in &new {
            cascade_on_event(py, spec, instance, member)?;
        }
        if let Obj::Instance(inst) = instance {
            inst.attrs.borrow_mut().insert_str(&spec.attr, InstrumentedList::new(instance, spec.clone(), new));
        }
        return Ok(());
    }
    super::mapper::mark_modified(instance, &state);
    let Obj::Instance(inst) = instance else { return Ok(()) };
    let value = if spec.collection() { InstrumentedList::new(instance, spec.clone(), py.iterate(&value)?) } else { value };
    let old = inst.attrs.borrow().get_str(&spec.attr).cloned();
    inst.attrs.borrow_mut().insert_str(&spec.attr, value.clone());
    for member in members(&value) {
        cascade_on_event(py, spec, instance, &member)?;
    }
    // back_populates: the other side learns of this one.
    if let Some(back) = spec.args.back_populates.clone() {
        let target = spec.target(py)?;
        let Some(other) = target.relationship(&back) else { return Ok(()) };
        // What was here and is no more lets go of this object on its side too.
        let new_members = members(&value);
        let gone = old.as_ref().map(members).unwrap_or_default();
        for child in gone.iter().filter(|m| !new_members.iter().any(|n| crate::interp::object::identity(n) == crate::interp::object::identity(m))) {
            let Obj::Instance(child_inst) = child else { continue };
            let theirs = child_inst.attrs.borrow().get_str(&back).cloned();
            match theirs {
                Some(list) if list.native::<InstrumentedList>().is_some() => {
                    if let Some(list) = list.native::<InstrumentedList>() {
                        list.items.borrow_mut().retain(|i| crate::interp::object::identity(i) != crate::interp::object::identity(instance));
                    }
                }
                // A single object's side: cleared, loaded or not (SQLAlchemy's backref records
                // the change without loading it).
                None if !other.collection() => {
                    child_inst.attrs.borrow_mut().insert_str(&back, Obj::None);
                    if let Some(child_state) = state_of(child) {
                        super::mapper::mark_modified(child, &child_state);
                    }
                }
                Some(one) if crate::interp::object::identity(&one) == crate::interp::object::identity(instance) => {
                    child_inst.attrs.borrow_mut().insert_str(&back, Obj::None);
                    if let Some(child_state) = state_of(child) {
                        super::mapper::mark_modified(child, &child_state);
                    }
                }
                _ => {}
            }
        }
        for child in members(&value) {
            let Obj::Instance(child_inst) = &child else { continue };
            ensure_state(&child, &target);
            if other.write_only {
                super::writeonly::from_backref(&child, &other, instance);
                continue;
            }
            if other.collection() {
                let existing = child_inst.attrs.borrow().get_str(&back).cloned();
                match existing.as_ref().and_then(|e| e.native::<InstrumentedList>()) {
                    Some(list) => {
                        let present = list.items.borrow().iter().any(|i| crate::interp::object::identity(i) == crate::interp::object::identity(instance));
                        if !present {
                            list.items.borrow_mut().push(instance.clone());
                            // The owner of the loaded collection has changed too.
                            if let Some(child_state) = state_of(&child) {
                                super::mapper::mark_modified(&child, &child_state);
                            }
                        }
                    }
                    None => match state_of(&child).filter(|s| s.key.borrow().is_some()) {
                        // A persistent owner's unloaded collection: the append is remembered
                        // (SQLAlchemy's pending mutation), the owner changed.
                        Some(child_state) => {
                            child_state.pending_members.borrow_mut().push((back.clone(), instance.clone()));
                            super::mapper::mark_modified(&child, &child_state);
                        }
                        None => {
                            child_inst.attrs.borrow_mut().insert_str(&back, InstrumentedList::new(&child, other.clone(), vec![instance.clone()]));
                        }
                    },
                }
            } else {
                child_inst.attrs.borrow_mut().insert_str(&back, instance.clone());
            }
        }
    }
    Ok(())
}

/// Objects reachable from `instance` through its loaded relationships (save-update cascade).
/// The save-update cascade as an attribute event: `user.addresses.append(address)` (or
/// `address.user = user`) on an object in a session brings the other object into it at once.
pub fn cascade_on_event(py: &mut Interpreter, spec: &RelationshipSpec, owner: &Obj, member: &Obj) -> Res<()> {
    if !spec.cascades("save-update") || matches!(member, Obj::None) {
        return Ok(());
    }
    let Some(session) = state_of(owner).and_then(|s| s.session()) else { return Ok(()) };
    if state_of(member).is_some_and(|s| s.session().is_some()) {
        return Ok(());
    }
    session.add(py, member)
}

/// Members of `instance`'s relationships that are in no session, each with the relationship
/// (`User.addresses`): a flush leaves them out, with SQLAlchemy's warning.
pub fn unattached_members(py: &mut Interpreter, instance: &Obj) -> Res<Vec<(Obj, String)>> {
    let mut out = Vec::new();
    let Some(state) = state_of(instance) else { return Ok(out) };
    let Obj::Instance(inst) = instance else { return Ok(out) };
    let relationships = state.mapper.relationships.borrow().clone();
    let pending = state.pending_members.borrow_mut().drain(..).collect::<Vec<_>>();
    for (attr, member) in pending {
        if state_of(&member).is_none_or(|s| s.session().is_none()) {
            out.push((member, format!("{}.{attr}", state.mapper.class_name)));
        }
    }
    for spec in relationships {
        let Some(value) = inst.attrs.borrow().get_str(&spec.attr).cloned() else { continue };
        for member in members(&value) {
            if matches!(member, Obj::None) || super::mapper::mapper_of(py, &member)?.is_none() {
                continue;
            }
            if state_of(&member).is_none_or(|s| s.session().is_none()) {
                out.push((member, format!("{}.{}", state.mapper.class_name, spec.attr)));
            }
        }
    }
    Ok(out)
}

pub fn save_cascade(py: &mut Interpreter, instance: &Obj) -> Res<Vec<Obj>> {
    let mut out = Vec::new();
    let mut todo = vec![instance.clone()];
    let mut seen = vec![crate::interp::object::identity(instance)];
    while let Some(current) = todo.pop() {
        let Some(state) = state_of(&current) else { continue };
        let Obj::Instance(inst) = &current else { continue };
        let relationships = state.mapper.relationships.borrow().clone();
        for spec in relationships {
            let value = inst.attrs.borrow().get_str(&spec.attr).cloned();
            let Some(value) = value else { continue };
            for child in members(&value) {
                let id = crate::interp::object::identity(&child);
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                if super::mapper::mapper_of(py, &child)?.is_none() {
                    continue;
                }
                // The cascade stops at an object already in a session (SQLAlchemy's `halt_on`):
                // what that one refers to is its own business.
                let attached = state_of(&child).is_some_and(|s| s.session().is_some());
                out.push(child.clone());
                if !attached {
                    todo.push(child);
                }
            }
        }
    }
    Ok(out)
}

/// Which of `pending` (objects of one self-referential mapper, `Tag.parent` / `Tag.children`)
/// must be inserted before `instance`: the parent it names, and any whose collection holds it.
pub fn pending_parents(py: &mut Interpreter, instance: &Obj, mapper: &Rc<Mapper>, pending: &[Obj]) -> Res<Vec<usize>> {
    let id = crate::interp::object::identity(instance);
    let mut out = Vec::new();
    let relationships = mapper.relationships.borrow().clone();
    for spec in relationships {
        let Ok(target) = spec.target(py) else { continue };
        if !Rc::ptr_eq(&target, mapper) {
            continue;
        }
        let (direction, _, _) = spec.direction(py)?;
        if direction == Direction::ManyToMany {
            continue;
        }
        for (at, other) in pending.iter().enumerate() {
            let Obj::Instance(inst) = (if direction == Direction::ManyToOne { instance } else { other }) else { continue };
            let Some(value) = inst.attrs.borrow().get_str(&spec.attr).cloned() else { continue };
            let wanted = if direction == Direction::ManyToOne { crate::interp::object::identity(other) } else { id };
            if members(&value).iter().any(|m| crate::interp::object::identity(m) == wanted) && crate::interp::object::identity(other) != id {
                out.push(at);
            }
        }
    }
    Ok(out)
}

/// One row of an association table to write or remove: the many-to-many relationship it comes
/// through, the object that holds the collection, and the member.
pub struct Association {
    spec: Rc<RelationshipSpec>,
    owner: Obj,
    member: Obj,
}

impl Association {
    /// The row's table and its two objects in either order: the same row from either side.
    fn row(&self) -> (String, usize, usize) {
        let (a, b) = (crate::interp::object::identity(&self.owner), crate::interp::object::identity(&self.member));
        (self.spec.secondary_name(), a.min(b), a.max(b))
    }
}

/// What a flush does to association tables, in SQLAlchemy's order: rows for members taken out of
/// and added to many-to-many collections since they were loaded, then the rows of deleted objects.
#[derive(Default)]
pub struct AssociationChanges {
    pub removed: Vec<Association>,
    pub added: Vec<Association>,
    pub of_deleted: Vec<Association>,
}

impl AssociationChanges {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty() && self.of_deleted.is_empty()
    }
}

/// Adds the row of `owner` and `member` through `spec` to `rows` unless one side of the
/// relationship gave it already.
fn add_row(rows: &mut Vec<Association>, seen: &mut FastSet<(String, usize, usize)>, spec: &Rc<RelationshipSpec>, owner: &Obj, member: &Obj) {
    let row = Association { spec: spec.clone(), owner: owner.clone(), member: member.clone() };
    if seen.insert(row.row()) {
        rows.push(row);
    }
}

/// The association rows a flush writes and removes. `objects` are the session's new objects in
/// the order added, then its changed persistent ones in key order; the relationships are taken
/// class by class in table-name order, so that the side SQLAlchemy processes first gives the
/// rows' order. Collections of deleted objects are loaded here, as SQLAlchemy loads them.
pub fn association_changes(py: &mut Interpreter, objects: &[Obj], deleted: &[Obj]) -> Res<AssociationChanges> {
    let mut changes = AssociationChanges::default();
    let (mut removed, mut added, mut of_deleted) = (FastSet::default(), FastSet::default(), FastSet::default());
    let mut specs: Vec<Rc<RelationshipSpec>> = Vec::new();
    for instance in objects.iter().chain(deleted) {
        let Some(state) = state_of(instance) else { continue };
        for spec in state.mapper.relationships.borrow().iter().filter(|s| s.is_many_to_many()) {
            if !specs.iter().any(|s| Rc::ptr_eq(s, spec)) {
                specs.push(spec.clone());
            }
        }
    }
    let table_of = |spec: &Rc<RelationshipSpec>| spec.parent().map(|p| p.table_name.clone()).unwrap_or_default();
    crate::sorting::sort_by(&mut specs, |a, b| table_of(a) < table_of(b));
    for spec in &specs {
        for instance in objects {
            let Some(state) = state_of(instance) else { continue };
            if !spec.parent().is_some_and(|p| Rc::ptr_eq(&p, &state.mapper)) {
                continue;
            }
            let Obj::Instance(inst) = instance else { continue };
            let Some(current) = inst.attrs.borrow().get_str(&spec.attr).cloned() else { continue };
            let now = members(&current);
            let before = state.loaded.borrow().iter().find(|(a, _)| *a == spec.attr).map(|(_, m)| m.clone()).unwrap_or_default();
            let within = |m: &Obj, among: &[Obj]| among.iter().any(|n| crate::interp::object::identity(n) == crate::interp::object::identity(m));
            for gone in before.iter().filter(|m| !within(m, &now)) {
                add_row(&mut changes.removed, &mut removed, spec, instance, gone);
            }
            for came in now.iter().filter(|m| !within(m, &before)) {
                add_row(&mut changes.added, &mut added, spec, instance, came);
            }
        }
    }
    for instance in deleted {
        let Some(state) = state_of(instance) else { continue };
        let relationships = state.mapper.relationships.borrow().clone();
        for spec in relationships.iter().filter(|s| s.is_many_to_many()) {
            let value = load(py, spec, instance)?;
            for member in members(&value) {
                add_row(&mut changes.of_deleted, &mut of_deleted, spec, instance, &member);
            }
        }
    }
    Ok(changes)
}

/// The values of association rows, by column in the association table's order (keys read as
/// the objects have them, refreshed if expired): grouped by table, with the table's columns.
pub fn association_rows(py: &mut Interpreter, rows: &[Association]) -> Res<Vec<(String, Vec<String>, Vec<Vec<crate::value::Value>>)>> {
    let mut out: Vec<(String, Vec<String>, Vec<Vec<crate::value::Value>>)> = Vec::new();
    // Each relationship's association table is read once, not once a row.
    let mut tables: Vec<(Rc<RelationshipSpec>, Rc<Secondary>)> = Vec::new();
    for row in rows {
        let secondary = match tables.iter().find(|(spec, _)| Rc::ptr_eq(spec, &row.spec)) {
            Some((_, secondary)) => secondary.clone(),
            None => {
                let secondary = Rc::new(row.spec.secondary(py)?);
                tables.push((row.spec.clone(), secondary.clone()));
                secondary
            }
        };
        let mut named: Vec<(String, crate::value::Value)> = Vec::new();
        for (attr, column) in &secondary.parent {
            named.push((column.clone(), read_bound(py, &row.owner, attr)?));
        }
        for (attr, column) in &secondary.target {
            named.push((column.clone(), read_bound(py, &row.member, attr)?));
        }
        let columns: Vec<String> = secondary.columns.iter().filter(|c| named.iter().any(|(n, _)| n == *c)).cloned().collect();
        let values = columns.iter().filter_map(|c| named.iter().find(|(n, _)| n == c).map(|(_, v)| v.clone())).collect();
        match out.last_mut() {
            Some((table, cols, rows)) if *table == secondary.table && *cols == columns => rows.push(values),
            _ => out.push((secondary.table.clone(), columns, vec![values])),
        }
    }
    Ok(out)
}

/// Children to delete with `instance` (relationships with cascade delete), loaded if need be.
/// What a deleted owner's relationship holds, for its delete cascade or to let its members go:
/// loaded (SQLAlchemy's lazy load, in the flush), or with `passive_deletes=True` only what is
/// loaded already (None: nothing). A write-only collection cannot be loaded without it.
fn members_to_delete_with(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, instance: &Obj) -> Res<Option<Obj>> {
    if spec.args.passive_deletes {
        let Obj::Instance(inst) = instance else { return Ok(None) };
        return Ok(inst.attrs.borrow().get_str(&spec.attr).cloned());
    }
    if spec.args.dynamic {
        // A dynamic collection's members come from its own Query (`posts.id AS posts_id`, …).
        let collection = super::writeonly::collection(instance, spec);
        let members = py.iterate(&collection)?;
        return Ok(Some(Obj::list(members)));
    }
    if spec.write_only {
        super::writeonly::cannot_load(py, spec)?;
    }
    load(py, spec, instance).map(Some)
}

pub fn delete_cascade(py: &mut Interpreter, instance: &Obj, mapper: &Rc<Mapper>) -> Res<Vec<Obj>> {
    let mut out = Vec::new();
    let relationships = mapper.relationships.borrow().clone();
    for spec in relationships {
        if !spec.cascades("delete") {
            continue;
        }
        let Some(value) = members_to_delete_with(py, &spec, instance)? else { continue };
        out.extend(members(&value).into_iter().filter(|m| !matches!(m, Obj::None)));
    }
    Ok(out)
}

/// At flush, for a deleted object: each one-to-many relationship without a `delete` cascade is
/// loaded (SQLAlchemy's lazy load, in the flush) and its members that are not deleted too have
/// their foreign key cleared, so they are updated to NULL — or fail `NOT NULL`, as they do for real.
pub fn release_children(py: &mut Interpreter, instance: &Obj, deleted: &[Obj]) -> Res<()> {
    let Some(state) = state_of(instance) else { return Ok(()) };
    let relationships = state.mapper.relationships.borrow().clone();
    for spec in relationships {
        if spec.is_many_to_many() || spec.cascades("delete") {
            continue;
        }
        let (direction, pairs, _) = spec.direction(py)?;
        if direction != Direction::OneToMany {
            continue;
        }
        let Some(value) = members_to_delete_with(py, &spec, instance)? else { continue };
        for child in members(&value) {
            let id = crate::interp::object::identity(&child);
            if deleted.iter().any(|d| crate::interp::object::identity(d) == id) {
                continue;
            }
            let Obj::Instance(child_inst) = &child else { continue };
            for (_, fk_attr) in &pairs {
                child_inst.attrs.borrow_mut().insert_str(fk_attr, Obj::None);
            }
            if let Some(child_state) = state_of(&child) {
                super::mapper::mark_modified(&child, &child_state);
            }
        }
    }
    Ok(())
}

/// Sets foreign keys from relationships before a flush writes: a child's key from the parent in
/// whose collection it is (or which it refers to). `load`: an expired parent's key is loaded (its
/// refresh `SELECT`), as SQLAlchemy's flush does when it comes to this object's table; before
/// that, the key is read from the parent's identity.
pub fn sync_foreign_keys(py: &mut Interpreter, instance: &Obj, mapper: &Rc<Mapper>, load: bool) -> Res<()> {
    let Obj::Instance(inst) = instance else { return Ok(()) };
    let relationships = mapper.relationships.borrow().clone();
    for spec in relationships {
        let value = inst.attrs.borrow().get_str(&spec.attr).cloned();
        let Some(value) = value else { continue };
        let (direction, pairs, _target) = spec.direction(py)?;
        match direction {
            Direction::ManyToMany => {}
            Direction::OneToMany => {
                for child in members(&value) {
                    let Obj::Instance(child_inst) = &child else { continue };
                    for (pk_attr, fk_attr) in &pairs {
                        let pk = own_key_value(py, instance, mapper, pk_attr, load)?;
                        if !matches!(pk, Obj::None) {
                            let before = child_inst.attrs.borrow().get_str(fk_attr).cloned();
                            child_inst.attrs.borrow_mut().insert_str(fk_attr, pk.clone());
                            let changed = !matches!((&before, &pk), (Some(Obj::Int(a)), Obj::Int(b)) if a == b);
                            if changed {
                                if let Some(child_state) = state_of(&child) {
                                    super::mapper::mark_modified(&child, &child_state);
                                }
                            }
                        }
                    }
                }
            }
            Direction::ManyToOne => {
                for (fk_attr, pk_attr) in &pairs {
                    let pk = match (&value, state_of(&value)) {
                        (Obj::Instance(_), Some(parent_state)) => own_key_value(py, &value, &parent_state.mapper, pk_attr, load)?,
                        _ => Obj::None,
                    };
                    if !matches!(pk, Obj::None) || matches!(value, Obj::None) {
                        inst.attrs.borrow_mut().insert_str(fk_attr, pk);
                    }
                }
            }
        }
    }
    Ok(())
}

/// A key column's value: as loaded; else, for an expired object a session holds, loaded as
/// SQLAlchemy's flush loads it (the refresh `SELECT` of its expired columns that `Post(author=u)`
/// after a commit shows); else from the identity (a deleted or detached object).
fn own_key_value(py: &mut Interpreter, instance: &Obj, mapper: &Mapper, attr: &str, load: bool) -> Res<Obj> {
    let Obj::Instance(inst) = instance else { return Ok(Obj::None) };
    if let Some(v) = inst.attrs.borrow().get_str(attr).cloned() {
        return Ok(v);
    }
    let Some(state) = state_of(instance) else { return Ok(Obj::None) };
    if load && state.key.borrow().is_some() && !state.deleted.get() {
        if let Some(session) = state.session() {
            // Its own cache entry: SQLAlchemy compiles the flush's refresh apart from the one
            // reading an attribute makes (`[generated in …]` for each, the first time).
            let options = state.load_options.borrow().clone();
            super::session::SessionCore::load(&session, py, instance, &state, &format!("synchronized by a flush {options}"))?;
            return Ok(inst.attrs.borrow().get_str(attr).cloned().unwrap_or(Obj::None));
        }
    }
    let identity = state.key.borrow().clone();
    let at = mapper.primary_key().iter().position(|c| c.attr == attr);
    Ok(match (identity, at) {
        (Some(values), Some(at)) => values.get(at).map_or(Obj::None, |v| super::super::convert::from_value(v, None)),
        _ => Obj::None,
    })
}

/// `relationship("Address", back_populates="user", cascade="all, delete-orphan")`.
pub fn relationship_call(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let args = relationship_args(py, &args, &kwargs)?;
    Ok(native(RelationshipAttr { spec_args: args, spec: None }))
}

/// `backref("author", lazy="selectin")`: the name and arguments of a relationship to make on the
/// other side (SQLAlchemy's is this very tuple).
pub fn backref_call(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let Some(name) = args.first().cloned() else { return py.error("TypeError", "backref() missing 1 required positional argument: 'name'") };
    let dict = Obj::Dict(Rc::new(std::cell::RefCell::new(crate::interp::object::Dict::default())));
    if let Obj::Dict(d) = &dict {
        for (k, v) in kwargs {
            d.borrow_mut().insert_str(&k, v);
        }
    }
    Ok(Obj::tuple(vec![name, dict]))
}

fn relationship_args(py: &mut Interpreter, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<RelationshipArgs> {
    // What changes the SQL or the objects and the lab does not do is refused, never ignored:
    // `primaryjoin=`, `passive_deletes=` …
    const UNDERSTOOD: &[&str] =
        &["argument", "secondary", "back_populates", "backref", "cascade", "uselist", "lazy", "remote_side", "order_by", "overlaps", "doc", "info", "single_parent", "passive_deletes"];
    let field_option = |name: &str| crate::sqlalchemy::schema::FIELD_OPTIONS.contains(&name);
    if let Some((name, _)) = kwargs.iter().find(|(name, _)| !UNDERSTOOD.contains(&name.as_str()) && !field_option(name)) {
        return py.stop_not_available(&format!("relationship({name}=...)"));
    }
    let secondary = args.get(1).or_else(|| kwarg(kwargs, "secondary")).cloned();
    let target = match args.first().or_else(|| kwarg(kwargs, "argument")) {
        Some(Obj::Str(s)) => Some(s.to_string()),
        Some(Obj::Class(c)) => Some(c.name.to_string()),
        Some(_) | None => None,
    };
    let text = |name: &str| match kwarg(kwargs, name) {
        Some(Obj::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let uselist = match kwarg(kwargs, "uselist") {
        Some(v) => Some(py.truthy(v)?),
        None => None,
    };
    let lazy = text("lazy");
    if let Some(lazy) = &lazy {
        if !matches!(lazy.as_str(), "select" | "True" | "selectin" | "raise" | "raise_on_sql" | "write_only" | "dynamic") {
            return py.stop_not_available(&format!("relationship(lazy=\"{lazy}\") (the lab has lazy=\"select\", \"selectin\", \"raise\", \"raise_on_sql\", \"write_only\" and \"dynamic\")"));
        }
    }
    let backref = match kwarg(kwargs, "backref") {
        None | Some(Obj::None) => None,
        Some(Obj::Str(name)) => Some((name.to_string(), Vec::new())),
        Some(Obj::Tuple(pair)) if matches!(pair.first(), Some(Obj::Str(_))) => {
            let name = match &pair[0] {
                Obj::Str(name) => name.to_string(),
                _ => String::new(),
            };
            let options = match pair.get(1) {
                Some(options @ Obj::Dict(_)) => crate::sqlalchemy::statement::dict_items(py, options)?,
                _ => Vec::new(),
            };
            Some((name, options))
        }
        Some(other) => {
            let shown = py.repr_of(other)?;
            return py.error("TypeError", format!("backref must be a name or backref(name, ...), got {shown}"));
        }
    };
    let mut back_populates = text("back_populates");
    if let Some((name, _)) = &backref {
        if back_populates.is_some() {
            return raise(py, "sqlalchemy.exc", "ArgumentError", "backref and back_populates keyword arguments are mutually exclusive");
        }
        back_populates = Some(name.clone());
    }
    Ok(RelationshipArgs {
        target,
        back_populates,
        cascade: text("cascade").unwrap_or_else(|| "save-update, merge".into()),
        uselist,
        selectin: lazy.as_deref() == Some("selectin"),
        raise_on_read: match lazy.as_deref() {
            Some("raise") => Some(false),
            Some("raise_on_sql") => Some(true),
            _ => None,
        },
        secondary,
        backref,
        remote_side: kwarg(kwargs, "remote_side").is_some(),
        order_by: kwarg(kwargs, "order_by").filter(|o| !matches!(o, Obj::None | Obj::Bool(false))).cloned(),
        field_options: kwargs.iter().filter(|(k, _)| field_option(k)).cloned().collect(),
        write_only: matches!(lazy.as_deref(), Some("write_only" | "dynamic")),
        dynamic: lazy.as_deref() == Some("dynamic"),
        passive_deletes: match kwarg(kwargs, "passive_deletes") {
            Some(Obj::Str(all)) if &**all == "all" => return py.stop_not_available("relationship(passive_deletes=\"all\")"),
            Some(value) => py.truthy(value)?,
            None => false,
        },
    })
}

/// Makes the relationships `backref=` asks for whose two classes are both mapped now: on the
/// target, pointing back (`back_populates` both ways), the other way round from the original — a
/// collection's backref is a single object, a single object's a collection, and many-to-many's
/// goes through the same association table.
pub fn configure_backrefs(py: &mut Interpreter, registry: &Obj) -> Res<()> {
    let Some(found) = registry.native::<Registry>() else { return Ok(()) };
    let mappers: Vec<Rc<Mapper>> = found.mappers.borrow().iter().filter_map(std::rc::Weak::upgrade).collect();
    for mapper in &mappers {
        let specs = mapper.relationships.borrow().clone();
        for spec in specs {
            let Some((name, options)) = spec.args.backref.clone() else { continue };
            if spec.backref_made.get() {
                continue;
            }
            let Some(target) = found.find(&spec.target_name) else { continue };
            spec.backref_made.set(true);
            if target.column(&name).is_some() || target.relationship(&name).is_some() {
                return raise(
                    py,
                    "sqlalchemy.exc",
                    "ArgumentError",
                    &format!(
                        "Error creating backref '{name}' on relationship '{}.{}': property of that name exists on mapper 'Mapper[{}({})]'",
                        mapper.class_name, spec.attr, target.class_name, target.table_name
                    ),
                );
            }
            let (direction, _, _) = spec.direction(py)?;
            let mut args = relationship_args(py, &[], &options)?;
            args.target = Some(mapper.class_name.clone());
            args.back_populates = Some(spec.attr.clone());
            args.secondary = spec.args.secondary.clone();
            if args.uselist.is_none() {
                args.uselist = Some(direction != Direction::OneToMany);
            }
            let made = Rc::new(RelationshipSpec::new(py, &target, &name, args, None)?);
            target.add_relationship(made);
        }
    }
    Ok(())
}

/// An attribute's value bound as its column's type binds it (a `Uuid` key as its hex digits).
fn read_bound(py: &mut Interpreter, instance: &Obj, attr: &str) -> Res<crate::value::Value> {
    let value = read_attribute(py, instance, attr)?;
    let sql_type = super::mapper::mapper_of(py, instance)?.and_then(|m| m.column(attr).and_then(|c| c.sql_type.clone()));
    super::super::convert::to_value_as(py, &value, sql_type.as_ref())
}
