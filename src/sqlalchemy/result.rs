//! `Result`, `ScalarResult` and `Row`: what `execute()` returns. Rows are tuples with names;
//! a result is read once, row by row or all at once, as SQLAlchemy's are.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::engine::Ran;
use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::schema::SqlType;

use super::convert::{method, native, raise};

/// What fetching from a result of a statement that returns no rows raises.
const NO_ROWS: &str = "This result object does not return rows. It has been closed automatically.";

/// A result: its column names and the rows not read yet.
pub struct ResultObj {
    keys: Rc<[String]>,
    rows: RefCell<VecDeque<Vec<Obj>>>,
    rowcount: i64,
    inserted: Cell<Option<i64>>,
    /// `ScalarResult`: each row is its first value.
    scalars: bool,
    /// `MappingResult`: each row is a dict-like mapping.
    mappings: bool,
    /// Rows of a joined eager load of a collection repeat their entity: SQLAlchemy refuses to
    /// hand them out before `unique()`.
    needs_unique: Cell<bool>,
}

const UNIQUE_FIRST: &str = "The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections";

impl ResultObj {
    /// A result of database rows, each value read as its column's type.
    /// The rows not yet fetched, taken out (what an ORM statement's own RETURNING gave).
    pub fn take_rows(&self) -> Vec<Vec<Obj>> {
        self.rows.borrow_mut().drain(..).collect()
    }

    pub fn rows(py: &mut Interpreter, ran: Ran, types: Vec<Option<SqlType>>) -> Res<Obj> {
        let mut rows = VecDeque::with_capacity(ran.rows.len());
        for row in &ran.rows {
            let mut values = Vec::with_capacity(row.len());
            for (i, v) in row.iter().enumerate() {
                values.push(super::convert::from_value_typed(py, v, types.get(i).and_then(Option::as_ref))?);
            }
            rows.push_back(values);
        }
        Ok(native(ResultObj { keys: ran.columns.into(), rows: RefCell::new(rows), rowcount: ran.rowcount, inserted: Cell::new(None), scalars: false, mappings: false, needs_unique: Cell::new(false) }))
    }

    /// A result of rows already made (the ORM's instances).
    pub fn objects(keys: Vec<String>, rows: Vec<Vec<Obj>>) -> Obj {
        native(ResultObj { keys: keys.into(), rows: RefCell::new(rows.into()), rowcount: -1, inserted: Cell::new(None), scalars: false, mappings: false, needs_unique: Cell::new(false) })
    }

    /// A result with no rows, only a count (an INSERT, UPDATE or DELETE).
    pub fn rowcount(count: i64) -> Obj {
        native(ResultObj { keys: Rc::from(Vec::new()), rows: RefCell::new(VecDeque::new()), rowcount: count, inserted: Cell::new(None), scalars: false, mappings: false, needs_unique: Cell::new(false) })
    }

    pub fn set_inserted_primary_key(&self, rowid: i64) {
        self.inserted.set(Some(rowid));
    }

    fn derived(&self, scalars: bool, mappings: bool) -> Obj {
        let rows = std::mem::take(&mut *self.rows.borrow_mut());
        let needs_unique = Cell::new(self.needs_unique.get());
        native(ResultObj { keys: self.keys.clone(), rows: RefCell::new(rows), rowcount: self.rowcount, inserted: Cell::new(None), scalars, mappings, needs_unique })
    }

    /// A result whose rows must go through `unique()` first (see `needs_unique`).
    pub fn objects_needing_unique(keys: Vec<String>, rows: Vec<Vec<Obj>>) -> Obj {
        let result = Self::objects(keys, rows);
        if let Some(r) = result.native::<ResultObj>() {
            r.needs_unique.set(true);
        }
        result
    }

    /// `unique()`: the rows not read yet, each kept once (the first time it comes), as Python's
    /// equality and hashing tell rows (and a scalar result's values) apart.
    fn unique(&self, py: &mut Interpreter) -> Res<()> {
        let rows: Vec<Vec<Obj>> = self.rows.borrow_mut().drain(..).collect();
        let seen = Obj::Dict(Rc::new(RefCell::new(crate::interp::object::Dict::default())));
        let mut kept = VecDeque::with_capacity(rows.len());
        for row in rows {
            let key = if self.scalars { row.first().cloned().unwrap_or(Obj::None) } else { Obj::tuple(row.clone()) };
            if !py.contains(&seen, &key)? {
                py.set_item(&seen, key, Obj::None)?;
                kept.push_back(row);
            }
        }
        *self.rows.borrow_mut() = kept;
        self.needs_unique.set(false);
        Ok(())
    }

    fn shape(&self, row: Vec<Obj>) -> Obj {
        if self.scalars {
            return row.into_iter().next().unwrap_or(Obj::None);
        }
        if self.mappings {
            return native(RowMapping(RowObj { keys: self.keys.clone(), values: row }));
        }
        native(RowObj { keys: self.keys.clone(), values: row })
    }

    fn next_row(&self) -> Option<Obj> {
        let row = self.rows.borrow_mut().pop_front()?;
        Some(self.shape(row))
    }

    fn take_all(&self) -> Vec<Obj> {
        let rows: Vec<Vec<Obj>> = self.rows.borrow_mut().drain(..).collect();
        rows.into_iter().map(|r| self.shape(r)).collect()
    }

    /// `one()` / `one_or_none()` / `scalar_one()` …: exactly one row, or none if allowed.
    fn only(&self, py: &mut Interpreter, none_ok: bool) -> Res<Obj> {
        let all = self.take_all();
        match all.len() {
            1 => Ok(all.into_iter().next().unwrap_or(Obj::None)),
            0 if none_ok => Ok(Obj::None),
            0 => raise(py, "sqlalchemy.exc", "NoResultFound", "No row was found when one was required"),
            _ if none_ok => raise(py, "sqlalchemy.exc", "MultipleResultsFound", "Multiple rows were found when one or none was required"),
            _ => raise(py, "sqlalchemy.exc", "MultipleResultsFound", "Multiple rows were found when exactly one was required"),
        }
    }

    /// Calls a method by name (for natives that return `result.scalar()` and the like).
    pub fn call_method(py: &mut Interpreter, result: &Obj, name: &str) -> Res<Obj> {
        let bound = py.get_attr(result, name)?;
        py.call(bound, Vec::new(), Vec::new())
    }
}

impl Native for ResultObj {
    fn type_name(&self) -> &str {
        if self.scalars {
            "ScalarResult"
        } else if self.mappings {
            "MappingResult"
        } else {
            "CursorResult"
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        let module = if self.scalars || self.mappings { "result" } else { "cursor" };
        Ok(format!("<sqlalchemy.engine.{module}.{} object at {:#x}>", self.type_name(), crate::interp::object::identity(this)))
    }
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let with = |this: &Obj, f: &dyn Fn(&ResultObj) -> Obj| this.native::<ResultObj>().map_or(Obj::None, f);
        const FETCH: &[&str] = &["all", "fetchall", "first", "fetchone", "fetchmany", "one", "scalar_one", "one_or_none", "scalar_one_or_none", "scalar"];
        if self.needs_unique.get() && FETCH.contains(&name) {
            return Ok(Some(method(this, name, |py, _, _, _| raise(py, "sqlalchemy.exc", "InvalidRequestError", UNIQUE_FIRST))));
        }
        // An INSERT, UPDATE or DELETE without RETURNING (or DDL): nothing to fetch.
        if self.keys.is_empty() && (FETCH.contains(&name) || matches!(name, "fetchone" | "keys" | "columns" | "scalars")) {
            return Ok(Some(method(this, name, |py, _, _, _| raise(py, "sqlalchemy.exc", "ResourceClosedError", NO_ROWS))));
        }
        Ok(Some(match name {
            "all" | "fetchall" => method(this, name, move |_, this, _, _| Ok(with(this, &|r| Obj::list(r.take_all())))),
            "first" => method(this, name, move |_, this, _, _| {
                Ok(with(this, &|r| {
                    let first = r.next_row().unwrap_or(Obj::None);
                    r.rows.borrow_mut().clear();
                    first
                }))
            }),
            "fetchone" => method(this, name, move |_, this, _, _| Ok(with(this, &|r| r.next_row().unwrap_or(Obj::None)))),
            "fetchmany" => method(this, name, move |_, this, args, _| {
                let n = match args.first() {
                    Some(Obj::Int(n)) => (*n).max(0) as usize,
                    _ => 1,
                };
                Ok(with(this, &|r| Obj::list((0..n).map_while(|_| r.next_row()).collect())))
            }),
            "one" | "scalar_one" | "one_or_none" | "scalar_one_or_none" => {
                let none_ok = name.ends_with("or_none");
                let scalar = name.starts_with("scalar");
                method(this, name, move |py, this, _, _| {
                    let Some(r) = this.native::<ResultObj>() else { return Ok(Obj::None) };
                    if scalar && !r.scalars {
                        let s = r.derived(true, false);
                        let Some(s) = s.native::<ResultObj>() else { return Ok(Obj::None) };
                        return s.only(py, none_ok);
                    }
                    r.only(py, none_ok)
                })
            }
            "scalar" => method(this, name, move |_, this, _, _| {
                Ok(with(this, &|r| {
                    let first = r.rows.borrow_mut().pop_front();
                    r.rows.borrow_mut().clear();
                    first.and_then(|row| row.into_iter().next()).unwrap_or(Obj::None)
                }))
            }),
            "scalars" => method(this, name, move |_, this, _, _| Ok(with(this, &|r| r.derived(true, false)))),
            "mappings" => method(this, name, move |_, this, _, _| Ok(with(this, &|r| r.derived(false, true)))),
            "unique" => method(this, name, move |py, this, _, _| {
                if let Some(r) = this.native::<ResultObj>() {
                    r.unique(py)?;
                }
                Ok(this.clone())
            }),
            "keys" => {
                let keys = self.keys.clone();
                method(this, name, move |_, _, _, _| Ok(native(KeyView(keys.clone()))))
            }
            "close" => method(this, name, move |_, this, _, _| Ok(with(this, &|r| {
                r.rows.borrow_mut().clear();
                Obj::None
            }))),
            "rowcount" => Obj::Int(self.rowcount),
            "inserted_primary_key" => match self.inserted.get() {
                Some(id) => native(RowObj { keys: Rc::from(vec!["id".to_string()]), values: vec![Obj::Int(id)] }),
                None => return raise(py, "sqlalchemy.exc", "InvalidRequestError", "Statement is not a compiled expression construct."),
            },
            "lastrowid" => self.inserted.get().map_or(Obj::None, Obj::Int),
            "returns_rows" => Obj::Bool(!self.keys.is_empty()),
            _ => return Ok(None),
        }))
    }
    fn iterate(&self, py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        if self.needs_unique.get() {
            return Some(raise(py, "sqlalchemy.exc", "InvalidRequestError", UNIQUE_FIRST));
        }
        if self.keys.is_empty() {
            return Some(raise(py, "sqlalchemy.exc", "ResourceClosedError", NO_ROWS));
        }
        Some(Ok(self.take_all()))
    }
}

/// A row: a named tuple.
pub struct RowObj {
    pub keys: Rc<[String]>,
    pub values: Vec<Obj>,
}

fn tuple_repr(py: &mut Interpreter, values: &[Obj]) -> Res<String> {
    let mut items = Vec::with_capacity(values.len());
    for v in values {
        items.push(py.repr_of(v)?);
    }
    Ok(match items.len() {
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    })
}

impl Native for RowObj {
    fn type_name(&self) -> &str {
        "Row"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        tuple_repr(py, &self.values)
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        if let Some(at) = self.keys.iter().position(|k| k == name) {
            return Ok(self.values.get(at).cloned());
        }
        Ok(match name {
            "_mapping" => Some(native(RowMapping(RowObj { keys: self.keys.clone(), values: self.values.clone() }))),
            "_fields" => Some(Obj::tuple(self.keys.iter().map(|k| Obj::str(k)).collect())),
            "_asdict" => {
                let keys = self.keys.clone();
                let values = self.values.clone();
                Some(super::convert::function("_asdict", move |py, _, _| {
                    let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
                    for (k, v) in keys.iter().zip(values.iter()) {
                        py.set_item(&dict, Obj::str(k), v.clone())?;
                    }
                    Ok(dict)
                }))
            }
            "_tuple" | "tuple" => {
                let values = self.values.clone();
                Some(super::convert::function("_tuple", move |_, _, _| Ok(Obj::tuple(values.clone()))))
            }
            _ if name.starts_with("__") => None,
            _ => return py.error("AttributeError", format!("Could not locate column in row for column '{name}'")),
        })
    }
    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let tuple = Obj::tuple(self.values.clone());
        Some(py.get_item(&tuple, index.clone()))
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.values.clone()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.values.len()))
    }
    fn contains(&self, py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
        let tuple = Obj::tuple(self.values.clone());
        Some(py.binary("in", item.clone(), tuple).and_then(|r| py.truthy(&r)))
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        if !matches!(op, "==" | "!=" | "<" | "<=" | ">" | ">=") {
            return None;
        }
        let mine = Obj::tuple(self.values.clone());
        let theirs = match other.native::<RowObj>() {
            Some(row) => Obj::tuple(row.values.clone()),
            None => other.clone(),
        };
        let (a, b) = if reflected { (theirs, mine) } else { (mine, theirs) };
        Some(py.compare(op, &a, &b).map(Obj::Bool))
    }
}

/// `row._mapping`, or a row of `result.mappings()`: read by column name.
pub struct RowMapping(RowObj);

impl Native for RowMapping {
    fn type_name(&self) -> &str {
        "RowMapping"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let mut items = Vec::new();
        for (k, v) in self.0.keys.iter().zip(self.0.values.iter()) {
            items.push(format!("'{k}': {}", py.repr_of(v)?));
        }
        Ok(format!("{{{}}}", items.join(", ")))
    }
    fn get_item(&self, py: &mut Interpreter, _this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        let found = match index {
            Obj::Str(name) => self.0.keys.iter().position(|k| **k == **name),
            _ => None,
        };
        Some(match found {
            Some(at) => Ok(self.0.values[at].clone()),
            None => {
                let shown = match index {
                    Obj::Str(s) => s.to_string(),
                    other => py.repr_of(other).unwrap_or_default(),
                };
                raise(py, "sqlalchemy.exc", "NoSuchColumnError", &format!("Could not locate column in row for column '{shown}'"))
            }
        })
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let keys = self.0.keys.clone();
        let values = self.0.values.clone();
        Ok(match name {
            "keys" => Some(method(this, name, move |_, _, _, _| Ok(native(KeyView(keys.clone()))))),
            "values" => Some(method(this, name, move |_, _, _, _| Ok(Obj::list(values.clone())))),
            "items" => Some(method(this, name, move |_, _, _, _| {
                Ok(Obj::list(keys.iter().zip(values.iter()).map(|(k, v)| Obj::tuple(vec![Obj::str(k), v.clone()])).collect()))
            })),
            "get" => Some(method(this, name, move |_, _, args, _| {
                let found = match args.first() {
                    Some(Obj::Str(n)) => keys.iter().position(|k| **k == **n),
                    _ => None,
                };
                Ok(found.map_or_else(|| args.get(1).cloned().unwrap_or(Obj::None), |at| values[at].clone()))
            })),
            _ => None,
        })
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.0.keys.iter().map(|k| Obj::str(k)).collect()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.0.keys.len()))
    }
}

/// `result.keys()`, `mapping.keys()`: the column names as SQLAlchemy's `RMKeyView`, which
/// iterates, measures, answers `in` and equals a list of the same names.
pub struct KeyView(Rc<[String]>);

impl KeyView {
    fn names(&self) -> Vec<Obj> {
        self.0.iter().map(|k| Obj::str(k)).collect()
    }
}

impl Native for KeyView {
    fn type_name(&self) -> &str {
        "RMKeyView"
    }
    fn repr(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let list = py.repr_of(&Obj::list(self.names()))?;
        Ok(format!("RMKeyView({list})"))
    }
    fn iterate(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(Ok(self.names()))
    }
    fn len(&self, _py: &mut Interpreter, _this: &Obj) -> Option<Res<usize>> {
        Some(Ok(self.0.len()))
    }
    fn contains(&self, _py: &mut Interpreter, _this: &Obj, item: &Obj) -> Option<Res<bool>> {
        Some(Ok(matches!(item, Obj::Str(s) if self.0.iter().any(|k| **k == **s))))
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, _reflected: bool) -> Option<Res<Obj>> {
        if !matches!(op, "==" | "!=") {
            return None;
        }
        let others = match other {
            Obj::List(_) | Obj::Tuple(_) => match py.iterate(other) {
                Ok(items) => items,
                Err(error) => return Some(Err(error)),
            },
            _ => match other.native::<KeyView>() {
                Some(view) => view.names(),
                None => return Some(Ok(Obj::Bool(op == "!="))),
            },
        };
        let same = others.len() == self.0.len() && others.iter().zip(self.0.iter()).all(|(o, k)| matches!(o, Obj::Str(s) if **s == **k));
        Some(Ok(Obj::Bool(same == (op == "=="))))
    }
}
