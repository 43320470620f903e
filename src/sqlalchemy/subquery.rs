//! `Select.subquery()` and `Select.cte()`: a SELECT used as a table, `(SELECT …) AS counts` in a
//! FROM clause or `WITH big AS (SELECT …)` before the statement. Its columns (`counts.c.n`) name a
//! placeholder table that the compiler resolves when it meets it, as for `aliased()`: an explicit
//! name, else `anon_1`, `anon_2` in the order the statement shows them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use super::convert::{function, native};
use super::expression::{expr, Compiler, Sql};
use super::statement::SelectState;

/// A SELECT used as a table.
pub struct FromSelect {
    pub state: SelectState,
    pub cte: bool,
    /// Its columns' keys (`user_id`, `n`), in order, with their types.
    pub keys: Vec<(String, Option<crate::schema::SqlType>)>,
    /// How many subqueries deep it is (one that uses none is 1).
    pub nest: usize,
}

/// How deep subqueries may nest in FROM clauses; deeper is Python's RecursionError, as
/// SQLAlchemy's compiler gives, before compiling it could exhaust the stack.
const NEST_LIMIT: usize = 50;

/// How many subqueries the page keeps for its statements to name (each stays findable: a
/// statement holds only its placeholder). Past this the lab says so rather than lose one.
const KEPT: usize = 10_000;

thread_local! {
    /// Placeholder table → the SELECT it stands for.
    static FROM_SELECTS: RefCell<Vec<(Rc<str>, Rc<FromSelect>)>> = const { RefCell::new(Vec::new()) };
}

static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The SELECT a placeholder table stands for, if it is a subquery or a CTE.
pub fn from_select(table: &str) -> Option<Rc<FromSelect>> {
    FROM_SELECTS.with(|all| all.borrow().iter().rev().find(|(t, _)| &**t == table).map(|(_, f)| f.clone()))
}

/// The keys of a SELECT's columns, labelled as inside a subquery.
fn column_keys(state: &SelectState) -> Vec<(String, Option<crate::schema::SqlType>)> {
    let mut c = Compiler { subquery_labels: true, ..Compiler::default() };
    let mut taken = Vec::new();
    state
        .column_sqls()
        .iter()
        .map(|sql| {
            let text = c.select_column(sql, false, &mut taken);
            let key = match text.rfind(" AS ") {
                Some(at) => text[at + 4..].trim_matches('"').to_string(),
                None => sql.key().map(|k| k.to_string()).unwrap_or(text),
            };
            (key, sql.sql_type().cloned())
        })
        .collect()
}

/// What a subquery keeps of its SELECT: its SQL only. An entity becomes its columns and loader
/// options go, so that the page-long registry holds no mapped class (which would keep a whole
/// program's objects alive after it ended).
fn detached(state: &SelectState) -> SelectState {
    let mut kept = state.clone();
    kept.columns = state.column_sqls().into_iter().map(super::statement::Selected::Column).collect();
    kept.loaders.clear();
    kept.eager.clear();
    kept
}

/// `select(...).subquery(name)` / `.cte(name)`.
pub fn make(py: &mut Interpreter, state: &SelectState, name: Option<String>, cte: bool) -> Res<Obj> {
    if FROM_SELECTS.with(|all| all.borrow().len()) >= KEPT {
        return py.stop_not_available(&format!("more than {KEPT} subqueries (subquery(), cte()) since the page opened"));
    }
    let nest = 1 + state.tables().iter().filter_map(|t| from_select(t)).map(|f| f.nest).max().unwrap_or(0);
    if nest > NEST_LIMIT {
        return py.error("RecursionError", "maximum recursion depth exceeded");
    }
    let id = IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let table: Rc<str> = Rc::from(format!("\u{2}{id}\u{2}anon\u{2}{}", name.as_deref().unwrap_or("")));
    let from = Rc::new(FromSelect { keys: column_keys(state), state: detached(state), cte, nest });
    FROM_SELECTS.with(|all| all.borrow_mut().push((table.clone(), from.clone())));
    Ok(native(SubqueryObj { table, from }))
}

pub struct SubqueryObj {
    pub table: Rc<str>,
    pub from: Rc<FromSelect>,
}

impl SubqueryObj {
    /// Its columns, as the enclosing statement names them.
    pub fn column_sqls(&self) -> Vec<Sql> {
        self.from.keys.iter().map(|(key, sql_type)| self.column(key, sql_type.clone())).collect()
    }

    /// Each of its columns that is a table's column under it: (its key, that table, that
    /// column), for an ON clause found through the table's foreign keys.
    pub fn proxied_columns(&self) -> Vec<(String, Rc<str>, Rc<str>)> {
        let mut out = Vec::new();
        for ((key, _), sql) in self.from.keys.iter().zip(self.from.state.column_sqls()) {
            let sql = match sql {
                Sql::Label { expr, .. } => *expr,
                other => other,
            };
            if let Sql::Column { table, name, .. } = sql {
                out.push((key.clone(), table, name));
            }
        }
        out
    }

    fn column(&self, key: &str, sql_type: Option<crate::schema::SqlType>) -> Sql {
        Sql::Column { table: self.table.clone(), name: Rc::from(key), sql_type }
    }
}

impl Native for SubqueryObj {
    fn type_name(&self) -> &str {
        if self.from.cte {
            "CTE"
        } else {
            "Subquery"
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.selectable.{} at {:#x}; {}>", self.type_name(), crate::interp::object::identity(this), display_name(&self.table)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "c" | "columns" => Some(native(ColumnsOf(this.clone()))),
            "name" => Some(Obj::str(&display_name(&self.table))),
            _ => None,
        })
    }
}

/// The name given, or `anon_1` as SQLAlchemy shows an unnamed one outside a statement.
fn display_name(table: &str) -> String {
    match super::orm::aliased::placeholder(table) {
        Some((_, name)) if !name.is_empty() => name.to_string(),
        _ => "anon_1".to_string(),
    }
}

/// `counts.c`: the subquery's columns by key.
pub struct ColumnsOf(Obj);

impl ColumnsOf {
    /// The column of that key, if the subquery has one.
    fn column(&self, key: &str) -> Option<Obj> {
        let sub = self.0.native::<SubqueryObj>()?;
        sub.from.keys.iter().find(|(k, _)| k == key).map(|(k, t)| expr(sub.column(k, t.clone())))
    }
}

impl Native for ColumnsOf {
    fn type_name(&self) -> &str {
        "ReadOnlyColumnCollection"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.base.ReadOnlyColumnCollection object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        if name == "keys" {
            let keys: Vec<Obj> = self.0.native::<SubqueryObj>().map(|s| s.from.keys.iter().map(|(k, _)| Obj::str(k)).collect()).unwrap_or_default();
            return Ok(Some(function("keys", move |_, _, _| Ok(Obj::list(keys.clone())))));
        }
        // `counts.c.nope` is an AttributeError, `counts.c["nope"]` a KeyError, as SQLAlchemy's.
        match self.column(name) {
            Some(column) => Ok(Some(column)),
            None => py.error("AttributeError", name.to_string()),
        }
    }
    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let Obj::Str(key) = index else { return None };
        Some(match self.column(key) {
            Some(column) => Ok(column),
            None => py.error("KeyError", key.to_string()),
        })
    }
}
