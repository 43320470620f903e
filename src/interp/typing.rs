//! `typing`: the special forms a model or a signature names (`Optional[int]`, `List[str]`,
//! `Dict[str, int]`), as native values that subscript into new forms and print as Python prints
//! them (`typing.Optional[str]`). The lab checks no types; they are kept and shown.

use std::rc::Rc;

use super::eval::{Interpreter, Res};
use super::native::{ModuleBuilder, Native};
use super::object::Obj;

/// The names `typing` offers.
const NAMES: &[&str] =
    &["Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Sequence", "Mapping", "Iterable", "Iterator", "Callable", "Type", "Any", "ClassVar", "Final"];

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

    fn get_item(&self, _py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let args = match index {
            Obj::Tuple(items) => items.to_vec(),
            one => vec![one.clone()],
        };
        Some(Ok(Obj::Native(Rc::new(Form { name: self.name, args }))))
    }

    fn call(&self, py: &mut Interpreter, _this: &Obj, _args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Option<Res<Obj>> {
        Some(py.error("TypeError", format!("Type {} cannot be instantiated; use {}() instead", self.name, self.name.to_lowercase())))
    }
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
