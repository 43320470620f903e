//! `typing`: the special forms a model or a signature names (`Optional[int]`, `List[str]`,
//! `Dict[str, int]`), as native values that subscript into new forms and print as Python prints
//! them (`typing.Optional[str]`). The lab checks no types; they are kept and shown.

use std::rc::Rc;

use super::eval::{Interpreter, Res};
use super::native::{ModuleBuilder, Native};
use super::object::Obj;

/// The names `typing` offers.
const NAMES: &[&str] = &[
    "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Sequence", "Mapping", "Iterable", "Iterator", "Callable", "Type", "Any",
    "ClassVar", "Final", "Annotated",
];

/// `typing.List`, or `typing.List[str]` once subscripted.
struct Form {
    name: &'static str,
    args: Vec<Obj>,
}

impl Native for Form {
    fn type_name(&self) -> &str {
        "_SpecialForm"
    }

    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        if self.args.is_empty() {
            return Ok(format!("typing.{}", self.name));
        }
        let mut parts = Vec::with_capacity(self.args.len());
        for arg in &self.args {
            parts.push(type_repr(py, arg)?);
        }
        Ok(format!("typing.{}[{}]", self.name, parts.join(", ")))
    }

    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let args = match index {
            Obj::Tuple(items) => items.to_vec(),
            one => vec![one.clone()],
        };
        if self.name == "Annotated" && args.len() < 2 {
            return Some(py.error("TypeError", "Annotated[...] should be used with at least two arguments (a type and an annotation)."));
        }
        Some(Ok(Obj::Native(Rc::new(Form { name: self.name, args }))))
    }

    fn call(&self, py: &mut Interpreter, _this: &Obj, _args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        Some(py.error("TypeError", format!("Type {} cannot be instantiated; use {}() instead", self.name, self.name.to_lowercase())))
    }

    /// `__args__`: what it was subscripted with (`Optional[X]` is `Union[X, None]`: `(X, NoneType)`).
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        // `Annotated[int, x]`: the type is `__origin__`, what annotates it `__metadata__`.
        if self.name == "Annotated" && !self.args.is_empty() {
            return Ok(match name {
                "__origin__" => Some(self.args[0].clone()),
                "__metadata__" => Some(Obj::tuple(self.args[1..].to_vec())),
                "__args__" => Some(Obj::tuple(vec![self.args[0].clone()])),
                _ => None,
            });
        }
        if name != "__args__" || self.args.is_empty() {
            return Ok(None);
        }
        let mut args = self.args.clone();
        if self.name == "Optional" {
            args.push(py.call(Obj::Builtin("type"), vec![Obj::None], Vec::new())?);
        }
        Ok(Some(Obj::tuple(args)))
    }

    fn binary(&self, _py: &mut Interpreter, this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        union_operator(this, op, other, reflected)
    }
}

/// `list[int]`, `dict[str, "User"]`: a built-in collection type subscripted (`types.GenericAlias`),
/// printed as Python prints it and read by the ORM (`Mapped[list["Address"]]`).
pub struct GenericAlias {
    pub origin: &'static str,
    pub args: Vec<Obj>,
}

impl GenericAlias {
    pub fn of(origin: &'static str, index: &Obj) -> Obj {
        let args = match index {
            Obj::Tuple(items) => items.to_vec(),
            one => vec![one.clone()],
        };
        Obj::Native(Rc::new(GenericAlias { origin, args }))
    }
}

impl Native for GenericAlias {
    fn type_name(&self) -> &str {
        "types.GenericAlias"
    }

    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let mut parts = Vec::with_capacity(self.args.len());
        for arg in &self.args {
            parts.push(match arg {
                Obj::Str(text) => crate::value::python_str_repr(text),
                other => type_repr(py, other)?,
            });
        }
        Ok(format!("{}[{}]", self.origin, parts.join(", ")))
    }

    /// `list[int]()` makes a list, as the origin would.
    fn call(&self, py: &mut Interpreter, _this: &Obj, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        Some(py.call(Obj::Builtin(self.origin), args, kwargs))
    }

    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "__args__" => Some(Obj::tuple(self.args.clone())),
            "__origin__" => Some(Obj::Builtin(self.origin)),
            _ => None,
        })
    }

    fn binary(&self, _py: &mut Interpreter, this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        union_operator(this, op, other, reflected)
    }
}

/// `int | None`: what `X | Y` of types gives (`types.UnionType`), printed `int | None`.
struct UnionType(Vec<Obj>);

impl Native for UnionType {
    fn type_name(&self) -> &str {
        "UnionType"
    }

    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let mut parts = Vec::with_capacity(self.0.len());
        for arg in &self.0 {
            parts.push(type_repr(py, arg)?);
        }
        Ok(parts.join(" | "))
    }

    fn binary(&self, _py: &mut Interpreter, this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        union_operator(this, op, other, reflected)
    }

    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok((name == "__args__").then(|| Obj::tuple(self.0.clone())))
    }
}

fn union_operator(this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
    if op != "|" || !is_type(other) {
        return None;
    }
    Some(Ok(if reflected { union(other.clone(), this.clone()) } else { union(this.clone(), other.clone()) }))
}

/// Whether a value can stand in a type union: a class, a built-in type, `None`, a typing form.
pub fn is_type(value: &Obj) -> bool {
    match value {
        Obj::None | Obj::Class(_) => true,
        Obj::Builtin(name) => matches!(*name, "int" | "str" | "float" | "bool" | "bytes" | "list" | "dict" | "set" | "tuple" | "object" | "type" | "frozenset" | "complex"),
        Obj::Native(native) => matches!(native.type_name(), "_SpecialForm" | "UnionType" | "types.GenericAlias"),
        _ => false,
    }
}

/// `a | b` of types, flattened and without repeats.
pub fn union(a: Obj, b: Obj) -> Obj {
    let mut args = Vec::new();
    for side in [a, b] {
        match side.native::<UnionType>() {
            Some(u) => args.extend(u.0.iter().cloned()),
            None => args.push(side),
        }
    }
    let mut unique: Vec<Obj> = Vec::new();
    for arg in args {
        let same = |u: &Obj| match (u, &arg) {
            (Obj::None, Obj::None) => true,
            (Obj::Builtin(x), Obj::Builtin(y)) => x == y,
            (Obj::Class(_) | Obj::Native(_), Obj::Class(_) | Obj::Native(_)) => super::object::identity(u) == super::object::identity(&arg),
            _ => false,
        };
        if !unique.iter().any(same) {
            unique.push(arg);
        }
    }
    Obj::Native(Rc::new(UnionType(unique)))
}

/// How `typing` writes a type inside a form: a built-in class by name, another with its module.
fn type_repr(py: &mut Interpreter, value: &Obj) -> Res<String> {
    match value {
        Obj::None => Ok("None".into()),
        Obj::Builtin("Ellipsis") => Ok("...".into()),
        Obj::Builtin(name) => Ok((*name).to_string()),
        Obj::Str(text) => Ok(format!("ForwardRef({})", crate::value::python_str_repr(text))),
        Obj::Class(_) => {
            let text = py.repr_of(value)?;
            let inner = text.trim_start_matches("<class '").trim_end_matches("'>");
            Ok(inner.strip_prefix("builtins.").unwrap_or(inner).to_string())
        }
        Obj::List(items) => {
            let items = items.borrow().clone();
            let mut parts = Vec::with_capacity(items.len());
            for item in &items {
                parts.push(type_repr(py, item)?);
            }
            Ok(format!("[{}]", parts.join(", ")))
        }
        other => py.repr_of(other),
    }
}

pub fn module() -> ModuleBuilder {
    Rc::new(|_py: &mut Interpreter| {
        let mut members: Vec<(String, Obj)> =
            NAMES.iter().map(|name| (name.to_string(), Obj::Native(Rc::new(Form { name, args: Vec::new() })))).collect();
        members.push(("TYPE_CHECKING".into(), Obj::Bool(false)));
        Ok(members)
    })
}

/// `Annotated[T, x, …]`: its type and what annotates it; `None` for any other value.
pub fn annotated_parts(value: &Obj) -> Option<(Obj, Vec<Obj>)> {
    let form = value.native::<Form>()?;
    (form.name == "Annotated" && form.args.len() >= 2).then(|| (form.args[0].clone(), form.args[1..].to_vec()))
}
