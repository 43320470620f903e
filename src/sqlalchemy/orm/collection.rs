//! `user.addresses`: the list of a one-to-many relationship. It behaves as a Python list and,
//! as SQLAlchemy's instrumented list does, tells the other side of the relationship at once:
//! `user.addresses.append(address)` sets `address.user`, `remove` clears it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::interp::native::Native;
use crate::interp::object::{Instance, Obj};
use crate::interp::{Interpreter, Res};

use super::super::convert::{method, native};
use super::relationship::RelationshipSpec;

pub struct InstrumentedList {
    pub items: RefCell<Vec<Obj>>,
    owner: Weak<Instance>,
    spec: Rc<RelationshipSpec>,
}

impl InstrumentedList {
    pub fn new(owner: &Obj, spec: Rc<RelationshipSpec>, items: Vec<Obj>) -> Obj {
        let owner = match owner {
            Obj::Instance(inst) => Rc::downgrade(inst),
            _ => Weak::new(),
        };
        native(InstrumentedList { items: RefCell::new(items), owner, spec })
    }

    fn owner(&self) -> Option<Obj> {
        self.owner.upgrade().map(Obj::Instance)
    }

    /// The other side of `back_populates` learns that `child` joined (or left) this collection,
    /// and the owner's session that the owner changed.
    fn tell(&self, py: &mut Interpreter, child: &Obj, joined: bool) -> Res<()> {
        if let Some(owner) = self.owner() {
            if let Some(state) = super::mapper::state_of(&owner) {
                super::mapper::mark_modified(&owner, &state);
            }
        }
        let Some(back) = self.spec.args.back_populates.clone() else { return Ok(()) };
        let (Some(owner), Obj::Instance(child_inst)) = (self.owner(), child) else { return Ok(()) };
        let target = self.spec.target(py)?;
        super::mapper::ensure_state(child, &target);
        if let Some(other) = target.relationship(&back).filter(|other| other.collection()) {
            // Many-to-many: the owner joins (or leaves) the child's collection when that is
            // loaded, or starts it when the child is new; a persistent child's unloaded
            // collection is left to load from the database.
            super::relationship::back_collection(child, &other, &owner, joined);
            return Ok(());
        }
        let value = if joined { owner } else { Obj::None };
        child_inst.attrs.borrow_mut().insert_str(&back, value);
        Ok(())
    }

    fn add(&self, py: &mut Interpreter, child: Obj, at: Option<usize>) -> Res<()> {
        let child = match self.owner() {
            Some(owner) => super::mapper::validated(py, &owner, &self.spec.attr, child)?,
            None => child,
        };
        {
            let mut items = self.items.borrow_mut();
            let at = at.unwrap_or(items.len()).min(items.len());
            items.insert(at, child.clone());
        }
        self.tell(py, &child, true)?;
        match self.owner() {
            Some(owner) => super::relationship::cascade_on_event(py, &self.spec, &owner, &child),
            None => Ok(()),
        }
    }
}

fn me(this: &Obj) -> Option<&InstrumentedList> {
    this.native::<InstrumentedList>()
}

impl Native for InstrumentedList {
    fn type_name(&self) -> &str {
        "InstrumentedList"
    }
    fn class_path(&self) -> &str {
        "sqlalchemy.orm.collections.InstrumentedList"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let list = Obj::list(self.items.borrow().clone());
        py.repr_of(&list)
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(Some(match name {
            "append" => method(this, name, |py, this, args, _| {
                let (Some(list), Some(child)) = (me(this), args.first()) else { return py.error("TypeError", "append() takes exactly one argument (0 given)") };
                list.add(py, child.clone(), None)?;
                Ok(Obj::None)
            }),
            "insert" => method(this, name, |py, this, args, _| {
                let (Some(list), Some(Obj::Int(at)), Some(child)) = (me(this), args.first(), args.get(1)) else {
                    return py.error("TypeError", "insert expected 2 arguments");
                };
                let len = list.items.borrow().len() as i64;
                let at = if *at < 0 { (len + at).max(0) } else { *at } as usize;
                list.add(py, child.clone(), Some(at))?;
                Ok(Obj::None)
            }),
            "extend" => method(this, name, |py, this, args, _| {
                let (Some(list), Some(items)) = (me(this), args.first()) else { return py.error("TypeError", "extend() takes exactly one argument (0 given)") };
                for child in py.iterate(items)? {
                    list.add(py, child, None)?;
                }
                Ok(Obj::None)
            }),
            "remove" => method(this, name, |py, this, args, _| {
                let (Some(list), Some(child)) = (me(this), args.first()) else { return py.error("TypeError", "remove() takes exactly one argument (0 given)") };
                let id = crate::interp::object::identity(child);
                let found = list.items.borrow().iter().position(|i| crate::interp::object::identity(i) == id);
                match found {
                    Some(at) => {
                        list.items.borrow_mut().remove(at);
                        list.tell(py, child, false)?;
                        Ok(Obj::None)
                    }
                    None => py.error("ValueError", "list.remove(x): x not in list"),
                }
            }),
            "pop" => method(this, name, |py, this, args, _| {
                let Some(list) = me(this) else { return Ok(Obj::None) };
                let len = list.items.borrow().len() as i64;
                if len == 0 {
                    return py.error("IndexError", "pop from empty list");
                }
                let at = match args.first() {
                    Some(Obj::Int(i)) => *i,
                    _ => -1,
                };
                let at = if at < 0 { len + at } else { at };
                if at < 0 || at >= len {
                    return py.error("IndexError", "pop index out of range");
                }
                let child = list.items.borrow_mut().remove(at as usize);
                list.tell(py, &child, false)?;
                Ok(child)
            }),
            "clear" => method(this, name, |py, this, _, _| {
                let Some(list) = me(this) else { return Ok(Obj::None) };
                let old: Vec<Obj> = list.items.borrow_mut().drain(..).collect();
                for child in &old {
                    list.tell(py, child, false)?;
                }
                Ok(Obj::None)
            }),
            "index" | "count" | "copy" => {
                let which: &'static str = match name {
                    "index" => "index",
                    "count" => "count",
                    _ => "copy",
                };
                method(this, which, move |py, this, args, kwargs| {
                    let Some(list) = me(this) else { return Ok(Obj::None) };
                    let plain = Obj::list(list.items.borrow().clone());
                    let bound = py.get_attr(&plain, which)?;
                    py.call(bound, args, kwargs)
                })
            }
            _ => return Ok(None),
        }))
    }
    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let plain = Obj::list(self.items.borrow().clone());
        Some(py.get_item(&plain, index.clone()))
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.items.borrow().clone()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.items.borrow().len()))
    }
    fn truthy(&self, _py: &mut Interpreter, _this: &Obj) -> Res<bool> {
        Ok(!self.items.borrow().is_empty())
    }
    fn contains(&self, py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
        let items = self.items.borrow().clone();
        for i in &items {
            match py.compare("==", i, item) {
                Ok(true) => return Some(Ok(true)),
                Ok(false) => {}
                Err(e) => return Some(Err(e)),
            }
        }
        Some(Ok(false))
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        let mine = Obj::list(self.items.borrow().clone());
        let theirs = match other.native::<InstrumentedList>() {
            Some(l) => Obj::list(l.items.borrow().clone()),
            None => other.clone(),
        };
        let (a, b) = if reflected { (theirs, mine) } else { (mine, theirs) };
        match op {
            "==" | "!=" | "<" | "<=" | ">" | ">=" => Some(py.compare(op, &a, &b).map(Obj::Bool)),
            "+" => Some(py.binary("+", a, b)),
            _ => None,
        }
    }
}
