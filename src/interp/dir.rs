//! What `dir(x)` lists, and so where an AttributeError's "Did you mean" looks (CPython 3.11 takes
//! its candidates from `dir()` of the object). Built-in values list what CPython's do
//! (type_attributes.txt, recorded); a native module's object lists the public names of the real
//! class it stands in for, with object's special names.

use super::object::{Class, Obj};
use super::Interpreter;
use std::rc::Rc;

/// `dir()` of a value of each built-in type, as CPython 3.11 lists it (tests/python/type_attributes.py).
const TYPE_ATTRIBUTES: &str = include_str!("type_attributes.txt");

/// The names `dir()` of a value of the built-in type `type_name` lists.
fn type_attributes(type_name: &str) -> Option<impl Iterator<Item = &'static str>> {
    let line = TYPE_ATTRIBUTES.lines().find(|line| line.split(' ').next() == Some(type_name))?;
    Some(line.split(' ').skip(1))
}

impl Interpreter {
    /// `dir(value)`: its names, sorted.
    pub(super) fn dir_names(&self, value: &Obj) -> Vec<String> {
        let mut names: Vec<String> = match value {
            Obj::Instance(instance) => {
                let mut names: Vec<String> = instance.attrs.borrow().items().map(|(k, _)| self.plain_str(k)).collect();
                names.extend(self.class_dir(&instance.class));
                names
            }
            Obj::Class(class) => self.class_dir(class),
            Obj::Module(module) => {
                let mut names: Vec<String> = module.globals.borrow().items().map(|(k, _)| self.plain_str(k)).collect();
                // A module of the real library the lab provides part of: all its public names.
                names.extend(self.library_line(&module.name).into_iter().flat_map(|line| line.split(' ').skip(1).map(str::to_string)));
                names
            }
            Obj::Native(native) => match self.library_line(&format!("{}()", native.library_class())) {
                Some(line) => type_attributes("object").into_iter().flatten().chain(line.split(' ').skip(1)).map(str::to_string).collect(),
                None => Vec::new(),
            },
            Obj::Builtin(name) => match type_attributes(name) {
                Some(names) => names.map(str::to_string).collect(),
                None => type_attributes("builtin_function_or_method").into_iter().flatten().map(str::to_string).collect(),
            },
            other => match type_attributes(&other.type_name()) {
                Some(names) => names.map(str::to_string).collect(),
                None => Vec::new(),
            },
        };
        crate::sorting::sort(&mut names);
        names.dedup();
        names
    }

    /// A class lists its own names and its bases' (the built-in ones as CPython's list them); a
    /// class statement's class also has `__dict__`, `__weakref__` and `__module__` of its own.
    fn class_dir(&self, class: &Rc<Class>) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for base in class.mro.borrow().iter() {
            names.extend(base.attrs.borrow().items().map(|(k, _)| self.plain_str(k)));
            if base.builtin {
                names.extend(type_attributes(&base.name).into_iter().flatten().map(str::to_string));
            }
        }
        if !class.builtin {
            names.extend(["__dict__", "__weakref__", "__module__"].map(str::to_string));
        }
        names.retain(|name| name != "__qualname__");
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_builtin_type_the_lab_has_is_recorded() {
        for name in ["object", "BaseException", "NoneType", "bool", "int", "float", "str", "bytes", "list", "tuple", "dict", "set", "range", "slice", "function", "generator"] {
            let names: Vec<&str> = type_attributes(name).map(Iterator::collect).unwrap_or_default();
            assert!(names.contains(&"__class__"), "{name}");
        }
        assert!(type_attributes("str").is_some_and(|mut names| names.any(|n| n == "upper")));
    }
}
