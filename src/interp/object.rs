//! Python values as the interpreter holds them: the built-in types a tutorial meets, functions,
//! classes and their instances. Containers are shared (`Rc`) and mutable (`RefCell`) as Python's
//! are; a dict keeps insertion order and finds keys through a hash index.

use std::cell::RefCell;
use crate::fast_hash::FastMap;
use std::rc::Rc;

use crate::python::{Param, Stmt};

/// One Python value.
#[derive(Clone)]
pub enum Obj {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    /// `b"..."`: immutable bytes (see bytes.rs).
    Bytes(Rc<[u8]>),
    List(Rc<ListCell>),
    Tuple(Rc<TupleCell>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    Range(i64, i64, i64),
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
    DictView(Rc<RefCell<Dict>>, View),
    /// `a[1:5:2]`'s index, `slice(1, 5, 2)`: start, stop, step as given.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    Function(Rc<Function>),
    Builtin(&'static str),
    /// A built-in method bound to its object: `"abc".upper`, `items.append`.
    NativeMethod(Box<Obj>, &'static str),
    /// A built-in method taken from its type, called with the object first: `str.lower`.
    UnboundNative(&'static str),
    /// A function bound to an instance (or, for a classmethod, to a class).
    Method(Box<Obj>, Rc<Function>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iterator(Rc<RefCell<Iter>>),
    /// `property(f)`, `staticmethod(f)`, `classmethod(f)` as stored on a class.
    Property(Rc<PropertyCell>),
    StaticMethod(Box<Obj>),
    ClassMethod(Box<Obj>),
    /// `super()` inside a method: the class to start after, and the instance.
    Super(Rc<Class>, Box<Obj>),
    /// A value a native module made (see native.rs).
    Native(Rc<dyn super::native::Native>),
    /// What calling a function with `yield` gives (see generator.rs).
    Generator(Rc<super::generator::Generator>),
    /// `enumerate(…)`, `zip(…)`, `map(…)`, `filter(…)`: made item by item.
    Lazy(Rc<super::generator::Lazy>),
}

/// A list's items. Freeing a list frees what it alone holds without recursing: a list nested a
/// hundred thousand deep (`x = [x]` in a loop) would otherwise overflow the stack as it is freed.
#[derive(Default)]
pub struct ListCell(pub RefCell<Vec<Obj>>);

/// A tuple's items, freed the same way.
#[derive(Default)]
pub struct TupleCell(pub Vec<Obj>);

impl std::ops::Deref for ListCell {
    type Target = RefCell<Vec<Obj>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::Deref for TupleCell {
    type Target = Vec<Obj>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Drop for ListCell {
    fn drop(&mut self) {
        free(std::mem::take(self.0.get_mut()));
    }
}

impl Drop for TupleCell {
    fn drop(&mut self) {
        free(std::mem::take(&mut self.0));
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        let mut items = Vec::new();
        for (_, (k, v)) in std::mem::take(&mut self.entries).into_iter().flatten() {
            items.push(k);
            items.push(v);
        }
        free(items);
    }
}

/// Frees values with a work list: each container this alone holds gives up its items to the
/// list before it goes, so no drop recurses (a linked list of a million objects, a chain of
/// generators each reading the last).
pub(super) fn free(mut pending: Vec<Obj>) {
    while let Some(mut value) = pending.pop() {
        match &mut value {
            Obj::List(rc) => {
                if let Some(cell) = Rc::get_mut(rc) {
                    pending.append(cell.0.get_mut());
                }
            }
            Obj::Tuple(rc) => {
                if let Some(cell) = Rc::get_mut(rc) {
                    pending.append(&mut cell.0);
                }
            }
            Obj::Dict(rc) | Obj::Set(rc) => {
                if let Some(cell) = Rc::get_mut(rc) {
                    for (_, (k, v)) in std::mem::take(&mut cell.get_mut().entries).into_iter().flatten() {
                        pending.push(k);
                        pending.push(v);
                    }
                }
            }
            Obj::Instance(rc) => {
                // Its attributes, unless a `__dict__` taken from it lives on.
                if let Some(value) = Rc::get_mut(rc).and_then(|instance| instance.value.take()) {
                    pending.push(value);
                }
                if let Some(attrs) = Rc::get_mut(rc).and_then(|instance| Rc::get_mut(&mut instance.attrs)) {
                    for (_, (k, v)) in std::mem::take(&mut attrs.get_mut().entries).into_iter().flatten() {
                        pending.push(k);
                        pending.push(v);
                    }
                }
            }
            Obj::Generator(rc) => {
                if let Some(generator) = Rc::get_mut(rc) {
                    pending.extend(generator.release());
                }
            }
            Obj::Lazy(rc) => {
                if let Some(lazy) = Rc::get_mut(rc) {
                    pending.extend(lazy.release());
                }
            }
            _ => {}
        }
    }
}

/// The state of a `for` loop or `next()` over something.
pub struct Iter {
    pub items: Vec<Obj>,
    pub at: usize,
}

/// Which part of a dict a view shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Keys,
    Values,
    Items,
}

/// A dict (or a set, whose values are `None`): entries in insertion order, a hash index over keys.
#[derive(Default, Clone)]
pub struct Dict {
    /// Each entry keeps its key's `Key` (a user object's is only known through its `__hash__`).
    entries: Vec<Option<(Key, (Obj, Obj))>>,
    index: FastMap<Key, usize>,
    live: usize,
    /// For a set: the table size CPython started it with (0: the smallest), which decides
    /// the order it lists its members in (see set_order.rs).
    pub presize: usize,
}

/// What makes two keys the same dict key: equal numbers (`1`, `1.0`, `True`) are one key.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Key {
    None,
    Int(i64),
    Float(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<Key>),
    /// A class or instance, by identity.
    Id(usize),
    /// A built-in type or function (`str`, `len`), by name: each is one object.
    Builtin(&'static str),
    /// An object with its own `__hash__` / `__eq__`: one number per class of equal objects
    /// (the interpreter's registry decides which objects are equal).
    User(usize),
}

/// A key's hash: a `Str` hashes as its text alone, so that a name borrowed from the program
/// (`KeyName`) finds the same entry without being made into a `Key`.
impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            Key::Str(s) => s.hash(state),
            Key::None => state.write_u8(0),
            Key::Int(i) => (1u8, i).hash(state),
            Key::Float(f) => (2u8, f).hash(state),
            Key::Bytes(b) => (3u8, b).hash(state),
            Key::Tuple(items) => (4u8, items).hash(state),
            Key::Id(id) => (5u8, id).hash(state),
            Key::Builtin(name) => (6u8, name).hash(state),
            Key::User(n) => (7u8, n).hash(state),
        }
    }
}

/// A dict key as a lookup sees it: a `Key`, or a name borrowed from the program text. Reading a
/// variable or an attribute looks its name up this way, without building shared text for the
/// key on every read (that allocation was a tenth of a loop's time).
pub trait LookupKey {
    fn name(&self) -> Option<&str>;
    fn owned(&self) -> Option<&Key>;
}

impl LookupKey for Key {
    fn name(&self) -> Option<&str> {
        match self {
            Key::Str(s) => Some(s),
            _ => None,
        }
    }
    fn owned(&self) -> Option<&Key> {
        Some(self)
    }
}

/// A name looked up in a dict (`globals`, a class's or an instance's attributes).
pub struct KeyName<'a>(pub &'a str);

impl LookupKey for KeyName<'_> {
    fn name(&self) -> Option<&str> {
        Some(self.0)
    }
    fn owned(&self) -> Option<&Key> {
        None
    }
}

impl<'a> std::borrow::Borrow<dyn LookupKey + 'a> for Key {
    fn borrow(&self) -> &(dyn LookupKey + 'a) {
        self
    }
}

impl PartialEq for dyn LookupKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        match (self.name(), other.name()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.owned() == other.owned(),
            _ => false,
        }
    }
}

impl Eq for dyn LookupKey + '_ {}

impl std::hash::Hash for dyn LookupKey + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match (self.name(), self.owned()) {
            (Some(name), _) => name.hash(state),
            (None, Some(key)) => key.hash(state),
            (None, None) => {}
        }
    }
}

impl Dict {
    /// The value under a string key, looked up without building the key.
    pub fn get_str(&self, name: &str) -> Option<&Obj> {
        let i = *self.index.get(&KeyName(name) as &dyn LookupKey)?;
        self.entries[i].as_ref().map(|(_, (_, v))| v)
    }

    pub fn contains_str(&self, name: &str) -> bool {
        self.index.contains_key(&KeyName(name) as &dyn LookupKey)
    }

    /// Sets a string key: the key's shared text is made only when the key is new.
    pub fn insert_str(&mut self, name: &str, value: Obj) {
        match self.index.get(&KeyName(name) as &dyn LookupKey) {
            Some(&i) => {
                if let Some((_, entry)) = self.entries[i].as_mut() {
                    entry.1 = value;
                }
            }
            None => {
                let text: Rc<str> = Rc::from(name);
                self.insert(Key::Str(text.clone()), Obj::Str(text), value);
            }
        }
    }

    pub fn remove_str(&mut self, name: &str) -> Option<Obj> {
        let key = self.index.get_key_value(&KeyName(name) as &dyn LookupKey)?.0.clone();
        self.remove(&key)
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn get(&self, key: &Key) -> Option<&Obj> {
        self.index.get(key).and_then(|&i| self.entries[i].as_ref()).map(|(_, (_, v))| v)
    }

    pub fn insert(&mut self, key: Key, key_obj: Obj, value: Obj) {
        match self.index.get(&key) {
            Some(&i) => {
                if let Some((_, entry)) = self.entries[i].as_mut() {
                    entry.1 = value;
                }
            }
            None => {
                self.index.insert(key.clone(), self.entries.len());
                self.entries.push(Some((key, (key_obj, value))));
                self.live += 1;
            }
        }
    }

    pub fn remove(&mut self, key: &Key) -> Option<Obj> {
        let i = self.index.remove(key)?;
        self.live -= 1;
        let removed = self.entries[i].take().map(|(_, (_, v))| v);
        if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        removed
    }

    fn compact(&mut self) {
        let entries: Vec<(Key, (Obj, Obj))> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        for (i, (key, _)) in entries.iter().enumerate() {
            self.index.insert(key.clone(), i);
        }
        self.entries = entries.into_iter().map(Some).collect();
    }

    pub fn items(&self) -> impl Iterator<Item = &(Obj, Obj)> {
        self.entries.iter().flatten().map(|(_, pair)| pair)
    }

    /// Each key with its `Key`, for set algebra between dicts and sets.
    pub fn keyed(&self) -> impl Iterator<Item = (&Key, &Obj)> {
        self.entries.iter().flatten().map(|(key, (k, _))| (key, k))
    }

    /// The entry in slot `at` (None once removed), for a loop that walks the dict live;
    /// `slots()` is how many there are.
    pub fn slot(&self, at: usize) -> Option<Option<&(Obj, Obj)>> {
        self.entries.get(at).map(|e| e.as_ref().map(|(_, pair)| pair))
    }

    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.index.contains_key(key)
    }

    pub fn clear(&mut self) {
        *self = Dict::default();
    }
}

/// The dict key of a value, or `None` when the value is unhashable (a list, a dict, a set).
pub fn key_of(value: &Obj) -> Option<Key> {
    key_at_depth(value, 0)
}

/// Tuples nested deeper than a program can sensibly use are not keys (their hash would recurse
/// as deep as they go).
fn key_at_depth(value: &Obj, depth: usize) -> Option<Key> {
    if depth > 100 {
        return None;
    }
    Some(match value {
        Obj::None => Key::None,
        Obj::Bool(b) => Key::Int(i64::from(*b)),
        Obj::Int(i) => Key::Int(*i),
        Obj::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => Key::Int(*f as i64),
        Obj::Float(f) => Key::Float(f.to_bits()),
        Obj::Str(s) => Key::Str(s.clone()),
        Obj::Bytes(b) => Key::Bytes(b.clone()),
        Obj::Tuple(items) => Key::Tuple(items.iter().map(|i| key_at_depth(i, depth + 1)).collect::<Option<Vec<_>>>()?),
        Obj::List(_) | Obj::Dict(_) | Obj::Set(_) => return None,
        Obj::Builtin(name) => Key::Builtin(name),
        other => Key::Id(identity(other)),
    })
}

/// The identity of a shared value (`is`, `id()`); plain values have none beyond equality.
pub fn identity(value: &Obj) -> usize {
    match value {
        Obj::List(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Dict(rc) | Obj::Set(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Tuple(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Function(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Class(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Instance(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Module(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Iterator(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Native(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Generator(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Lazy(rc) => Rc::as_ptr(rc) as *const u8 as usize,
        Obj::Str(s) => s.as_ptr() as usize,
        _ => 0,
    }
}

/// A function defined with `def` or `lambda`.
pub struct Function {
    pub name: Rc<str>,
    /// Its body has a `yield`: calling it makes a generator.
    pub generator: bool,
    /// `Class.method`, `outer.<locals>.inner`: how Python's messages name the function.
    pub qualname: Rc<str>,
    pub params: Vec<Param>,
    /// The parameters' names, shared with each call's variables.
    pub param_names: Vec<Rc<str>>,
    /// Every parameter is a plain one (no `*`, `**` or `/`): calls may take the short way.
    pub plain_params: bool,
    pub defaults: Vec<Option<Obj>>,
    pub body: Rc<Vec<Stmt>>,
    /// A lambda's body is one expression, kept as a `return` statement.
    pub scope: Option<Rc<Scope>>,
    pub globals: Rc<RefCell<Dict>>,
    pub file: Rc<str>,
    /// Names the function assigns (its locals), and those it declares `global` / `nonlocal`.
    pub locals: Rc<Vec<String>>,
    pub declared_global: Rc<Vec<String>>,
    pub declared_nonlocal: Rc<Vec<String>>,
    /// The class whose body defined it, for `super()`.
    pub owner: RefCell<Option<std::rc::Weak<Class>>>,
    /// Attributes set on the function (`wrapper.__name__ = fn.__name__`, `f.calls = 0`).
    pub attrs: RefCell<Dict>,
}

/// `property(fget, fset)`: what `@property` and `@name.setter` build.
pub struct PropertyCell {
    pub getter: Obj,
    pub setter: Option<Obj>,
    pub deleter: Option<Obj>,
}

/// A function call's variables, and the scope it was defined in (for closures).
pub struct Scope {
    pub vars: RefCell<Vars>,
    pub parent: Option<Rc<Scope>>,
}

/// A call's variables: a function has few, so a short list searched by name is quicker than a
/// hash table, and a parameter's name is shared, not copied, at each call.
#[derive(Default)]
pub struct Vars(Vec<(Rc<str>, Obj)>);

impl Vars {
    pub fn with_capacity(n: usize) -> Vars {
        Vars(Vec::with_capacity(n))
    }

    pub fn get(&self, name: &str) -> Option<&Obj> {
        self.0.iter().find(|(n, _)| &**n == name).map(|(_, v)| v)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The variables in the order they were first bound.
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Obj)> {
        self.0.iter().map(|(name, value)| (name, value))
    }

    /// Binds `name` (made into shared text only when it is new).
    pub fn insert(&mut self, name: &str, value: Obj) {
        match self.0.iter_mut().find(|(n, _)| &**n == name) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((Rc::from(name), value)),
        }
    }

    /// Binds a parameter whose name the function already holds as shared text.
    pub fn insert_shared(&mut self, name: &Rc<str>, value: Obj) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((name.clone(), value)),
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Obj> {
        let at = self.0.iter().position(|(n, _)| &**n == name)?;
        Some(self.0.remove(at).1)
    }

    /// Every value, taken out (for freeing without recursion).
    pub fn take_values(&mut self) -> Vec<Obj> {
        std::mem::take(&mut self.0).into_iter().map(|(_, v)| v).collect()
    }
}

pub struct Class {
    pub name: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order, this class first (C3 linearisation).
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub attrs: RefCell<Dict>,
    /// Built-in exception classes carry no Python body.
    pub builtin: bool,
}

pub struct Instance {
    pub class: Rc<Class>,
    /// The instance's `__dict__` itself: `obj.__dict__[k] = v` and `vars(obj).update(...)` set
    /// attributes, as in Python.
    pub attrs: Rc<RefCell<Dict>>,
    /// For an instance of a subclass of a built-in type (`class Status(str, Enum)`,
    /// `class Registry(dict)`): the built-in value it is, which answers whatever the class's
    /// Python code does not define (see subclass.rs).
    pub value: Option<Obj>,
}

pub struct Module {
    pub name: Rc<str>,
    pub globals: Rc<RefCell<Dict>>,
}

impl Obj {
    /// A new instance of `class` with no attributes yet (what `__init__` then fills).
    pub fn new_instance(class: Rc<Class>) -> Obj {
        Obj::Instance(Rc::new(Instance { class, attrs: Rc::new(RefCell::new(Dict::default())), value: None }))
    }

    /// A new instance of a subclass of a built-in type, holding the built-in value it is.
    pub fn new_valued_instance(class: Rc<Class>, value: Obj) -> Obj {
        Obj::Instance(Rc::new(Instance { class, attrs: Rc::new(RefCell::new(Dict::default())), value: Some(value) }))
    }

    pub fn str(text: &str) -> Obj {
        Obj::Str(Rc::from(text))
    }

    pub fn list(items: Vec<Obj>) -> Obj {
        Obj::List(Rc::new(ListCell(RefCell::new(items))))
    }

    pub fn tuple(items: Vec<Obj>) -> Obj {
        Obj::Tuple(Rc::new(TupleCell(items)))
    }

    /// The name of the value's type, as `type(x).__name__` gives it.
    pub fn type_name(&self) -> String {
        match self {
            Obj::None => "NoneType".into(),
            Obj::Bool(_) => "bool".into(),
            Obj::Int(_) => "int".into(),
            Obj::Float(_) => "float".into(),
            Obj::Str(_) => "str".into(),
            Obj::Bytes(_) => "bytes".into(),
            Obj::List(_) => "list".into(),
            Obj::Tuple(_) => "tuple".into(),
            Obj::Dict(_) => "dict".into(),
            Obj::Set(_) => "set".into(),
            Obj::Range(..) => "range".into(),
            Obj::Slice(..) => "slice".into(),
            Obj::DictView(_, View::Keys) => "dict_keys".into(),
            Obj::DictView(_, View::Values) => "dict_values".into(),
            Obj::DictView(_, View::Items) => "dict_items".into(),
            Obj::Function(_) => "function".into(),
            Obj::Builtin(_) => "builtin_function_or_method".into(),
            Obj::NativeMethod(..) => "builtin_function_or_method".into(),
            Obj::UnboundNative(_) => "method_descriptor".into(),
            Obj::Method(..) => "method".into(),
            Obj::Class(_) => "type".into(),
            Obj::Instance(instance) => instance.class.name.to_string(),
            Obj::Module(_) => "module".into(),
            Obj::Iterator(_) => "iterator".into(),
            Obj::Property(_) => "property".into(),
            Obj::StaticMethod(_) => "staticmethod".into(),
            Obj::ClassMethod(_) => "classmethod".into(),
            Obj::Super(..) => "super".into(),
            Obj::Native(native) => native.type_name().into(),
            Obj::Generator(_) => "generator".into(),
            Obj::Lazy(lazy) => lazy.type_name().into(),
        }
    }
}

/// C3 linearisation of a class with these bases; `None` when no consistent order exists.
pub fn c3_mro(class: &Rc<Class>, bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut sequences: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    sequences.push(bases.to_vec());
    let mut out = vec![class.clone()];
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Some(out);
        }
        let candidate = sequences.iter().map(|s| s[0].clone()).find(|c| {
            !sequences.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c)))
        })?;
        for s in sequences.iter_mut() {
            if Rc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        out.push(candidate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_borrowed_name_finds_the_entry_its_key_made_and_nothing_else() {
        let mut dict = Dict::default();
        dict.insert(Key::Str(Rc::from("total")), Obj::str("total"), Obj::Int(1));
        dict.insert(Key::Int(1), Obj::Int(1), Obj::str("one"));
        dict.insert(Key::Tuple(vec![Key::Str(Rc::from("a"))]), Obj::None, Obj::Int(2));
        assert!(matches!(dict.get_str("total"), Some(Obj::Int(1))));
        assert!(dict.get_str("1").is_none(), "the text '1' is not the number 1");
        assert!(dict.get_str("a").is_none(), "nor is 'a' the tuple ('a',)");
        // Setting an existing name replaces its value in place; a new one goes last.
        dict.insert_str("total", Obj::Int(5));
        dict.insert_str("count", Obj::Int(0));
        assert_eq!(dict.len(), 4);
        assert!(matches!(dict.get(&Key::Str(Rc::from("total"))), Some(Obj::Int(5))));
        let keys: Vec<String> = dict.items().map(|(k, _)| match k {
            Obj::Str(s) => s.to_string(),
            Obj::Int(i) => i.to_string(),
            _ => "?".into(),
        }).collect();
        assert_eq!(keys, ["total", "1", "?", "count"]);
        assert!(matches!(dict.remove_str("total"), Some(Obj::Int(5))));
        assert!(!dict.contains_str("total") && dict.contains_str("count"));
    }
}
