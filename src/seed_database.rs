//! The seed's `Database` class, called from the host: the page's JS `Database` (DESIGN §4) and
//! the CRUD benchmark create, read, update and delete users by calling the methods of the
//! learner's own `src/db.py` through the interpreter, so an edit to that file changes what they
//! do, exactly as it changes `python main.py`.

use crate::sorted_map::Files;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::databases::{Databases, SharedEngine};
use crate::engine::{LoggedStatement, QueryResult, TableData};
use crate::error::{Error, ErrorKind, Result};
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::value::Value;

/// A user as the page sees it: the mapped columns and their values.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub fields: Vec<(String, Value)>,
}

impl Record {
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.iter().find(|(k, _)| k == field).map(|(_, v)| v)
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (name, value) in &self.fields {
            map.serialize_entry(name, &crate::value::Whole(value))?;
        }
        map.end()
    }
}

/// An instance of the seed's `Database`, with the interpreter that runs it.
pub struct SeedDatabase {
    py: Interpreter,
    db: Obj,
    user: Obj,
    name: String,
    engine: SharedEngine,
    /// What the methods printed (the seed's `INFO:src.db:` log lines), until taken.
    output: String,
}

fn value_obj(value: &Value) -> Obj {
    crate::sqlalchemy::convert::from_value(value, None)
}

impl SeedDatabase {
    /// `Database(name)` from the project's `src/db.py`, on the given databases.
    pub fn open(files: Files, databases: Databases, name: &str) -> Result<SeedDatabase> {
        let mut py = Interpreter::new(files);
        crate::sqlalchemy::install(&mut py, databases.clone());
        let engine = databases.open(name)?;
        let mut output = String::new();
        let arg = Obj::str(name);
        let (db, outcome) = py.run_host(|py| {
            let module = py.import("src.db")?;
            let class = py.get_attr(&module, "Database")?;
            py.call(class, vec![arg], Vec::new())
        });
        output.push_str(&outcome.output);
        let db = settle(db, outcome)?;
        let (user, outcome) = py.run_host(|py| {
            let module = py.import("src.models.user")?;
            py.get_attr(&module, "User")
        });
        output.push_str(&outcome.output);
        let user = settle(user, outcome)?;
        Ok(SeedDatabase { py, db, user, name: name.to_string(), engine, output })
    }

    /// The seed's project as it starts, on a database of its own.
    pub fn open_seed(name: &str) -> Result<SeedDatabase> {
        let files = crate::lab::project_files(crate::lab::SEED_FILES);
        SeedDatabase::open(files, Databases::new(crate::watchdog::DEFAULT_BUDGET_MS), name)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs `body` as one call into the learner's Python; its output is kept for `take_output`.
    fn run(&mut self, body: impl FnOnce(&mut Interpreter, &Obj, &Obj) -> Res<Obj>) -> Result<Obj> {
        let (db, user) = (self.db.clone(), self.user.clone());
        let (value, outcome) = self.py.run_host(|py| body(py, &db, &user));
        self.output.push_str(&outcome.output);
        settle(value, outcome)
    }

    fn method(&mut self, name: &str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Result<Obj> {
        let name = name.to_string();
        self.run(move |py, db, _| {
            let method = py.get_attr(db, &name)?;
            py.call(method, args, kwargs)
        })
    }

    pub fn create_tables(&mut self) -> Result<()> {
        self.method("create_tables", Vec::new(), Vec::new()).map(|_| ())
    }

    pub fn drop_tables(&mut self) -> Result<()> {
        self.method("drop_tables", Vec::new(), Vec::new()).map(|_| ())
    }

    /// `db.create_user(User(**fields))`; the user as it is afterwards (its new id).
    pub fn create_user(&mut self, fields: Vec<(String, Value)>) -> Result<Record> {
        let kwargs: Vec<(String, Obj)> = fields.iter().map(|(k, v)| (k.clone(), value_obj(v))).collect();
        let user = self.run(move |py, db, user_class| {
            let user = py.call(user_class.clone(), Vec::new(), kwargs)?;
            let method = py.get_attr(db, "create_user")?;
            py.call(method, vec![user.clone()], Vec::new())?;
            Ok(user)
        })?;
        self.record(&user)?.ok_or_else(|| Error::new(ErrorKind::TypeError, "create_user made no user"))
    }

    /// `db.get_user(id)`.
    pub fn get_user(&mut self, id: i64) -> Result<Option<Record>> {
        let user = self.method("get_user", vec![Obj::Int(id)], Vec::new())?;
        self.record(&user)
    }

    /// `db.update_user(user_id=id, **fields)`.
    pub fn update_user(&mut self, id: i64, fields: Vec<(String, Value)>) -> Result<Option<Record>> {
        let mut kwargs = vec![("user_id".to_string(), Obj::Int(id))];
        kwargs.extend(fields.iter().map(|(k, v)| (k.clone(), value_obj(v))));
        let user = self.method("update_user", Vec::new(), kwargs)?;
        self.record(&user)
    }

    /// `db.delete_user(user_id=id)`.
    pub fn delete_user(&mut self, id: i64) -> Result<()> {
        self.method("delete_user", Vec::new(), vec![("user_id".to_string(), Obj::Int(id))]).map(|_| ())
    }

    /// `repr(User(**fields))`: the model's own `__repr__`.
    pub fn repr(&mut self, fields: Vec<(String, Value)>) -> Result<String> {
        let kwargs: Vec<(String, Obj)> = fields.iter().map(|(k, v)| (k.clone(), value_obj(v))).collect();
        let text = self.run(move |py, _, user_class| {
            let user = py.call(user_class.clone(), Vec::new(), kwargs)?;
            let text = py.repr_of(&user)?;
            Ok(Obj::str(&text))
        })?;
        match text {
            Obj::Str(s) => Ok(s.to_string()),
            _ => Ok(String::new()),
        }
    }

    /// The mapped columns of a user object the seed returned (reading them may load them), as
    /// values bound to the database (a date as its ISO text).
    fn record(&mut self, user: &Obj) -> Result<Option<Record>> {
        if matches!(user, Obj::None) {
            return Ok(None);
        }
        let user = user.clone();
        let fields = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let found = fields.clone();
        self.run(move |py, _, _| {
            let Some(mapper) = crate::sqlalchemy::orm::mapper::mapper_of(py, &user)? else {
                let shown = py.repr_of(&user)?;
                return py.error("TypeError", format!("expected a User, got {shown}"));
            };
            for column in &mapper.columns {
                let value = py.get_attr(&user, &column.attr)?;
                let value = crate::sqlalchemy::convert::to_value(py, &value)?;
                found.borrow_mut().push((column.attr.clone(), value));
            }
            Ok(Obj::None)
        })?;
        let fields = fields.take();
        Ok(Some(Record { fields }))
    }

    /// Every row of `users`, by id, read without touching the SQL log.
    pub fn users(&self) -> Result<Vec<Record>> {
        let engine = Databases::borrow(&self.engine)?;
        if !engine.has_table("users")? {
            return Ok(Vec::new());
        }
        let result = engine.inspect("SELECT * FROM users ORDER BY id")?;
        Ok(result.rows.into_iter().map(|row| Record { fields: result.columns.iter().cloned().zip(row).collect() }).collect())
    }

    pub fn tables(&self) -> Result<Vec<TableData>> {
        Databases::borrow(&self.engine)?.tables()
    }

    pub fn take_sql_log(&self) -> Vec<LoggedStatement> {
        Databases::borrow(&self.engine).map(|mut e| e.take_log()).unwrap_or_default()
    }

    pub fn exec(&self, sql: &str) -> Result<QueryResult> {
        Databases::borrow(&self.engine)?.exec(sql)
    }

    /// What the seed's methods printed since the last call (its log lines).
    pub fn take_output(&mut self) -> String {
        std::mem::take(&mut self.output)
    }
}

/// A run's value, or its Python error as the lab's error (class and traceback).
fn settle(value: Option<Obj>, outcome: crate::interp::RunOutcome) -> Result<Obj> {
    match (value, outcome.error) {
        (_, Some((class, traceback))) => Err(Error::python(&class, traceback.trim_end())),
        (Some(value), None) => Ok(value),
        (None, None) => Ok(Obj::None),
    }
}
