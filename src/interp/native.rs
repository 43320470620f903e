//! The native-object protocol: how a module written in Rust (the lab's `sqlalchemy` and
//! `alembic`) gives Python values of its own — attributes, calls, operators, iteration, `with`,
//! `repr`, and descriptors on classes — without the evaluator knowing what they are.
//!
//! A native value is `Obj::Native(Rc<dyn Native>)`. Every method has a default meaning "not
//! supported", for which the evaluator raises the `TypeError` / `AttributeError` Python would.
//! A module is registered by name ([`Interpreter::register_module`]) and built on first import.
//! Classes that Python code subclasses (a declarative base) are ordinary classes whose methods
//! may be [`NativeFunction`]s: Python's own `__init_subclass__` and `__set_name__` are the hooks
//! through which such a base sees each subclass and its attributes.

use std::any::Any;
use std::rc::Rc;

use super::eval::{Interpreter, Raised, Res};
use super::object::Obj;

/// Positional and keyword arguments of a call.
pub type Args = (Vec<Obj>, Vec<(String, Obj)>);

/// Lets a module find its own type again behind `dyn Native` (`native.as_any().downcast_ref()`);
/// every type has it.
pub trait AsAny {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Obj {
    /// The native value of type `T` this is, if it is one (for a module's own types).
    pub fn native<T: Native + 'static>(&self) -> Option<&T> {
        self.native_any()?.downcast_ref::<T>()
    }

    /// The native value as `Any`: the part of `native::<T>` that is the same for every `T`.
    #[inline(never)]
    fn native_any(&self) -> Option<&dyn std::any::Any> {
        match self {
            // Through `dyn Native`'s table: `as_any` on the `Rc` itself would see the `Rc`.
            Obj::Native(native) => Some((**native).as_any()),
            _ => None,
        }
    }
}

/// A value implemented in Rust. `this` is the value itself as an `Obj`, for methods that return
/// it or bind to it.
pub trait Native: AsAny {
    /// The type's name, as `type(x).__name__` and Python's messages give it.
    fn type_name(&self) -> &str;

    /// The type's dotted path, as `type(x)` prints it (`sqlalchemy.engine.base.Engine`).
    fn class_path(&self) -> &str {
        self.type_name()
    }

    fn repr(&self, py: &mut Interpreter, this: &Obj) -> Res<String>;

    fn str(&self, py: &mut Interpreter, this: &Obj) -> Res<String> {
        self.repr(py, this)
    }

    /// The real library's class this object stands in for, as the library names call it (their
    /// line `Session() add …`, without the parentheses): what `dir()` lists and what the lab
    /// says it lacks.
    fn library_class(&self) -> &str {
        self.type_name()
    }

    /// The error for a missing `name`, where the real class raises its own (worded its way, or
    /// raised from errors inside the library: `Interpreter::library_chain`).
    fn missing_attribute(&self, _py: &mut Interpreter, _this: &Obj, _name: &str) -> Option<Box<Raised>> {
        None
    }

    /// `this.name`; `None` when there is no such attribute.
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, _name: &str) -> Res<Option<Obj>> {
        Ok(None)
    }

    /// `this.name = value`; `false` when the attribute cannot be set.
    fn set_attr(&self, _py: &mut Interpreter, _this: &Obj, _name: &str, _value: Obj) -> Res<bool> {
        Ok(false)
    }

    /// `this(*args, **kwargs)`; `None` when the value is not callable.
    fn call(&self, _py: &mut Interpreter, _this: &Obj, _args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        None
    }

    /// `this OP other`, or `other OP this` when `reflected`: arithmetic and bitwise operators
    /// (`+`, `&`, `|` …) and comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`), whose result may be
    /// any value (an SQL expression, say). `None` is Python's `NotImplemented`.
    fn binary(&self, _py: &mut Interpreter, _this: &Obj, _op: &str, _other: &Obj, _reflected: bool) -> Option<Res<Obj>> {
        None
    }

    /// `this[index]`; `None` when the value is not subscriptable.
    fn get_item(&self, _py: &mut Interpreter, _this: &Obj, _index: &Obj) -> Option<Res<Obj>> {
        None
    }

    /// `~this`, `-this`, `+this`; `None` when not supported.
    fn unary(&self, _py: &mut Interpreter, _this: &Obj, _op: &str) -> Option<Res<Obj>> {
        None
    }

    /// `item in this`; `None` falls back to iterating.
    fn contains(&self, _py: &mut Interpreter, _this: &Obj, _item: &Obj) -> Option<Res<bool>> {
        None
    }

    /// The items a `for` loop over `this` sees; `None` when the value is not iterable.
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        None
    }

    /// `len(this)`; `None` when the value has no length.
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        None
    }

    /// Truth in `if this:`; Python's default for objects is true.
    fn truthy(&self, _py: &mut Interpreter, _this: &Obj) -> Res<bool> {
        Ok(true)
    }

    /// `with this as x:` — what `x` is; `None` when the value is not a context manager.
    fn enter(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Obj>> {
        None
    }

    /// Leaving the `with` block, with the exception that is leaving it if any; `true` swallows it.
    fn exit(&self, _py: &mut Interpreter, _this: &Obj, _error: Option<&Obj>) -> Res<bool> {
        Ok(false)
    }

    /// Stored on a class, the value is a descriptor when this returns `Some`: `instance.name`
    /// (or `Class.name`, with `instance` `None`) is what it returns. It takes precedence over the
    /// instance's own attributes, as a Python data descriptor does.
    fn descriptor_get(&self, _py: &mut Interpreter, _this: &Obj, _instance: Option<&Obj>, _owner: &Obj) -> Option<Res<Obj>> {
        None
    }

    /// `instance.name = value` for a descriptor stored on the class; `None` when it is not one.
    fn descriptor_set(&self, _py: &mut Interpreter, _this: &Obj, _instance: &Obj, _value: Obj) -> Option<Res<()>> {
        None
    }

    /// Python's `__set_name__`: told the class and the name it was assigned to in a class body.
    fn set_name(&self, _py: &mut Interpreter, _this: &Obj, _owner: &Obj, _name: &str) -> Res<()> {
        Ok(())
    }

}

/// What a native function runs. A trait of its own rather than `dyn Fn`: a `dyn Fn`'s table
/// also holds `call_mut` and a `call_once` shim for each of the hundreds of closures, never used.
pub trait NativeCall {
    fn call(&self, py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj>;
}

impl<F: Fn(&mut Interpreter, Vec<Obj>, Vec<(String, Obj)>) -> Res<Obj>> NativeCall for F {
    fn call(&self, py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        self(py, args, kwargs)
    }
}

type NativeFn = dyn NativeCall;

/// A function written in Rust: `create_engine`, `select`, a method of a native class.
pub struct NativeFunction {
    pub name: String,
    /// Stored on a class, accessed through an instance it binds to it (`self` comes first), as
    /// Python's methods do.
    pub method: bool,
    run: Rc<NativeFn>,
}

impl NativeFunction {
    pub fn function(name: &str, run: impl Fn(&mut Interpreter, Vec<Obj>, Vec<(String, Obj)>) -> Res<Obj> + 'static) -> Obj {
        Self::boxed(name, false, Rc::new(run))
    }

    /// A method for a class that Python code may subclass: it receives the instance first.
    pub fn method(name: &str, run: impl Fn(&mut Interpreter, Vec<Obj>, Vec<(String, Obj)>) -> Res<Obj> + 'static) -> Obj {
        Self::boxed(name, true, Rc::new(run))
    }

    /// The part that does not depend on the closure's type: one copy for the hundreds of natives.
    #[inline(never)]
    fn boxed(name: &str, method: bool, run: Rc<NativeFn>) -> Obj {
        Obj::Native(Rc::new(NativeFunction { name: name.to_string(), method, run }))
    }
}

impl Native for NativeFunction {
    fn type_name(&self) -> &str {
        "builtin_function_or_method"
    }

    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("<built-in function {}>", self.name))
    }

    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok((name == "__name__").then(|| Obj::str(&self.name)))
    }

    fn call(&self, py: &mut Interpreter, _this: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        Some(self.run.call(py, args, kwargs))
    }

    fn descriptor_get(&self, _py: &mut Interpreter, this: &Obj, instance: Option<&Obj>, _owner: &Obj) -> Option<Res<Obj>> {
        let instance = instance.filter(|_| self.method)?;
        Some(Ok(Obj::Native(Rc::new(BoundNative { function: this.clone(), this: instance.clone(), name: self.name.clone() }))))
    }
}

/// A native method bound to its instance.
struct BoundNative {
    function: Obj,
    this: Obj,
    name: String,
}

impl Native for BoundNative {
    fn type_name(&self) -> &str {
        "method"
    }

    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let owner = py.repr_of(&self.this)?;
        Ok(format!("<bound method {} of {owner}>", self.name))
    }

    fn call(&self, py: &mut Interpreter, _this: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(self.this.clone());
        all.extend(args);
        Some(py.call(self.function.clone(), all, kwargs))
    }
}

/// `type(x)` of a native value: a class-like value named as the module names the type.
pub struct NativeType(pub String);

impl NativeType {
    pub fn of(native: &dyn Native) -> Obj {
        Obj::Native(Rc::new(NativeType(native.class_path().to_string())))
    }
}

impl Native for NativeType {
    fn type_name(&self) -> &str {
        "type"
    }

    fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(format!("<class '{}'>", self.0))
    }

    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        // `types.GenericAlias` prints with its module; its name is the last part.
        let short = self.0.rsplit('.').next().unwrap_or(&self.0);
        Ok(matches!(name, "__name__" | "__qualname__").then(|| Obj::str(short)))
    }

    fn binary(&self, _py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, _reflected: bool) -> Option<Res<Obj>> {
        let same = other.native::<NativeType>().is_some_and(|t| t.0 == self.0);
        match op {
            "==" => Some(Ok(Obj::Bool(same))),
            "!=" => Some(Ok(Obj::Bool(!same))),
            _ => None,
        }
    }
}

/// What a native module defines, built on its first import.
pub type ModuleBuilder = Rc<dyn Fn(&mut Interpreter) -> Res<Vec<(String, Obj)>>>;

#[cfg(test)]
mod tests {
    //! A toy mapping module written against the protocol — fields that are descriptors, column
    //! expressions built by operators, a registry filled by `__init_subclass__`, a session used
    //! with `with` — run by Python code that the evaluator knows nothing about.

    use std::cell::RefCell;

    use super::*;

    /// A field declared in a class body: a descriptor that learns its name.
    struct Field {
        name: RefCell<String>,
    }

    /// `Model.field`: a column in an expression.
    struct Column(String);

    /// An SQL-ish condition built by operators.
    struct Clause(String);

    /// The classes that subclassed `Base`, and a log of what happened.
    #[derive(Default)]
    struct Registry {
        classes: RefCell<Vec<Obj>>,
        log: RefCell<Vec<String>>,
    }

    struct Session(Rc<Registry>);

    fn text_of(py: &mut Interpreter, value: &Obj) -> Res<String> {
        if let Some(clause) = value.native::<Clause>() {
            return Ok(clause.0.clone());
        }
        if let Some(column) = value.native::<Column>() {
            return Ok(column.0.clone());
        }
        py.repr_of(value)
    }

    impl Native for Field {
        fn type_name(&self) -> &str {
            "Field"
        }
        fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
            Ok(format!("Field({:?})", self.name.borrow()))
        }
        fn set_name(&self, _py: &mut Interpreter, _this: &Obj, _owner: &Obj, name: &str) -> Res<()> {
            *self.name.borrow_mut() = name.to_string();
            Ok(())
        }
        fn descriptor_get(&self, _py: &mut Interpreter, _this: &Obj, instance: Option<&Obj>, _owner: &Obj) -> Option<Res<Obj>> {
            let name = self.name.borrow().clone();
            Some(Ok(match instance {
                None => Obj::Native(Rc::new(Column(name))),
                Some(Obj::Instance(instance)) => instance.attrs.borrow().get_str(&name).cloned().unwrap_or(Obj::None),
                Some(_) => Obj::None,
            }))
        }
        fn descriptor_set(&self, _py: &mut Interpreter, _this: &Obj, instance: &Obj, value: Obj) -> Option<Res<()>> {
            let Obj::Instance(instance) = instance else { return None };
            let name = self.name.borrow().clone();
            instance.attrs.borrow_mut().insert_str(&name, value);
            Some(Ok(()))
        }
    }

    impl Native for Column {
        fn type_name(&self) -> &str {
            "Column"
        }
        fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
            Ok(format!("Column({:?})", self.0))
        }
        fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, _reflected: bool) -> Option<Res<Obj>> {
            let sql = match op {
                "==" => "=",
                "!=" => "!=",
                "<" | "<=" | ">" | ">=" => op,
                _ => return None,
            };
            Some(text_of(py, other).map(|right| Obj::Native(Rc::new(Clause(format!("{} {sql} {right}", self.0))))))
        }
        fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
            let column = self.0.clone();
            Ok(match name {
                "in_" => Some(NativeFunction::function("in_", move |py, args, _| {
                    let items = match args.first() {
                        Some(items) => py.iterate(items)?,
                        None => Vec::new(),
                    };
                    let mut texts = Vec::new();
                    for item in &items {
                        texts.push(py.repr_of(item)?);
                    }
                    Ok(Obj::Native(Rc::new(Clause(format!("{column} IN ({})", texts.join(", "))))))
                })),
                "name" => Some(Obj::str(&self.0)),
                _ => None,
            })
        }
    }

    impl Native for Clause {
        fn type_name(&self) -> &str {
            "Clause"
        }
        fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
            Ok(format!("<Clause {}>", self.0))
        }
        fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
            Ok(self.0.clone())
        }
        fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
            let word = match op {
                "&" => "AND",
                "|" => "OR",
                _ => return None,
            };
            Some(text_of(py, other).map(|other| {
                let (a, b) = if reflected { (other, self.0.clone()) } else { (self.0.clone(), other) };
                Obj::Native(Rc::new(Clause(format!("({a}) {word} ({b})"))))
            }))
        }
        fn unary(&self, _py: &mut Interpreter, _this: &Obj, op: &str) -> Option<Res<Obj>> {
            (op == "~").then(|| Ok(Obj::Native(Rc::new(Clause(format!("NOT ({})", self.0))))))
        }
        fn truthy(&self, py: &mut Interpreter, _this: &Obj) -> Res<bool> {
            py.error("TypeError", "Boolean value of this clause is not defined")
        }
    }

    impl Native for Registry {
        fn type_name(&self) -> &str {
            "Registry"
        }
        fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
            Ok(format!("<Registry of {}>", self.classes.borrow().len()))
        }
        fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
            Some(Ok(self.classes.borrow().clone()))
        }
        fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
            Some(Ok(self.classes.borrow().len()))
        }
        fn contains(&self, _py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
            let found = self.classes.borrow().iter().any(|c| crate::interp::object::identity(c) == crate::interp::object::identity(item));
            Some(Ok(found))
        }
    }

    impl Native for Session {
        fn type_name(&self) -> &str {
            "Session"
        }
        fn repr(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
            Ok("<Session>".into())
        }
        fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
            self.0.log.borrow_mut().push("begin".into());
            Some(Ok(this.clone()))
        }
        fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
            let what = match error {
                Some(error) => format!("rollback after {}", py.repr_of(error)?),
                None => "commit".into(),
            };
            self.0.log.borrow_mut().push(what);
            Ok(false)
        }
    }

    fn toy_module(registry: Rc<Registry>) -> ModuleBuilder {
        Rc::new(move |py: &mut Interpreter| {
            let seen = registry.clone();
            let init_subclass = NativeFunction::function("__init_subclass__", move |_py, args, _| {
                seen.classes.borrow_mut().extend(args.into_iter().take(1));
                Ok(Obj::None)
            });
            let base = py.new_class("Base", vec![("__init_subclass__".into(), init_subclass)]);
            let log = registry.clone();
            let describe = NativeFunction::method("describe", |py, args, _| {
                let this = args.first().cloned().unwrap_or(Obj::None);
                let class = py.get_attr(&this, "__class__")?;
                let name = py.get_attr(&class, "__name__")?;
                Ok(Obj::str(&format!("a {}", py.str_of(&name)?)))
            });
            if let Obj::Class(class) = &base {
                class.attrs.borrow_mut().insert_str("describe", describe);
            }
            let session_registry = registry.clone();
            Ok(vec![
                ("Base".to_string(), base),
                ("Field".to_string(), NativeFunction::function("Field", |_, _, _| Ok(Obj::Native(Rc::new(Field { name: RefCell::new(String::new()) }))))),
                ("registry".to_string(), Obj::Native(log)),
                ("Session".to_string(), NativeFunction::function("Session", move |_, _, _| Ok(Obj::Native(Rc::new(Session(session_registry.clone())))))),
            ])
        })
    }

    fn run(program: &str) -> (String, Rc<Registry>) {
        let registry = Rc::new(Registry::default());
        let files = crate::Files::from([("prog.py".to_string(), program.to_string())]);
        let mut py = Interpreter::new(files);
        py.register_module("toyorm", toy_module(registry.clone()));
        let outcome = py.run_main("prog.py");
        (outcome.output, registry)
    }

    #[test]
    fn python_code_drives_native_values_without_the_evaluator_knowing_them() {
        let (output, registry) = run(
            "from toyorm import Base, Field, registry, Session
class User(Base):
    name = Field()
    age = Field()
class Post(Base):
    title = Field()
print(len(registry), User in registry, [c.__name__ for c in registry])
print(User.name == 'ann', User.age >= 18, User.name.in_(['a', 'b']))
cond = (User.name == 'ann') & ~(User.age < 18) | (User.age == None)
print(cond)
print(repr(User.name), User.name.name)
u = User()
u.name = 'Ann'
print(u.name, u.age, u.describe())
try:
    if User.name == 'x':
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    User.name + 1
except TypeError as e:
    print('TypeError:', e)
with Session() as s:
    print('inside', s)
try:
    with Session():
        raise KeyError('k')
except KeyError:
    print('raised through')
",
        );
        assert_eq!(
            output,
            "2 True ['User', 'Post']
name = 'ann' age >= 18 name IN ('a', 'b')
((name = 'ann') AND (NOT (age < 18))) OR (age = None)
Column(\"name\") name
Ann None a User
TypeError: Boolean value of this clause is not defined
TypeError: unsupported operand type(s) for +: 'Column' and 'int'
inside <Session>
raised through
"
        );
        assert_eq!(*registry.log.borrow(), ["begin", "commit", "begin", "rollback after KeyError('k')"]);
    }

    #[test]
    fn a_user_base_class_gets_init_subclass_and_set_name_as_in_python() {
        let (output, _) = run(
            "class Named:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + '.' + name
class Plugin:
    found = []
    def __init_subclass__(cls):
        super().__init_subclass__()
        Plugin.found.append(cls.__name__)
class A(Plugin):
    tag = Named()
class B(A):
    pass
print(Plugin.found, A.tag.name)
",
        );
        assert_eq!(output, "['A', 'B'] A.tag\n");
    }
}
