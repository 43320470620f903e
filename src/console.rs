//! The Python console of the lab: the tutorial's lines (`db = Database("sqlite.db")`,
//! `db.create_tables()`, `db.create_user(User(name="John Doe"))`, `user = db.get_user(1)`,
//! `print(user)`, `db.update_user(user_id=user.id, name="John Smith")`, `db.delete_user(...)`,
//! `db.drop_tables()`, `db.session.rollback()`), with variables and attribute access, evaluated on
//! the lab's named databases. Like Python's REPL it echoes the repr of an expression's value.
//! Anything outside this subset is an error naming the construct, never a guess.

use std::collections::BTreeMap;

use crate::db::DatabaseState;
use crate::encoding::{get_bytes, get_len, get_str, get_u64, put_bytes, put_len, put_str, take};
use crate::error::{Error, ErrorKind, Result};
use crate::models::{read_models, seed_user, user_table, Models};
use crate::schema::MetaData;
use crate::python::{parse_module, Constant, Expr, ExprKind, Keyword, StmtKind};
use crate::value::Value;

/// A Python value in the console.
#[derive(Debug, Clone, PartialEq)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A `Database` object: its index in the console's list.
    Database(usize),
    /// An instance of a mapped class (`User(...)`), saved or not.
    Instance { class: String, fields: Vec<(String, Value)> },
    /// A class or builtin that can be called: `Database`, `User`, `print`.
    Callable(String),
}

impl PyValue {
    fn from_value(value: &Value) -> PyValue {
        match value {
            Value::Null => PyValue::None,
            Value::Integer(i) => PyValue::Int(*i),
            Value::Real(f) => PyValue::Float(*f),
            Value::Text(t) => PyValue::Str(t.clone()),
            Value::Blob(b) => PyValue::Str(String::from_utf8_lossy(b).into_owned()),
        }
    }

    fn to_value(&self) -> Result<Value> {
        Ok(match self {
            PyValue::None => Value::Null,
            PyValue::Bool(b) => Value::Integer(i64::from(*b)),
            PyValue::Int(i) => Value::Integer(*i),
            PyValue::Float(f) => Value::Real(*f),
            PyValue::Str(s) => Value::Text(s.clone()),
            other => {
                return Err(Error::new(
                    ErrorKind::TypeError,
                    format!("a {} cannot be stored in a column here", other.type_name()),
                ))
            }
        })
    }

    fn type_name(&self) -> String {
        match self {
            PyValue::None => "NoneType".into(),
            PyValue::Bool(_) => "bool".into(),
            PyValue::Int(_) => "int".into(),
            PyValue::Float(_) => "float".into(),
            PyValue::Str(_) => "str".into(),
            PyValue::Database(_) => "Database".into(),
            PyValue::Instance { class, .. } => class.clone(),
            PyValue::Callable(name) => name.clone(),
        }
    }
}

/// The console's variables and the `Database` objects it made.
#[derive(Default)]
pub struct Console {
    vars: BTreeMap<String, PyValue>,
    databases: Vec<(String, DatabaseState)>,
}

/// What the console needs from the lab for one line.
pub struct Context<'a> {
    pub databases: &'a crate::databases::Databases,
    pub models: &'a dyn Fn() -> Result<Models>,
    pub output: &'a mut Vec<String>,
}

fn not_supported(what: &str) -> Error {
    Error::new(ErrorKind::NotImplementedError, format!("{what} is not supported in the console here"))
}

/// The seed's model files, read as `src/db.py` imports them.
pub fn project_models(files: &BTreeMap<String, String>) -> Result<Models> {
    let mut sources: Vec<(&str, &str)> = files
        .iter()
        .filter(|(p, _)| p.starts_with("src/models/") && p.ends_with(".py"))
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    crate::sorting::sort_by_key(&mut sources, |(p, _)| (!p.ends_with("/base.py"), p.to_string()));
    read_models(&sources)
}

impl Console {
    pub fn has_variable(&self, name: &str) -> bool {
        self.vars.contains_key(name)
    }

    pub fn variable_names(&self) -> Vec<String> {
        self.vars.keys().cloned().collect()
    }

    /// Drops the variables `rebound` names: the Python session bound them since.
    pub fn forget(&mut self, rebound: impl Fn(&str) -> bool) {
        self.vars.retain(|name, _| !rebound(name));
    }

    /// Runs one line of Python.
    pub fn run(&mut self, line: &str, cx: &mut Context<'_>) -> Result<()> {
        let module = parse_module(line)?;
        for stmt in &module.body {
            match &stmt.kind {
                StmtKind::Assign { targets, value } => {
                    let value = self.eval(value, cx)?;
                    for target in targets {
                        match &target.kind {
                            ExprKind::Name(name) => {
                                self.vars.insert(name.clone(), value.clone());
                            }
                            _ => return Err(not_supported("assigning to anything but a name")),
                        }
                    }
                }
                StmtKind::Expr(expr) => {
                    let value = self.eval(expr, cx)?;
                    if value != PyValue::None {
                        let text = self.repr(&value, cx)?;
                        cx.output.push(text);
                    }
                }
                StmtKind::Import(_) | StmtKind::FromImport { .. } => {} // the names are already there
                StmtKind::Pass => {}
                StmtKind::For { .. } => return Err(not_supported("'for' loops")),
                StmtKind::If { .. } => return Err(not_supported("'if' statements")),
                StmtKind::With { .. } => return Err(not_supported("'with' blocks (run the lines inside one by one)")),
                StmtKind::FunctionDef { .. } => return Err(not_supported("'def'")),
                StmtKind::ClassDef { .. } => return Err(not_supported("'class' (edit the model files instead)")),
                _ => return Err(not_supported("this statement")),
            }
        }
        Ok(())
    }

    fn repr(&self, value: &PyValue, cx: &mut Context<'_>) -> Result<String> {
        Ok(match value {
            PyValue::Str(s) => Value::Text(s.clone()).python_repr(),
            PyValue::Instance { class, fields } => {
                let models = (cx.models)()?;
                match models.class(class) {
                    Some(mapped) => mapped.repr(fields),
                    None => format!("<{class} object>"),
                }
            }
            other => self.str(other, cx)?,
        })
    }

    fn str(&self, value: &PyValue, cx: &mut Context<'_>) -> Result<String> {
        Ok(match value {
            PyValue::None => "None".into(),
            PyValue::Bool(b) => if *b { "True" } else { "False" }.into(),
            PyValue::Int(i) => i.to_string(),
            PyValue::Float(f) => Value::Real(*f).python_str(),
            PyValue::Str(s) => s.clone(),
            PyValue::Database(_) => "<src.db.Database object>".into(),
            PyValue::Callable(name) => format!("<class '{name}'>"),
            PyValue::Instance { .. } => self.repr(value, cx)?,
        })
    }

    fn eval(&mut self, expr: &Expr, cx: &mut Context<'_>) -> Result<PyValue> {
        match &expr.kind {
            ExprKind::Constant(Constant::None) => Ok(PyValue::None),
            ExprKind::Constant(Constant::True) => Ok(PyValue::Bool(true)),
            ExprKind::Constant(Constant::False) => Ok(PyValue::Bool(false)),
            ExprKind::Constant(Constant::Str(s)) => Ok(PyValue::Str(s.clone())),
            ExprKind::Constant(Constant::Number(n)) => n
                .replace('_', "")
                .parse::<i64>()
                .map(PyValue::Int)
                .map_err(|_| not_supported(&format!("the number {n} (whole numbers only)"))),
            ExprKind::UnaryOp { op: "-", operand } => match self.eval(operand, cx)? {
                PyValue::Int(i) => Ok(PyValue::Int(-i)),
                other => Err(Error::new(ErrorKind::TypeError, format!("bad operand type for unary -: '{}'", other.type_name()))),
            },
            ExprKind::Name(name) => self.lookup(name, cx),
            ExprKind::Attribute { value, attr } => {
                let base = self.eval(value, cx)?;
                attribute(&base, attr)
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords, cx),
            ExprKind::FString(_) => Err(not_supported("f-strings")),
            ExprKind::BinOp { .. } => Err(not_supported("arithmetic")),
            ExprKind::Compare { .. } => Err(not_supported("comparisons")),
            ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::Dict(_) => Err(not_supported("lists, tuples and dicts")),
            ExprKind::Subscript { .. } => Err(not_supported("subscripts")),
            ExprKind::Lambda { .. } => Err(not_supported("lambda")),
            _ => Err(not_supported("this expression")),
        }
    }

    fn lookup(&self, name: &str, cx: &mut Context<'_>) -> Result<PyValue> {
        if let Some(value) = self.vars.get(name) {
            return Ok(value.clone());
        }
        if matches!(name, "Database" | "print") {
            return Ok(PyValue::Callable(name.to_string()));
        }
        if let Ok(models) = (cx.models)() {
            if models.class(name).is_some() {
                return Ok(PyValue::Callable(name.to_string()));
            }
        }
        Err(Error::new(ErrorKind::NameError, format!("name '{name}' is not defined")))
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], cx: &mut Context<'_>) -> Result<PyValue> {
        // Methods: db.method(...) and db.session.rollback()
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if let ExprKind::Attribute { value: inner, attr: session } = &value.kind {
                if session == "session" && attr == "rollback" {
                    let PyValue::Database(index) = self.eval(inner, cx)? else {
                        return Err(not_supported("this method"));
                    };
                    let (name, state) = self.databases.get_mut(index).ok_or_else(|| not_supported("this Database"))?;
                    let engine = cx.databases.open(name)?;
                    state.rollback(&mut *crate::databases::Databases::borrow(&engine)?);
                    return Ok(PyValue::None);
                }
            }
            let base = self.eval(value, cx)?;
            return match base {
                PyValue::Database(index) => self.method(index, attr, args, keywords, cx),
                other => {
                    Err(Error::new(ErrorKind::AttributeError, format!("'{}' object has no attribute '{attr}'", other.type_name())))
                }
            };
        }
        let callee = self.eval(func, cx)?;
        let PyValue::Callable(name) = callee else {
            return Err(Error::new(ErrorKind::TypeError, format!("'{}' object is not callable", callee.type_name())));
        };
        match name.as_str() {
            "print" => {
                let mut parts = Vec::new();
                for arg in args {
                    let value = self.eval(arg, cx)?;
                    parts.push(self.str(&value, cx)?);
                }
                cx.output.push(parts.join(" "));
                Ok(PyValue::None)
            }
            "Database" => {
                let path = match args.first().map(|a| self.eval(a, cx)).transpose()? {
                    Some(PyValue::Str(path)) => path,
                    Some(other) => return Err(Error::new(ErrorKind::TypeError, format!("db_path must be a str, not {}", other.type_name()))),
                    None => return Err(Error::new(ErrorKind::TypeError, "Database.__init__() missing 1 required positional argument: 'db_path'")),
                };
                let models = (cx.models)()?;
                let user = models
                    .class("User")
                    .cloned()
                    .ok_or_else(|| Error::new(ErrorKind::ImportError, "cannot import name 'User' from 'src.models.user'"))?;
                let state = DatabaseState::new(models.metadata.clone(), user)?;
                cx.databases.open(&path)?;
                self.databases.push((path, state));
                Ok(PyValue::Database(self.databases.len() - 1))
            }
            class => {
                if let Some(first) = args.first() {
                    let _ = first;
                    return Err(Error::new(
                        ErrorKind::TypeError,
                        format!("{class}.__init__() takes 1 positional argument but {} were given", args.len() + 1),
                    ));
                }
                let models = (cx.models)()?;
                let mapped = models.class(class).ok_or_else(|| Error::new(ErrorKind::NameError, format!("name '{class}' is not defined")))?;
                let mut fields: Vec<(String, Value)> = mapped.table.columns.iter().map(|c| (c.name.clone(), Value::Null)).collect();
                for keyword in keywords {
                    let Some(key) = &keyword.arg else { return Err(not_supported("**kwargs")) };
                    let slot = fields.iter_mut().find(|(n, _)| n == key).ok_or_else(|| {
                        Error::new(ErrorKind::TypeError, format!("'{key}' is an invalid keyword argument for {class}"))
                    })?;
                    slot.1 = self.eval(&keyword.value, cx)?.to_value()?;
                }
                Ok(PyValue::Instance { class: class.to_string(), fields })
            }
        }
    }

    /// A method of the seed's `Database`.
    fn method(&mut self, index: usize, method: &str, args: &[Expr], keywords: &[Keyword], cx: &mut Context<'_>) -> Result<PyValue> {
        let mut positional = Vec::new();
        for arg in args {
            positional.push(self.eval(arg, cx)?);
        }
        let mut named = Vec::new();
        for keyword in keywords {
            let Some(key) = &keyword.arg else { return Err(not_supported("**kwargs")) };
            named.push((key.clone(), self.eval(&keyword.value, cx)?));
        }
        let take_user_id = |positional: &mut Vec<PyValue>, named: &mut Vec<(String, PyValue)>| -> Result<i64> {
            let value = if !positional.is_empty() {
                positional.remove(0)
            } else if let Some(at) = named.iter().position(|(k, _)| k == "user_id") {
                named.remove(at).1
            } else {
                return Err(Error::new(ErrorKind::TypeError, format!("Database.{method}() missing 1 required positional argument: 'user_id'")));
            };
            match value {
                PyValue::Int(i) => Ok(i),
                PyValue::Str(s) => s.parse().map_err(|_| Error::new(ErrorKind::ValueError, format!("invalid literal for int() with base 10: '{s}'"))),
                other => Err(Error::new(ErrorKind::TypeError, format!("user_id must be an int, not {}", other.type_name()))),
            }
        };
        let (name, state) = self.databases.get_mut(index).ok_or_else(|| not_supported("this Database"))?;
        let shared = cx.databases.open(name)?;
        let mut borrowed = crate::databases::Databases::borrow(&shared)?;
        let engine = &mut *borrowed;
        let instance = |class: &str, fields: Vec<(String, Value)>| PyValue::Instance { class: class.to_string(), fields };
        let class = state.class().class_name.clone();
        match method {
            "create_tables" => state.create_tables(engine).map(|()| PyValue::None),
            "drop_tables" => state.drop_tables(engine).map(|()| PyValue::None),
            "create_user" => match positional.as_slice() {
                [PyValue::Instance { fields, .. }] => {
                    let given: Vec<(String, Value)> = fields.iter().filter(|(_, v)| *v != Value::Null).cloned().collect();
                    state.create_user(engine, given).map(|u| instance(&class, u.fields))
                }
                [PyValue::None] => Err(Error::new(ErrorKind::UnmappedInstanceError, "Class 'builtins.NoneType' is not mapped")),
                [other] => Err(Error::new(ErrorKind::UnmappedInstanceError, format!("Class 'builtins.{}' is not mapped", other.type_name()))),
                _ => Err(Error::new(ErrorKind::TypeError, "Database.create_user() takes 2 positional arguments")),
            },
            "get_user" => {
                let id = take_user_id(&mut positional, &mut named)?;
                Ok(state.get_user(engine, id)?.map_or(PyValue::None, |u| instance(&class, u.fields)))
            }
            "update_user" => {
                let id = take_user_id(&mut positional, &mut named)?;
                let fields = named.into_iter().map(|(k, v)| Ok((k, v.to_value()?))).collect::<Result<Vec<_>>>()?;
                Ok(state.update_user(engine, id, fields)?.map_or(PyValue::None, |u| instance(&class, u.fields)))
            }
            "delete_user" => {
                let id = take_user_id(&mut positional, &mut named)?;
                state.delete_user(engine, id).map(|()| PyValue::None)
            }
            other => Err(Error::new(ErrorKind::AttributeError, format!("'Database' object has no attribute '{other}'"))),
        }
    }
}

/// Byte encoding of the console's state for lab snapshots: variables and the databases opened
/// (each `Database` comes back with a fresh session, as after `db.session.close()`).
impl Console {
    pub fn save(&self, out: &mut Vec<u8>) {
        put_len(out, self.databases.len());
        for (name, _) in &self.databases {
            put_str(out, name);
        }
        put_len(out, self.vars.len());
        for (name, value) in &self.vars {
            put_str(out, name);
            put_py(out, value);
        }
    }

    pub fn load(bytes: &mut &[u8], models: &dyn Fn() -> Result<Models>) -> Option<Console> {
        let mut console = Console::default();
        for _ in 0..get_len(bytes)? {
            let name = get_str(bytes)?;
            // The models as the files now have them; the seed's when they cannot be read.
            let state = match models() {
                Ok(m) if m.class("User").is_some() => {
                    let user = m.class("User")?.clone();
                    DatabaseState::new(m.metadata.clone(), user).ok()?
                }
                _ => DatabaseState::new(MetaData::new(vec![user_table()]), seed_user()).ok()?,
            };
            console.databases.push((name, state));
        }
        for _ in 0..get_len(bytes)? {
            let name = get_str(bytes)?;
            let value = get_py(bytes)?;
            console.vars.insert(name, value);
        }
        Some(console)
    }
}

fn put_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.push(b'n'),
        Value::Integer(i) => {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::Real(f) => {
            out.push(b'r');
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Text(t) => {
            out.push(b't');
            put_str(out, t);
        }
        Value::Blob(b) => {
            out.push(b'b');
            put_bytes(out, b);
        }
    }
}

fn get_value(bytes: &mut &[u8]) -> Option<Value> {
    Some(match take(bytes, 1)?[0] {
        b'n' => Value::Null,
        b'i' => Value::Integer(get_u64(bytes)? as i64),
        b'r' => Value::Real(f64::from_bits(get_u64(bytes)?)),
        b't' => Value::Text(get_str(bytes)?),
        b'b' => Value::Blob(get_bytes(bytes)?.to_vec()),
        _ => return None,
    })
}

fn put_py(out: &mut Vec<u8>, value: &PyValue) {
    match value {
        PyValue::None => out.push(b'N'),
        PyValue::Bool(b) => out.extend_from_slice(&[b'B', u8::from(*b)]),
        PyValue::Int(i) => {
            out.push(b'I');
            out.extend_from_slice(&i.to_le_bytes());
        }
        PyValue::Float(f) => {
            out.push(b'F');
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        PyValue::Str(s) => {
            out.push(b'S');
            put_str(out, s);
        }
        PyValue::Database(i) => {
            out.push(b'D');
            put_len(out, *i);
        }
        PyValue::Instance { class, fields } => {
            out.push(b'K');
            put_str(out, class);
            put_len(out, fields.len());
            for (name, v) in fields {
                put_str(out, name);
                put_value(out, v);
            }
        }
        PyValue::Callable(name) => {
            out.push(b'C');
            put_str(out, name);
        }
    }
}

fn get_py(bytes: &mut &[u8]) -> Option<PyValue> {
    Some(match take(bytes, 1)?[0] {
        b'N' => PyValue::None,
        b'B' => PyValue::Bool(take(bytes, 1)?[0] != 0),
        b'I' => PyValue::Int(get_u64(bytes)? as i64),
        b'F' => PyValue::Float(f64::from_bits(get_u64(bytes)?)),
        b'S' => PyValue::Str(get_str(bytes)?),
        b'D' => PyValue::Database(get_len(bytes)?),
        b'K' => {
            let class = get_str(bytes)?;
            let mut fields = Vec::new();
            for _ in 0..get_len(bytes)? {
                fields.push((get_str(bytes)?, get_value(bytes)?));
            }
            PyValue::Instance { class, fields }
        }
        b'C' => PyValue::Callable(get_str(bytes)?),
        _ => return None,
    })
}

fn attribute(base: &PyValue, attr: &str) -> Result<PyValue> {
    match base {
        PyValue::Instance { class, fields } => fields
            .iter()
            .find(|(n, _)| n == attr)
            .map(|(_, v)| PyValue::from_value(v))
            .ok_or_else(|| Error::new(ErrorKind::AttributeError, format!("'{class}' object has no attribute '{attr}'"))),
        other => Err(Error::new(ErrorKind::AttributeError, format!("'{}' object has no attribute '{attr}'", other.type_name()))),
    }
}

