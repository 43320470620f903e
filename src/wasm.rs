//! The only file that knows about JavaScript: the `Lab` and `Database` classes of DESIGN §4.
//!
//! JS values are checked here, strictly, before they reach the core: a wrong type is a JS
//! `TypeError` with a message naming the argument and what it got. Core errors become a JS `Error`
//! whose `name` is the Python exception class (`AttributeError`, `IntegrityError` …) and whose
//! `message` is the message. No input can trap the module: every path returns a `Result`.
//!
//! No lock-out: a JS exception that unwinds through wasm skips Rust's clean-up, so a borrow it
//! crossed would stay taken for good. Every method therefore takes `&self` (a shared borrow left
//! behind blocks nothing), reads its JS arguments into Rust data before it borrows the state, and
//! turns its result into JS only after the borrow is released. Reading arguments goes through
//! calls that catch what a getter or a proxy throws, and a call made from inside another (a
//! getter calling back into the lab) is refused as busy instead of corrupting it.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::seed_database::SeedDatabase;
use crate::lab::{Lab, Sources};
use crate::error::Error;
use crate::value::{Value, MAX_SAFE_INTEGER};

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, whose getters and proxy traps may throw: caught, never unwound.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn object_entries(value: &JsValue) -> Result<Array, JsValue>;
    /// `Array.isArray`, which throws for a revoked proxy: caught.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `ArrayBuffer.isView`: reads an internal slot, never a trap.
    #[wasm_bindgen(catch, js_namespace = ArrayBuffer, js_name = isView)]
    fn array_buffer_is_view(value: &JsValue) -> Result<bool, JsValue>;
}

/// Borrows state for one call, or says the object is busy (a call made from inside another).
fn busy() -> JsValue {
    js_sys::Error::new("the lab is busy with another call (a callback into the same object?)").into()
}

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    install_browser_float_text();
}

/// Floats are printed with the browser's shortest digits (`Number#toString`), which match Rust's
/// and Python's, instead of linking Rust's float formatter (about 10 KB of gzipped wasm).
pub fn install_browser_float_text() {
    crate::value::set_shortest_float_text(|f| {
        js_sys::Number::from(f).to_string_with_radix(10).map_or_else(|_| "nan".into(), String::from)
    });
}

/// The seed's `Database(db_path)` for JavaScript: each method calls the method of the same name
/// of the project's own `src/db.py` through the lab's Python, on a database of its own.
#[wasm_bindgen(js_name = Database)]
pub struct JsDatabase {
    inner: RefCell<SeedDatabase>,
}

/// Rust-only helpers: converting values at the boundary.
impl JsDatabase {
    fn state(&self) -> Result<std::cell::RefMut<'_, SeedDatabase>, JsValue> {
        self.inner.try_borrow_mut().map_err(|_| busy())
    }

    /// A JS object of keyword arguments: strings, numbers, booleans and null, as Python values.
    fn kwargs(method: &str, fields: &JsValue) -> Result<Vec<(String, Value)>, JsValue> {
        if !fields.is_object() || array_is_array(fields)? {
            return Err(type_error(&format!(
                "{method} expects an object of fields like {{ name: \"John Doe\" }}, got {}",
                describe(fields)
            )));
        }
        let mut out = Vec::new();
        for entry in object_entries(fields)?.iter() {
            let pair = Array::from(&entry);
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = field_value(&key, &pair.get(1))?;
            out.push((key, value));
        }
        Ok(out)
    }
}

#[wasm_bindgen(js_class = Database)]
impl JsDatabase {
    /// `new Database("sqlite.db")`: the seed's `Database`, on a fresh in-memory database.
    #[wasm_bindgen(constructor)]
    pub fn new(name: JsValue) -> Result<JsDatabase, JsValue> {
        let name = if name.is_undefined() {
            "sqlite.db".to_string()
        } else {
            name.as_string().ok_or_else(|| {
                type_error(&format!("Database expects a file name like \"sqlite.db\", got {}", describe(&name)))
            })?
        };
        Ok(JsDatabase { inner: RefCell::new(SeedDatabase::open_seed(&name).map_err(to_js)?) })
    }

    /// The name it was opened with.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> Result<String, JsValue> {
        Ok(self.state()?.name().to_string())
    }

    #[wasm_bindgen(js_name = createTables)]
    pub fn create_tables(&self) -> Result<(), JsValue> {
        self.state()?.create_tables().map_err(to_js)
    }

    #[wasm_bindgen(js_name = dropTables)]
    pub fn drop_tables(&self) -> Result<(), JsValue> {
        self.state()?.drop_tables().map_err(to_js)
    }

    /// `createUser({ name })` → `{ id, name }`.
    #[wasm_bindgen(js_name = createUser)]
    pub fn create_user(&self, fields: JsValue) -> Result<JsValue, JsValue> {
        let kwargs = Self::kwargs("createUser", &fields)?;
        let user = self.state()?.create_user(kwargs).map_err(to_js)?;
        to_plain(&user)
    }

    /// `getUser(id)` → `{ id, name }` or `null`.
    #[wasm_bindgen(js_name = getUser)]
    pub fn get_user(&self, id: JsValue) -> Result<JsValue, JsValue> {
        let id = user_id("getUser", &id)?;
        let user = self.state()?.get_user(id).map_err(to_js)?;
        to_plain(&user)
    }

    /// `updateUser(id, { name })` → the updated user; an unknown field throws `AttributeError`.
    #[wasm_bindgen(js_name = updateUser)]
    pub fn update_user(&self, id: JsValue, fields: JsValue) -> Result<JsValue, JsValue> {
        let id = user_id("updateUser", &id)?;
        let kwargs = Self::kwargs("updateUser", &fields)?;
        let user = self.state()?.update_user(id, kwargs).map_err(to_js)?;
        to_plain(&user)
    }

    /// `deleteUser(id)`; a missing id throws `UnmappedInstanceError`, as the seed does.
    #[wasm_bindgen(js_name = deleteUser)]
    pub fn delete_user(&self, id: JsValue) -> Result<(), JsValue> {
        let id = user_id("deleteUser", &id)?;
        self.state()?.delete_user(id).map_err(to_js)
    }

    /// Every user, by id, read without touching the SQL log.
    pub fn users(&self) -> Result<JsValue, JsValue> {
        let users = self.state()?.users().map_err(to_js)?;
        to_plain(&users)
    }

    /// `print(user)`: the model's `__repr__` of a user object such as `getUser` returns.
    pub fn repr(&self, user: JsValue) -> Result<String, JsValue> {
        if !user.is_object() {
            return Err(type_error(&format!("repr expects a user object, got {}", describe(&user))));
        }
        let fields = Self::kwargs("repr", &user)?;
        self.state()?.repr(fields).map_err(to_js)
    }

    /// What the seed's methods printed since the last call: its `INFO:src.db:` log lines.
    #[wasm_bindgen(js_name = takeOutput)]
    pub fn take_output(&self) -> Result<String, JsValue> {
        Ok(self.state()?.take_output())
    }

    /// `[{ name, sql, columns, rows }]` in `sqlite_master` order.
    pub fn tables(&self) -> Result<JsValue, JsValue> {
        let tables = self.state()?.tables().map_err(to_js)?;
        to_plain(&tables)
    }

    /// `[{ sql, params }]` run since the last call; `params` is `null` for BEGIN / COMMIT / ROLLBACK.
    #[wasm_bindgen(js_name = takeSqlLog)]
    pub fn take_sql_log(&self) -> Result<JsValue, JsValue> {
        let log = self.state()?.take_sql_log();
        to_plain(&log)
    }

    /// Free SQL → `{ columns, rows }` of the last statement; SQLite's own message on failure.
    pub fn exec(&self, sql: JsValue) -> Result<JsValue, JsValue> {
        let sql = sql
            .as_string()
            .ok_or_else(|| type_error(&format!("exec expects SQL text, got {}", describe(&sql))))?;
        let result = self.state()?.exec(&sql).map_err(to_js)?;
        to_plain(&result)
    }
}

/// A core error as a JS `Error`: `name` is the Python class, `message` its message, and
/// `traceback` the last line Python would print (`sqlalchemy.exc.IntegrityError: (sqlite3…) …`).
fn to_js(err: Error) -> JsValue {
    let line = err.traceback_line();
    let (name, message) = if err.kind() == crate::error::ErrorKind::PythonException {
        // An exception of the learner's Python: its class (without the module) and its message.
        let class = err.class_name();
        let message = line.strip_prefix(class).and_then(|rest| rest.strip_prefix(": ")).unwrap_or(&line).to_string();
        (class.rsplit('.').next().unwrap_or(class).to_string(), message)
    } else {
        (err.kind().name().to_string(), err.message().to_string())
    };
    let js = js_sys::Error::new(&message);
    js.set_name(&name);
    let _ = Reflect::set(&js, &"traceback".into(), &line.into());
    js.into()
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// Plain JS data (objects, not `Map`s) from any serializable value.
fn to_plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|err| type_error(&err.to_string()))
}

/// How a bad argument is named in a message: `null`, `a string ("1")`, `1.5`, `an object` …
fn describe(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if value.is_undefined() {
        return "undefined".into();
    }
    if let Some(text) = value.as_string() {
        let shown: String = text.chars().take(40).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        return format!("a string (\"{shown}{more}\")");
    }
    if value.as_f64().is_some() {
        return String::from(js_sys::Number::from(value.clone()).to_string_with_radix(10).unwrap_or_else(|_| "a number".into()));
    }
    if array_is_array(value).unwrap_or(false) {
        return "an array".into();
    }
    value.js_typeof().as_string().map_or_else(|| "a value".into(), |t| format!("a value of type {t}"))
}

/// A whole number JS holds exactly, or `None`.
fn safe_integer(value: &JsValue) -> Option<i64> {
    let number = value.as_f64()?;
    let whole = number.is_finite() && number.trunc() == number && number.abs() <= MAX_SAFE_INTEGER as f64;
    whole.then_some(number as i64)
}

/// A user id: a whole number ≥ 0.
fn user_id(method: &str, value: &JsValue) -> Result<i64, JsValue> {
    match safe_integer(value) {
        Some(id) if id >= 0 => Ok(id),
        _ => Err(type_error(&format!("{method}: user_id must be a whole number ≥ 0, got {}", describe(value)))),
    }
}

/// One keyword argument's value, checked against its column's type: text columns take strings,
/// integer columns whole numbers; `null` is NULL (and may be refused by SQLite, as for real).
/// Unknown fields pass through so the core raises the tool's own error for them.
fn field_value(key: &str, value: &JsValue) -> Result<Value, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(text) = value.as_string() {
        Ok(Value::Text(text))
    } else if let Some(b) = value.as_bool() {
        Ok(Value::Integer(b.into()))
    } else if let Some(i) = safe_integer(value) {
        Ok(Value::Integer(i))
    } else if let Some(f) = value.as_f64() {
        Ok(Value::Real(f))
    } else {
        Err(type_error(&format!("{key} must be a string, a number, true, false or null, got {}", describe(value))))
    }
}

/// The learner's project for JavaScript: files, databases and the console (DESIGN §4).
#[wasm_bindgen(js_name = Lab)]
pub struct JsLab {
    inner: RefCell<Lab>,
}

impl JsLab {
    fn state(&self) -> Result<std::cell::RefMut<'_, Lab>, JsValue> {
        self.inner.try_borrow_mut().map_err(|_| busy())
    }
}

/// What `lab.run(line)` returns.
#[derive(Serialize)]
struct RunResult {
    ok: bool,
    output: String,
    error: Option<ErrorInfo>,
    /// The lab's own remarks, kept apart from what the real tool prints.
    notes: Vec<String>,
    /// The Python typed so far is incomplete: the page prompts `...` and sends it again with more.
    more: bool,
    /// `clear` was typed: the page empties the terminal.
    clear: bool,
    /// Where a Python error happened (innermost frame), for the page to mark the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<ErrorAt>,
}

#[derive(Serialize)]
struct ErrorAt {
    file: String,
    line: u32,
}

#[derive(Serialize)]
struct ErrorInfo {
    name: String,
    message: String,
    traceback: String,
}

fn text_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error(&format!("{what} must be a string, got {}", describe(value))))
}

/// Bytes from a typed array (or a DataView), or from an ArrayBuffer: both recognised by their
/// internal slots, so no getter or proxy trap runs.
fn bytes_arg(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if array_buffer_is_view(value)? {
        let view = js_sys::Uint8Array::new(value);
        return Ok(view.to_vec());
    }
    if let Some(buffer) = array_buffer_byte_length(value) {
        let _ = buffer;
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    Err(type_error(&format!("{what} must be a Uint8Array or an ArrayBuffer, got {}", describe(value))))
}

/// The byte length of an ArrayBuffer, read by calling its `byteLength` getter on the value: it
/// throws (caught) for anything that is not a real ArrayBuffer, a proxy included.
fn array_buffer_byte_length(value: &JsValue) -> Option<f64> {
    let prototype = Reflect::get(&js_sys::global(), &"ArrayBuffer".into()).ok().and_then(|c| Reflect::get(&c, &"prototype".into()).ok())?;
    let descriptor = Reflect::get_own_property_descriptor(&Object::from(prototype), &"byteLength".into()).ok()?;
    let getter = Reflect::get(&descriptor, &"get".into()).ok()?;
    let getter = getter.dyn_into::<js_sys::Function>().ok()?;
    Reflect::apply(&getter, value, &Array::new()).ok()?.as_f64()
}

/// The browser's local time as Alembic writes `Create Date`.
fn browser_now() -> String {
    let now = js_sys::Date::new_0();
    let pad = |n: f64, width: usize| format!("{:0width$}", n as u64);
    format!(
        "{}-{}-{} {}:{}:{}.{}",
        pad(now.get_full_year().into(), 4),
        pad((now.get_month() + 1).into(), 2),
        pad(now.get_date().into(), 2),
        pad(now.get_hours().into(), 2),
        pad(now.get_minutes().into(), 2),
        pad(now.get_seconds().into(), 2),
        pad(f64::from(now.get_milliseconds()) * 1000.0, 6)
    )
}

#[wasm_bindgen(js_class = Lab)]
impl JsLab {
    /// A fresh learner project: the seed's files, no database yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsLab {
        let seed = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
        JsLab { inner: RefCell::new(Lab::new(Sources { now: Box::new(browser_now), seed })) }
    }

    /// Runs one console line → `{ ok, output, error?, notes }`; never throws for a bad line.
    pub fn run(&self, line: JsValue) -> Result<JsValue, JsValue> {
        let line = text_arg(&line, "run(line)")?;
        let result = self.state()?.run(&line);
        let error = result.error.map(|e| ErrorInfo { name: e.class_name().to_string(), message: e.message().to_string(), traceback: e.traceback_line() });
        let at = result.error_at.map(|(file, line)| ErrorAt { file, line });
        to_plain(&RunResult { ok: error.is_none(), output: result.output.join("\n"), error, notes: result.notes, more: result.more, clear: result.clear, at })
    }

    /// Whether the console's Python session holds anything (an undo starts it afresh).
    #[wasm_bindgen(js_name = hasSession)]
    pub fn has_session(&self) -> Result<bool, JsValue> {
        Ok(self.state()?.has_session())
    }

    #[wasm_bindgen(js_name = writeFile)]
    pub fn write_file(&self, path: JsValue, text: JsValue) -> Result<(), JsValue> {
        let (path, text) = (text_arg(&path, "path")?, text_arg(&text, "text")?);
        self.state()?.write_file(&path, &text).map_err(to_js)
    }

    #[wasm_bindgen(js_name = removeFile)]
    pub fn remove_file(&self, path: JsValue) -> Result<(), JsValue> {
        let path = text_arg(&path, "path")?;
        self.state()?.remove_file(&path).map_err(to_js)
    }

    #[wasm_bindgen(js_name = readFile)]
    pub fn read_file(&self, path: JsValue) -> Result<String, JsValue> {
        let path = text_arg(&path, "path")?;
        self.state()?.read_file(&path).map(String::from).map_err(to_js)
    }

    /// `{ path: text }` for every file of the project.
    pub fn files(&self) -> Result<JsValue, JsValue> {
        let files = self.state()?.files().clone();
        to_plain(&files)
    }

    /// `[{ revision, downRevisions, message, branchLabels, isHead, isCurrent, path }]`, oldest first.
    pub fn revisions(&self) -> Result<JsValue, JsValue> {
        let list = crate::migrate::command::revision_list(&mut *self.state()?).map_err(to_js)?;
        to_plain(&list)
    }

    /// The revision ids in `alembic_version`.
    pub fn current(&self) -> Result<JsValue, JsValue> {
        let heads = match self.state()?.opened_database() {
            Some(engine) => crate::migrate::runner::recorded_heads(&engine.borrow()).map_err(to_js)?,
            None => Vec::new(),
        };
        to_plain(&heads)
    }

    /// Every table of the lab's database, as `Database.tables()`.
    pub fn tables(&self) -> Result<JsValue, JsValue> {
        let tables = match self.state()?.opened_database() {
            Some(engine) => engine.borrow_mut().tables().map_err(to_js)?,
            None => Vec::new(),
        };
        to_plain(&tables)
    }

    /// `tables()` with at most `limit` rows of each table, from `offsets[name]` (default 0), and
    /// `rowCount` for the whole table: what the page draws, one page at a time.
    /// The lab's own database's file name (`sqlite.db`, or alembic.ini's `sqlalchemy.url`).
    #[wasm_bindgen(js_name = databaseName)]
    pub fn database_name(&self) -> Result<String, JsValue> {
        Ok(self.state()?.database_name())
    }

    /// The databases opened by file name, the lab's own first: what the Tables view can show.
    #[wasm_bindgen(js_name = databaseNames)]
    pub fn database_names(&self) -> Result<JsValue, JsValue> {
        to_plain(&self.state()?.database_names())
    }

    /// `tables_window` of another open database, named (`blog.db`); the lab's own without it.
    #[wasm_bindgen(js_name = tablesWindow)]
    pub fn tables_window(&self, offsets: JsValue, limit: JsValue, database: JsValue) -> Result<JsValue, JsValue> {
        let database = database.as_string();
        let limit = safe_integer(&limit)
            .filter(|n| *n > 0)
            .ok_or_else(|| type_error(&format!("limit must be a whole number > 0, got {}", describe(&limit))))?;
        // The offsets are read from JS before the lab is borrowed.
        let mut wanted: Vec<(String, usize)> = Vec::new();
        if offsets.is_object() {
            for entry in object_entries(&offsets)?.iter() {
                let pair = Array::from(&entry);
                if let (Some(name), Some(n)) = (pair.get(0).as_string(), safe_integer(&pair.get(1)).filter(|n| *n >= 0)) {
                    wanted.push((name, n as usize));
                }
            }
        }
        let offset_of = |name: &str| wanted.iter().find(|(n, _)| n == name).map_or(0, |(_, o)| *o);
        let tables = match self.state()?.viewed_database(database.as_deref()) {
            Some(engine) => engine.borrow_mut().tables_window(offset_of, limit as usize).map_err(to_js)?,
            None => Vec::new(),
        };
        to_plain(&tables)
    }

    #[wasm_bindgen(js_name = takeSqlLog)]
    pub fn take_sql_log(&self) -> Result<JsValue, JsValue> {
        let mut log = Vec::new();
        {
            let mut lab = self.state()?;
            for name in lab.engine_names() {
                log.extend(lab.engine(&name).map_err(to_js)?.borrow_mut().take_log());
            }
        }
        to_plain(&log)
    }

    pub fn exec(&self, sql: JsValue) -> Result<JsValue, JsValue> {
        let sql = text_arg(&sql, "exec(sql)")?;
        let result = self.state()?.exec(&sql).map_err(to_js)?;
        to_plain(&result)
    }

    /// How long one SQL statement may run before the lab stops it, in milliseconds (0.5 s unless
    /// set): free SQL, revisions, triggers, the console's Python alike.
    #[wasm_bindgen(js_name = setStatementBudget)]
    pub fn set_statement_budget(&self, milliseconds: JsValue) -> Result<(), JsValue> {
        let budget = milliseconds
            .as_f64()
            .filter(|ms| ms.is_finite() && *ms > 0.0)
            .ok_or_else(|| type_error(&format!("the budget must be a number of milliseconds > 0, got {}", describe(&milliseconds))))?;
        self.state()?.set_statement_budget_ms(budget);
        Ok(())
    }

    /// How long one Python run (a program, a console entry) may take before the lab stops it, in
    /// milliseconds (0.8 s unless set): the benchmark's long programs raise it.
    #[wasm_bindgen(js_name = setPythonBudget)]
    pub fn set_python_budget(&self, milliseconds: JsValue) -> Result<(), JsValue> {
        let budget = milliseconds
            .as_f64()
            .filter(|ms| ms.is_finite() && *ms > 0.0)
            .ok_or_else(|| type_error(&format!("the budget must be a number of milliseconds > 0, got {}", describe(&milliseconds))))?;
        self.state()?.set_python_budget_ms(budget);
        Ok(())
    }

    /// One value of a table of the lab's database, whole, as bytes (text as UTF-8): what the
    /// page downloads for a value it was handed cut. `row` counts from 0 in drawing order.
    #[wasm_bindgen(js_name = cellBytes)]
    pub fn cell_bytes(&self, table: JsValue, column: JsValue, row: JsValue, database: JsValue) -> Result<js_sys::Uint8Array, JsValue> {
        let (table, column) = (text_arg(&table, "table")?, text_arg(&column, "column")?);
        let row = safe_integer(&row)
            .filter(|n| *n >= 0)
            .ok_or_else(|| type_error(&format!("row must be a whole number ≥ 0, got {}", describe(&row))))?;
        let database = database.as_string();
        let value = {
            let mut lab = self.state()?;
            let engine = match lab.viewed_database(database.as_deref()) {
                Some(engine) => engine,
                None => {
                    let name = lab.database_name();
                    lab.engine(&name).map_err(to_js)?
                }
            };
            let cell = engine.borrow_mut().cell(&table, &column, row as usize).map_err(to_js)?;
            cell
        };
        let bytes = match value {
            Value::Blob(bytes) => bytes,
            Value::Text(text) => text.into_bytes(),
            other => other.python_str().into_bytes(),
        };
        Ok(js_sys::Uint8Array::from(bytes.as_slice()))
    }

    /// The whole lab as bytes (for undo and persistence).
    pub fn snapshot(&self) -> Result<js_sys::Uint8Array, JsValue> {
        let bytes = self.state()?.snapshot().map_err(to_js)?;
        Ok(js_sys::Uint8Array::from(bytes.as_slice()))
    }

    pub fn restore(&self, bytes: JsValue) -> Result<(), JsValue> {
        let bytes = bytes_arg(&bytes, "restore(bytes)")?;
        self.state()?.restore(&bytes).map_err(to_js)
    }

    /// The lab's database as a SQLite file (opens in the sqlite3 CLI).
    #[wasm_bindgen(js_name = exportDb)]
    pub fn export_db(&self) -> Result<js_sys::Uint8Array, JsValue> {
        let bytes = self.state()?.export_db().map_err(to_js)?;
        Ok(js_sys::Uint8Array::from(bytes.as_slice()))
    }

    #[wasm_bindgen(js_name = importDb)]
    pub fn import_db(&self, bytes: JsValue) -> Result<(), JsValue> {
        let bytes = bytes_arg(&bytes, "importDb(bytes)")?;
        self.state()?.import_db(&bytes).map_err(to_js)
    }
}

impl Default for JsLab {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "bench")]
mod bench {
    //! The CRUD workload `make bench` times inside wasm (built only with `--features bench`).
    use super::*;

    /// Milliseconds for inserting, getting, updating and deleting `n` users through the
    /// `Database` class, all inside wasm: `{ insert, get, update, delete }`.
    #[wasm_bindgen(js_name = benchCrudInWasm)]
    pub fn bench_crud_in_wasm(n: u32) -> Result<JsValue, JsValue> {
        let performance = web_sys::window()
            .and_then(|w| w.performance())
            .ok_or_else(|| type_error("no performance clock"))?;
        let mut db = SeedDatabase::open_seed("bench.db").map_err(to_js)?;
        db.create_tables().map_err(to_js)?;
        let result = Object::new();
        let mut phase = |label: &str, body: &mut dyn FnMut(&mut SeedDatabase, i64) -> crate::Result<()>| {
            let start = performance.now();
            for id in 1..=i64::from(n) {
                body(&mut db, id)?;
                if id % 1000 == 0 {
                    db.take_sql_log();
                    db.take_output();
                }
            }
            let _ = Reflect::set(&result, &label.into(), &(performance.now() - start).into());
            Ok::<(), Error>(())
        };
        phase("insert", &mut |db, id| db.create_user(vec![("name".into(), Value::Text(format!("User {id}")))]).map(|_| ()))
            .map_err(to_js)?;
        phase("get", &mut |db, id| db.get_user(id).map(|_| ())).map_err(to_js)?;
        phase("update", &mut |db, id| {
            db.update_user(id, vec![("name".into(), Value::Text(format!("Renamed {id}")))]).map(|_| ())
        })
        .map_err(to_js)?;
        phase("delete", &mut |db, id| db.delete_user(id)).map_err(to_js)?;
        Ok(result.into())
    }
}
