//! Subclasses of the built-in types: `class Status(str, Enum)`, `class Registry(dict)`,
//! `class Name(str)`. Such a class has a stand-in class for the built-in type in its method
//! resolution order, and each instance holds the built-in value it is (`Instance::value`): what
//! the class's Python code defines comes first, the rest — methods, operators, `len`, iteration,
//! hashing, `repr` — is the value's, as CPython's built-in base answers them.

use std::cell::RefCell;
use std::rc::Rc;

use super::eval::{Interpreter, Res};
use super::object::{Class, Dict, Obj};

/// The built-in types a class may derive from in the lab.
const VALUE_TYPES: &[&str] = &["str", "int", "float", "list", "dict", "set", "tuple"];

/// The built-in type of this name a class may derive from, as a `'static` name.
pub(super) fn value_type_name(name: &str) -> Option<&'static str> {
    VALUE_TYPES.iter().find(|t| **t == name).copied()
}

/// Whether a built-in type's value is a container `__init__` fills (list, dict, set), not one
/// `__new__` makes whole from its arguments (str, int, float, tuple).
fn is_container(type_name: &str) -> bool {
    matches!(type_name, "list" | "dict" | "set")
}

/// The special methods a built-in type answers itself: met in a class's method resolution order,
/// the built-in's stands before a later base's (`str.__hash__` before `Enum.__hash__`).
const TYPE_SPECIALS: &[&str] = &[
    "__repr__", "__str__", "__format__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__len__",
    "__iter__", "__contains__", "__getitem__", "__setitem__", "__delitem__", "__bool__", "__int__", "__float__", "__index__",
    "__abs__", "__neg__", "__pos__", "__invert__", "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__",
    "__pow__", "__and__", "__or__", "__xor__", "__lshift__", "__rshift__", "__radd__", "__rsub__", "__rmul__",
    "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__", "__rand__", "__ror__", "__rxor__",
];

impl Interpreter {
    /// The stand-in classes for the built-in types, made once (see `base_class`).
    pub(super) fn install_value_types(&mut self) {
        for name in VALUE_TYPES {
            let mut attrs = Dict::default();
            attrs.insert_str("__module__", Obj::str("builtins"));
            let bases = vec![self.object_class.clone()];
            let class = Rc::new(Class { name: Rc::from(*name), bases, mro: RefCell::new(Vec::new()), attrs: RefCell::new(attrs), builtin: true });
            *class.mro.borrow_mut() = vec![class.clone(), self.object_class.clone()];
            self.classes.push(Rc::downgrade(&class));
            self.value_types.push(class);
        }
    }

    /// The class that stands for built-in type `name` among a class's bases, if it can be one.
    pub(super) fn base_class(&self, name: &str) -> Option<Rc<Class>> {
        self.value_types.iter().find(|c| c.name.as_ref() == name).cloned()
    }

    /// The built-in type a class derives from (`"str"` for `class Status(str, Enum)`), if any.
    pub(super) fn value_type_of(&self, class: &Rc<Class>) -> Option<&'static str> {
        let mro = class.mro.borrow();
        mro.iter().find_map(|c| if c.builtin { value_type_name(&c.name) } else { None })
    }

    /// Whether this class is the stand-in for a built-in type.
    pub(super) fn is_value_type_class(class: &Class) -> bool {
        class.builtin && VALUE_TYPES.contains(&class.name.as_ref())
    }

    /// Whether, looking `name` up along an MRO, the built-in type's own answers first.
    pub(super) fn answered_by_type(class: &Class, name: &str) -> bool {
        Self::is_value_type_class(class) && TYPE_SPECIALS.contains(&name)
    }

    /// The built-in value of an instance of such a subclass, when its class's Python code does
    /// not define `special`: the operation then is the value's.
    pub(super) fn value_part(&self, value: &Obj, special: &str) -> Option<Obj> {
        let Obj::Instance(instance) = value else { return None };
        let inner = instance.value.as_ref()?;
        if self.lookup_special(value, special).is_some() {
            return None;
        }
        Some(inner.clone())
    }

    /// Both operands of a binary operation, each instance of such a subclass replaced by its
    /// value when its class does not define `special`; None when neither is one.
    pub(super) fn value_operands(&self, a: &Obj, b: &Obj, special: &str, reflected: &str) -> Option<(Obj, Obj)> {
        let (x, y) = (self.value_part(a, special), self.value_part(b, reflected));
        if x.is_none() && y.is_none() {
            return None;
        }
        Some((x.unwrap_or_else(|| a.clone()), y.unwrap_or_else(|| b.clone())))
    }

    /// The built-in value of an instance of such a subclass; None for anything else.
    pub(super) fn plain_value(value: &Obj) -> Option<&Obj> {
        match value {
            Obj::Instance(instance) => instance.value.as_ref(),
            _ => None,
        }
    }

    /// The value, or for an instance of such a subclass the built-in value it is: what a built-in
    /// function that wants a `str` or an `int` reads (`"-".join(...)`, an index).
    pub(super) fn unwrapped(value: &Obj) -> &Obj {
        Self::plain_value(value).unwrap_or(value)
    }

    /// A dict subclass as its dict, as CPython copies one (`dict(d)`, `{**d}`, `f(**d)`,
    /// `update(d)`); anything else as it is.
    pub(super) fn as_dict(value: &Obj) -> &Obj {
        match Self::plain_value(value) {
            Some(inner @ Obj::Dict(_)) => inner,
            _ => value,
        }
    }

    /// `Class(args)` for a subclass of built-in type `type_name` without a `__new__` of its own:
    /// an immutable value is made from the arguments (`str.__new__`); a container starts empty
    /// and is filled by `__init__` — the class's own, or the type's.
    pub(super) fn instantiate_valued(&mut self, class: &Rc<Class>, type_name: &'static str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        let instance = self.new_valued(class, type_name, args.clone(), kwargs.clone())?;
        match self.find_in_mro(class, "__init__") {
            Some(Obj::Function(init)) => self.run_init(&init, &instance, args, kwargs)?,
            _ if is_container(type_name) => self.fill_value(&instance, args, kwargs)?,
            _ => {}
        }
        Ok(instance)
    }

    /// A new instance of `class` holding its value as the type's `__new__` makes it: an immutable
    /// value from the arguments, a container empty (for `__init__` to fill).
    fn new_valued(&mut self, class: &Rc<Class>, type_name: &'static str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        let value = if is_container(type_name) { self.call_builtin(type_name, Vec::new(), Vec::new())? } else { self.call_builtin(type_name, args, kwargs)? };
        Ok(Obj::new_valued_instance(class.clone(), value))
    }

    /// `str.__new__(cls, *args)`: an instance of `cls` (a subclass of the type) holding the value
    /// the type makes of the arguments, no `__init__` run; `str.__new__(str, ...)` is the value.
    pub(super) fn builtin_new(&mut self, type_name: &'static str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        let Some((first, rest)) = args.split_first() else {
            return self.error("TypeError", format!("{type_name}.__new__(): not enough arguments"));
        };
        match first {
            Obj::Builtin(name) if *name == type_name => self.call_builtin(type_name, rest.to_vec(), kwargs),
            Obj::Class(class) if self.value_type_of(class) == Some(type_name) => self.new_valued(class, type_name, rest.to_vec(), kwargs),
            Obj::Class(class) => self.error("TypeError", format!("{type_name}.__new__({}): {} is not a subtype of {type_name}", class.name, class.name)),
            other => self.error("TypeError", format!("{type_name}.__new__(X): X is not a type object ({})", other.type_name())),
        }
    }

    /// The type's `__init__` on such an instance (`super().__init__(...)` in a `dict` subclass):
    /// a dict is updated, a list and a set take the items anew; an immutable value was made by
    /// `__new__` and takes no arguments here, as `object.__init__`.
    pub(super) fn fill_value(&mut self, this: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<()> {
        let Obj::Instance(instance) = this else { return Ok(()) };
        match &instance.value {
            Some(Obj::Dict(dict)) => {
                let made = self.call_builtin("dict", args, kwargs)?;
                if let Obj::Dict(made) = made {
                    let items: Vec<(Obj, Obj)> = made.borrow().items().cloned().collect();
                    for (k, v) in items {
                        let hashed = self.hash_key(&k)?;
                        dict.borrow_mut().insert(hashed, k, v);
                    }
                }
                Ok(())
            }
            Some(Obj::List(list)) => {
                let made = self.call_builtin("list", args, kwargs)?;
                if let Obj::List(made) = made {
                    let items = made.borrow().clone();
                    *list.borrow_mut() = items;
                }
                Ok(())
            }
            Some(Obj::Set(set)) => {
                let made = self.call_builtin("set", args, kwargs)?;
                if let Obj::Set(made) = made {
                    let items = made.borrow().clone();
                    *set.borrow_mut() = items;
                }
                Ok(())
            }
            _ if args.is_empty() && kwargs.is_empty() => Ok(()),
            _ => self.error("TypeError", "object.__init__() takes exactly one argument (the instance to initialize)"),
        }
    }

    /// A special method of the built-in value, called by name: `super().__setitem__(k, v)` in a
    /// `dict` subclass, `super().__repr__()` in a `str` one. None for a name that is not one.
    pub(super) fn value_special(&mut self, value: &Obj, name: &str, args: &[Obj]) -> Option<Res<Obj>> {
        let binary = |name: &str| -> Option<&'static str> {
            Some(match name.trim_start_matches("__r").trim_start_matches("__").trim_end_matches("__") {
                "add" => "+",
                "sub" => "-",
                "mul" => "*",
                "truediv" => "/",
                "floordiv" => "//",
                "mod" => "%",
                "pow" => "**",
                "and" => "&",
                "or" => "|",
                "xor" => "^",
                "lshift" => "<<",
                "rshift" => ">>",
                _ => return None,
            })
        };
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Obj::None);
        let result = match name {
            "__getitem__" => self.get_item(value, arg(0)),
            "__setitem__" => self.set_item(value, arg(0), arg(1)).map(|()| Obj::None),
            "__delitem__" => self.del_item(value, arg(0)).map(|()| Obj::None),
            "__contains__" => self.contains(value, &arg(0)).map(Obj::Bool),
            "__len__" => self.length(value).map(|n| Obj::Int(n as i64)),
            "__iter__" => self.call_builtin("iter", vec![value.clone()], Vec::new()),
            "__repr__" => self.repr_of(value).map(|s| Obj::str(&s)),
            "__str__" => self.str_of(value).map(|s| Obj::str(&s)),
            "__format__" => match self.str_of(&arg(0)) {
                Ok(spec) => self.format_value(value, &spec).map(|s| Obj::str(&s)),
                Err(raised) => Err(raised),
            },
            "__hash__" => self.hash_of(value).map(Obj::Int),
            "__bool__" => self.truthy(value).map(Obj::Bool),
            "__int__" | "__index__" => self.call_builtin("int", vec![value.clone()], Vec::new()),
            "__float__" => self.call_builtin("float", vec![value.clone()], Vec::new()),
            "__abs__" => self.call_builtin("abs", vec![value.clone()], Vec::new()),
            "__neg__" => self.unary("-", value.clone()),
            "__pos__" => self.unary("+", value.clone()),
            "__invert__" => self.unary("~", value.clone()),
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => {
                let op = match name {
                    "__eq__" => "==",
                    "__ne__" => "!=",
                    "__lt__" => "<",
                    "__le__" => "<=",
                    "__gt__" => ">",
                    _ => ">=",
                };
                self.compare(op, value, &arg(0)).map(Obj::Bool)
            }
            _ => {
                let op = binary(name)?;
                if name.starts_with("__r") && name != "__rshift__" {
                    self.binary(op, arg(0), value.clone())
                } else {
                    self.binary(op, value.clone(), arg(0))
                }
            }
        };
        Some(result)
    }

    /// What `super().name` finds in a built-in base past the class's Python bases: the value's
    /// method or special method, bound to the instance (None when the base is not a built-in).
    pub(super) fn super_value_attr(&self, this: &Obj, rest: &[Rc<Class>], name: &str) -> Option<Obj> {
        let Obj::Instance(instance) = this else { return None };
        let value = instance.value.as_ref()?;
        if !rest.iter().any(|c| Self::is_value_type_class(c)) {
            return None;
        }
        if let Some(special) = TYPE_SPECIALS.iter().find(|s| **s == name) {
            return Some(Obj::NativeMethod(Box::new(this.clone()), special));
        }
        super::builtins::native_method(value, name).map(|m| Obj::NativeMethod(Box::new(value.clone()), m))
    }

    /// The `__new__` a built-in base provides (`super().__new__(cls, value)` in a `str` subclass).
    pub(super) fn type_new_name(type_name: &str) -> &'static str {
        match type_name {
            "str" => "str.__new__",
            "int" => "int.__new__",
            "float" => "float.__new__",
            "list" => "list.__new__",
            "dict" => "dict.__new__",
            "set" => "set.__new__",
            "tuple" => "tuple.__new__",
            _ => "object.__new__",
        }
    }
}

