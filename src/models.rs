//! Mapped classes: a Python class (`User`) bound to a `Table`, with the `__repr__` the learner wrote.
//!
//! For now the seed's `User` model is declared here in Rust; later it is read from the learner's
//! `src/models/user.py`.

use crate::schema::{Column, SqlType, Table};
use crate::value::Value;

/// One piece of a `__repr__` f-string: literal text or a `{self.field}` replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReprPart {
    Text(String),
    Field(String),
}

/// A class mapped to a table, like `class User(Base)` with `__tablename__ = "users"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedClass {
    pub class_name: String,
    pub table: Table,
    /// The `__repr__` f-string; `None` falls back to Python's default `<module.Class object>` form.
    pub repr: Option<Vec<ReprPart>>,
}

impl MappedClass {
    /// What `print(obj)` shows: the learner's `__repr__`, with values formatted as `str()` would.
    pub fn repr(&self, fields: &[(String, Value)]) -> String {
        let Some(parts) = &self.repr else {
            return format!("<src.models.{} object>", self.class_name);
        };
        let mut out = String::new();
        for part in parts {
            match part {
                ReprPart::Text(text) => out.push_str(text),
                ReprPart::Field(name) => {
                    let value = fields.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                    out.push_str(&value.map_or_else(|| "None".to_string(), Value::python_str));
                }
            }
        }
        out
    }
}

/// The seed's `users` table: `id` Integer primary key, `name` String, `Mapped[str]` so NOT NULL.
pub fn user_table() -> Table {
    Table::new(
        "users",
        vec![
            Column::new("id", SqlType::Integer).primary_key(),
            Column::new("name", SqlType::String(None)).not_null(),
        ],
    )
}

/// The seed's `User` class with `__repr__` returning `f"<User(name={self.name})>"`.
pub fn seed_user() -> MappedClass {
    MappedClass {
        class_name: "User".into(),
        table: user_table(),
        repr: Some(vec![
            ReprPart::Text("<User(name=".into()),
            ReprPart::Field("name".into()),
            ReprPart::Text(")>".into()),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_seed_repr_prints_like_python() {
        let user = seed_user();
        let fields = vec![("id".to_string(), Value::Integer(1)), ("name".into(), Value::Text("John Doe".into()))];
        assert_eq!(user.repr(&fields), "<User(name=John Doe)>");
        let unnamed = vec![("id".to_string(), Value::Integer(1)), ("name".into(), Value::Null)];
        assert_eq!(user.repr(&unnamed), "<User(name=None)>");
    }

    #[test]
    fn a_class_without_repr_prints_pythons_default() {
        let mut user = seed_user();
        user.repr = None;
        assert_eq!(user.repr(&[]), "<src.models.User object>");
    }
}
