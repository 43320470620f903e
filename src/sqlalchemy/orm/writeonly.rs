//! `posts: WriteOnlyMapped["Post"] = relationship()` (or `lazy="write_only"`): a collection that
//! is never loaded whole. `user.posts.add(post)`, `add_all` and `remove` record what the next
//! flush writes (the new members inserted with their foreign key, the removed ones let go);
//! `user.posts.select()` is the SELECT of its members to run (`… WHERE ? = post.user_id`),
//! `insert()`, `update()` and `delete()` the DML limited to them.
//!
//! `lazy="dynamic"` (legacy) keeps the same record of additions and removals, and is a Query of
//! the members besides (`user.posts.filter(...).all()`, iteration, `count()`): SQLAlchemy's
//! `AppenderQuery`, with `append`, `extend` and `remove`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::interp::native::Native;
use crate::interp::object::{identity, Instance, Obj};
use crate::interp::{Interpreter, Res};

use super::super::convert::{method, native, raise};
use super::mapper::{ensure_state, mark_modified, state_of, validated};
use super::relationship::{RelationshipAttr, RelationshipSpec};

pub struct WriteOnlyCollection {
    owner: Weak<Instance>,
    spec: Rc<RelationshipSpec>,
    /// Members added since the last flush, in order.
    pub added: RefCell<Vec<Obj>>,
    /// Members removed since the last flush.
    pub removed: RefCell<Vec<Obj>>,
    /// Of the added, those the other side put here (`Post(author=user)`): a flush takes them
    /// only if they are in the session themselves.
    by_backref: RefCell<Vec<usize>>,
}

/// The owner's collection for `spec`, made on first use and kept in its `__dict__` (where the
/// flush's cascade and foreign key sync find the members added).
pub fn collection(instance: &Obj, spec: &Rc<RelationshipSpec>) -> Obj {
    let Obj::Instance(inst) = instance else { return Obj::None };
    if let Some(existing) = inst.attrs.borrow().get_str(&spec.attr).cloned() {
        if existing.native::<WriteOnlyCollection>().is_some() {
            return existing;
        }
    }
    let made = native(WriteOnlyCollection {
        owner: Rc::downgrade(inst),
        spec: spec.clone(),
        added: RefCell::new(Vec::new()),
        removed: RefCell::new(Vec::new()),
        by_backref: RefCell::new(Vec::new()),
    });
    inst.attrs.borrow_mut().insert_str(&spec.attr, made.clone());
    made
}

/// `User(posts=[...])` on an object not yet in the database: the members to add. A persistent
/// object's collection cannot be replaced (that would need its members).
pub fn assign(py: &mut Interpreter, spec: &Rc<RelationshipSpec>, instance: &Obj, value: &Obj) -> Res<()> {
    if state_of(instance).is_some_and(|s| s.key.borrow().is_some()) {
        let owner = spec.parent.upgrade().map(|p| p.class_name.clone()).unwrap_or_default();
        let message = format!("Collection \"{owner}.{}\" does not support implicit iteration; collection replacement operations can't be used", spec.attr);
        return raise(py, "sqlalchemy.exc", "InvalidRequestError", &message);
    }
    let members = py.iterate(value)?;
    let made = collection(instance, spec);
    let Some(list) = made.native::<WriteOnlyCollection>() else { return Ok(()) };
    list.added.borrow_mut().clear();
    for member in members {
        list.add(py, member)?;
    }
    Ok(())
}

/// `post.author = user`: the member joins `user.posts` from the other side; the owner changes.
pub fn from_backref(owner: &Obj, spec: &Rc<RelationshipSpec>, child: &Obj) {
    let made = collection(owner, spec);
    let Some(list) = made.native::<WriteOnlyCollection>() else { return };
    let id = identity(child);
    if !list.added.borrow().iter().any(|m| identity(m) == id) {
        list.added.borrow_mut().push(child.clone());
        list.by_backref.borrow_mut().push(id);
    }
    if let Some(state) = state_of(owner) {
        mark_modified(owner, &state);
    }
}

fn collections(instance: &Obj) -> Vec<Obj> {
    let Obj::Instance(inst) = instance else { return Vec::new() };
    let values: Vec<Obj> = inst.attrs.borrow().items().map(|(_, v)| v.clone()).collect();
    values.into_iter().filter(|v| v.native::<WriteOnlyCollection>().is_some()).collect()
}

/// Before a flush: members the other side added that are not in the session are left out,
/// with SQLAlchemy's warning; an owner with members to write has its key loaded (SQLAlchemy
/// refreshes an expired owner here).
pub fn prepare_flush(py: &mut Interpreter, instance: &Obj) -> Res<()> {
    for value in collections(instance) {
        let Some(list) = value.native::<WriteOnlyCollection>() else { continue };
        if list.added.borrow().is_empty() {
            continue;
        }
        let backref: Vec<usize> = list.by_backref.borrow().clone();
        let added: Vec<Obj> = list.added.borrow().clone();
        for member in added {
            let attached = state_of(&member).is_some_and(|s| s.session().is_some());
            if attached || !backref.contains(&identity(&member)) {
                continue;
            }
            let (class, owner) = (member.type_name(), list.spec.parent.upgrade().map(|p| p.class_name.clone()).unwrap_or_default());
            py.warn("SAWarning", &format!("Object of type <{class}> not in session, add operation along '{owner}.{}' will not proceed", list.spec.attr));
            list.added.borrow_mut().retain(|m| identity(m) != identity(&member));
        }
        // The flush's own statement, cached apart from an attribute's refresh.
        let expired = state_of(instance).filter(|s| s.key.borrow().is_some() && !s.expired_columns(instance).is_empty());
        if let (Some(state), Some(session)) = (expired.clone(), expired.and_then(|s| s.session())) {
            super::session::SessionCore::load(&session, py, instance, &state, "flush")?;
        }
    }
    Ok(())
}

/// After a flush: what was added and removed is written.
pub fn flushed(instance: &Obj) {
    for value in collections(instance) {
        if let Some(list) = value.native::<WriteOnlyCollection>() {
            list.added.borrow_mut().clear();
            list.removed.borrow_mut().clear();
            list.by_backref.borrow_mut().clear();
        }
    }
}

/// SQLAlchemy's error where a flush would need every member (deleting the owner).
pub fn cannot_load(py: &mut Interpreter, spec: &RelationshipSpec) -> Res<()> {
    let owner = spec.parent.upgrade().map(|p| p.class_name.clone()).unwrap_or_default();
    let message = format!(
        "Attribute {owner}.{attr} can't load the existing state from the database for this operation; full iteration is not permitted.  If this is a delete operation, configure passive_deletes=True on the {owner}.{attr} relationship in order to resolve this error.",
        attr = spec.attr
    );
    raise(py, "sqlalchemy.exc", "InvalidRequestError", &message)
}

impl WriteOnlyCollection {
    fn owner(&self) -> Option<Obj> {
        self.owner.upgrade().map(Obj::Instance)
    }

    /// `add(post)`: a member for the next flush; the other side (`post.author`) learns of it,
    /// and an owner in a session takes the member into it (the save-update cascade).
    fn add(&self, py: &mut Interpreter, child: Obj) -> Res<()> {
        let Some(owner) = self.owner() else { return Ok(()) };
        let child = validated(py, &owner, &self.spec.attr, child)?;
        let target = self.spec.target(py)?;
        ensure_state(&child, &target);
        let id = identity(&child);
        self.removed.borrow_mut().retain(|m| identity(m) != id);
        if !self.added.borrow().iter().any(|m| identity(m) == id) {
            self.added.borrow_mut().push(child.clone());
        }
        self.tell(&owner, &child, true);
        let session = state_of(&owner).and_then(|s| s.session());
        if let Some(session) = session.filter(|_| self.spec.cascades("save-update")) {
            if state_of(&child).is_none_or(|s| s.session().is_none()) {
                session.add(py, &child)?;
            }
        }
        Ok(())
    }

    /// `remove(post)`: let go at the next flush (its foreign key cleared, or deleted with
    /// `delete-orphan`).
    fn remove(&self, child: &Obj) {
        let Some(owner) = self.owner() else { return };
        let id = identity(child);
        let was_added = self.added.borrow().iter().any(|m| identity(m) == id);
        if was_added {
            self.added.borrow_mut().retain(|m| identity(m) != id);
        } else if !self.removed.borrow().iter().any(|m| identity(m) == id) {
            self.removed.borrow_mut().push(child.clone());
        }
        self.tell(&owner, child, false);
    }

    /// The owner is changed; `back_populates`' many-to-one side points at it, or no more.
    fn tell(&self, owner: &Obj, child: &Obj, joined: bool) {
        if let Some(state) = state_of(owner) {
            mark_modified(owner, &state);
        }
        let (Some(back), Obj::Instance(child_inst)) = (self.spec.args.back_populates.clone(), child) else { return };
        let current = child_inst.attrs.borrow().get_str(&back).cloned();
        if !joined && current.as_ref().is_some_and(|c| identity(c) != identity(owner)) {
            return;
        }
        let value = if joined { owner.clone() } else { Obj::None };
        child_inst.attrs.borrow_mut().insert_str(&back, value);
        if let Some(child_state) = state_of(child) {
            mark_modified(child, &child_state);
        }
    }

    /// The owner's members as a WHERE criterion (`:param_1 = post.user_id`).
    fn criterion(&self, py: &mut Interpreter) -> Res<Obj> {
        let Some(owner) = self.owner() else { return py.error("ReferenceError", "the collection's owner is gone") };
        super::relationship::with_parent(py, vec![owner, native(RelationshipAttr::bound(self.spec.clone()))], Vec::new())
    }

    /// `sqlalchemy.<name>(Post)`, the statement the other methods refine.
    fn statement(&self, py: &mut Interpreter, name: &str) -> Res<Obj> {
        let target = self.spec.target(py)?;
        let Some(class) = target.class_obj() else { return py.error("TypeError", "the mapped class is gone") };
        let module = py.import("sqlalchemy")?;
        let make = py.get_attr(&module, name)?;
        py.call(make, vec![class], Vec::new())
    }

    fn refined(&self, py: &mut Interpreter, statement: Obj, how: &str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        let bound = py.get_attr(&statement, how)?;
        py.call(bound, args, kwargs)
    }
}

/// `add` / `append`, `add_all` / `extend` and `remove`: a member joining, several, or one leaving.
fn member_method(this: &Obj, owner_type: &'static str, name: &'static str) -> Obj {
    method(this, name, move |py, this, args, _| {
        let many = matches!(name, "add_all" | "extend");
        let (Some(list), Some(arg)) = (me(this), args.first()) else {
            let parameter = if many { "iterator" } else { "item" };
            return py.error("TypeError", format!("{owner_type}.{name}() missing 1 required positional argument: '{parameter}'"));
        };
        if name == "remove" {
            list.remove(arg);
        } else if many {
            for child in py.iterate(arg)? {
                list.add(py, child)?;
            }
        } else {
            list.add(py, arg.clone())?;
        }
        Ok(Obj::None)
    })
}

fn me(this: &Obj) -> Option<&WriteOnlyCollection> {
    this.native::<WriteOnlyCollection>()
}

impl WriteOnlyCollection {
    fn dynamic(&self) -> bool {
        self.spec.args.dynamic
    }

    /// A dynamic collection's Query of its members: the owner's session flushed first, as
    /// SQLAlchemy's `AppenderQuery.session` does; None while the owner has no row (a transient
    /// object's members are the ones appended; a detached one's too, with SQLAlchemy's warning).
    fn query(&self, py: &mut Interpreter) -> Res<Option<Obj>> {
        let Some(owner) = self.owner() else { return Ok(None) };
        let state = state_of(&owner);
        let session = state.as_ref().and_then(|s| s.session());
        // A plain flush, not the autoflush (whose warnings SQLAlchemy tags as such).
        if let Some(session) = session.as_ref().filter(|s| s.autoflushes()) {
            super::session::SessionCore::flush(session, py)?;
        }
        let has_identity = state.as_ref().is_some_and(|s| s.key.borrow().is_some());
        let Some(session) = session.filter(|_| has_identity) else {
            if has_identity {
                let shown = py.repr_of(&owner)?;
                py.warn("SAWarning", &format!("Instance {shown} is detached, dynamic relationship cannot return a correct result.   This warning will become a DetachedInstanceError in a future release."));
            }
            return Ok(None);
        };
        let target = self.spec.target(py)?;
        let Some(class) = target.class_obj() else { return Ok(None) };
        let query = super::query::new_query(py, session, &[class])?;
        let criterion = self.criterion(py)?;
        let query = self.refined(py, query, "filter", vec![criterion], Vec::new())?;
        let order_by: Vec<Obj> = self.spec.order_by(py)?.into_iter().map(crate::sqlalchemy::expression::expr).collect();
        if order_by.is_empty() {
            return Ok(Some(query));
        }
        self.refined(py, query, "order_by", order_by, Vec::new()).map(Some)
    }

    /// `user.posts.<name>` of a dynamic collection.
    fn appender_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(Some(match name {
            "append" => member_method(this, "AppenderQuery", "append"),
            "extend" => member_method(this, "AppenderQuery", "extend"),
            "remove" => member_method(this, "AppenderQuery", "remove"),
            "count" => method(this, name, |py, this, _, _| {
                let Some(list) = me(this) else { return Ok(Obj::Int(0)) };
                match list.query(py)? {
                    Some(query) => list.refined(py, query, "count", Vec::new(), Vec::new()),
                    None => Ok(Obj::Int(list.added.borrow().len() as i64)),
                }
            }),
            _ => match self.query(py)? {
                Some(query) => return py.get_attr(&query, name).map(Some),
                None => return py.stop_not_available(&format!("AppenderQuery.{name} of an object not in the database")),
            },
        }))
    }
}

impl Native for WriteOnlyCollection {
    fn type_name(&self) -> &str {
        if self.dynamic() {
            "AppenderQuery"
        } else {
            "WriteOnlyCollection"
        }
    }
    fn class_path(&self) -> &str {
        if self.dynamic() {
            "sqlalchemy.orm.dynamic.AppenderQuery"
        } else {
            "sqlalchemy.orm.writeonly.WriteOnlyCollection"
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<{} object at {:#x}>", self.class_path(), identity(this)))
    }
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        if self.dynamic() {
            return self.appender_attr(py, this, name);
        }
        Ok(Some(match name {
            "add" => member_method(this, "WriteOnlyCollection", "add"),
            "add_all" => member_method(this, "WriteOnlyCollection", "add_all"),
            "remove" => member_method(this, "WriteOnlyCollection", "remove"),
            "select" => method(this, name, |py, this, _, _| {
                let Some(list) = me(this) else { return Ok(Obj::None) };
                let criterion = list.criterion(py)?;
                let statement = list.statement(py, "select")?;
                let statement = list.refined(py, statement, "where", vec![criterion], Vec::new())?;
                let order_by: Vec<Obj> = list.spec.order_by(py)?.into_iter().map(crate::sqlalchemy::expression::expr).collect();
                if order_by.is_empty() {
                    return Ok(statement);
                }
                list.refined(py, statement, "order_by", order_by, Vec::new())
            }),
            "update" | "delete" => {
                let which: &'static str = if name == "update" { "update" } else { "delete" };
                method(this, which, move |py, this, _, _| {
                    let Some(list) = me(this) else { return Ok(Obj::None) };
                    let criterion = list.criterion(py)?;
                    let statement = list.statement(py, which)?;
                    list.refined(py, statement, "where", vec![criterion], Vec::new())
                })
            }
            "insert" => method(this, name, move |py, this, _, _| {
                let Some(list) = me(this) else { return Ok(Obj::None) };
                let Some(owner) = list.owner() else { return Ok(Obj::None) };
                let (direction, pairs, target) = list.spec.direction(py)?;
                if direction != super::relationship::Direction::OneToMany {
                    let message = "Write only bulk INSERT only supported for one-to-many collections; for many-to-many, use a separate bulk INSERT along with add_all().";
                    return raise(py, "sqlalchemy.exc", "InvalidRequestError", message);
                }
                let Some(parent) = list.spec.parent.upgrade() else { return Ok(Obj::None) };
                let mut values = Vec::new();
                for (local, remote) in &pairs {
                    let (Some(own), Some(theirs)) = (parent.column(local), target.column(remote)) else { continue };
                    values.push((theirs.attr.clone(), py.get_attr(&owner, &own.attr)?));
                }
                let statement = list.statement(py, "insert")?;
                list.refined(py, statement, "values", Vec::new(), values)
            }),
            _ => return Ok(None),
        }))
    }
    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        if !self.dynamic() {
            return None;
        }
        Some(match self.query(py) {
            Ok(Some(query)) => py.get_item(&query, index.clone()),
            Ok(None) => py.stop_not_available("AppenderQuery indexed on an object not in the database"),
            Err(error) => Err(error),
        })
    }
    fn iterate(&self, py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        if self.dynamic() {
            return Some(match self.query(py) {
                Ok(Some(query)) => py.iterate(&query),
                Ok(None) => Ok(self.added.borrow().clone()),
                Err(error) => Err(error),
            });
        }
        Some(py.error(
            "TypeError",
            "WriteOnly collections don't support iteration in-place; to query for collection items, use the select() method to produce a SQL statement and execute it with session.scalars().",
        ))
    }
    fn contains(&self, py: &mut Interpreter, this: &Obj, item: &Obj) -> Option<Res<bool>> {
        self.iterate(py, this).map(|r| r.map(|members| members.iter().any(|m| identity(m) == identity(item))))
    }
}
