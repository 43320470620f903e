//! The legacy `session.query(User)` API the seed uses: a SELECT whose columns are labelled
//! `users.id AS users_id`, refined by `filter`, `filter_by`, `order_by`, `limit` …, run by
//! `first()` (`LIMIT ? OFFSET ?` with 1, 0), `all()`, `one()`, `count()`.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::value::Value;

use super::super::convert::{kwarg, method, native};
use super::super::result::ResultObj;
use super::super::statement::{select_method, selected, SelectState, Selected};
use super::session::SessionCore;

pub struct QueryObj {
    session: Rc<SessionCore>,
    state: SelectState,
}

pub fn new_query(py: &mut Interpreter, session: Rc<SessionCore>, entities: &[Obj]) -> Res<Obj> {
    let mut state = SelectState { tablename_labels: true, ..SelectState::default() };
    for entity in entities {
        state.columns.extend(selected(py, entity)?);
    }
    Ok(native(QueryObj { session, state }))
}

impl QueryObj {
    /// Runs the query: one entity gives its instances, several give rows.
    fn rows(&self, py: &mut Interpreter, state: &SelectState) -> Res<Vec<Obj>> {
        let result = self.session.run_select(py, state)?;
        // One mapped class gives its instances; columns (even one) give rows.
        let single = state.columns.len() == 1 && matches!(state.columns[0], Selected::Entity(_));
        let result = if single { ResultObj::call_method(py, &result, "scalars")? } else { result };
        // The legacy Query makes its rows unique itself when a joined eager load repeats them.
        let result = if state.eager.iter().any(|e| e.collection) { ResultObj::call_method(py, &result, "unique")? } else { result };
        py.iterate(&result)
    }
}

impl Native for QueryObj {
    fn type_name(&self) -> &str {
        "Query"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.query.Query object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        // A Query prints as its session's dialect compiles it: SQLite's `?` placeholders.
        Ok(self.state.compile().0)
    }
    fn get_attr(&self, py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        const REFINE: &[&str] = &["filter", "filter_by", "where", "order_by", "group_by", "having", "limit", "offset", "distinct", "join", "outerjoin", "select_from", "add_columns", "options", "execution_options"];
        if let Some(found) = REFINE.iter().find(|m| **m == name) {
            let name: &'static str = found;
            return Ok(Some(method(this, name, move |py, this, args, kwargs| {
                let Some(query) = this.native::<QueryObj>() else { return Ok(Obj::None) };
                let mut state = query.state.clone();
                select_method(py, &mut state, name, &args, &kwargs)?;
                Ok(native(QueryObj { session: query.session.clone(), state }))
            })));
        }
        let with = |this: &Obj| this.native::<QueryObj>().map(|q| (q.session.clone(), q.state.clone()));
        Ok(Some(match name {
            "populate_existing" => method(this, name, move |_, this, _, _| {
                let Some((session, mut state)) = with(this) else { return Ok(Obj::None) };
                state.populate_existing = true;
                Ok(native(QueryObj { session, state }))
            }),
            "all" => method(this, name, move |py, this, _, _| {
                let Some(q) = this.native::<QueryObj>() else { return Ok(Obj::None) };
                Ok(Obj::list(q.rows(py, &q.state)?))
            }),
            "first" => method(this, name, move |py, this, _, _| {
                let Some(q) = this.native::<QueryObj>() else { return Ok(Obj::None) };
                let mut state = q.state.clone();
                state.limit = Some(Value::Integer(1));
                Ok(q.rows(py, &state)?.into_iter().next().unwrap_or(Obj::None))
            }),
            "one" | "one_or_none" | "scalar" => {
                let which: &'static str = match name {
                    "one" => "one",
                    "one_or_none" => "one_or_none",
                    _ => "scalar",
                };
                method(this, which, move |py, this, _, _| {
                    let Some((session, state)) = with(this) else { return Ok(Obj::None) };
                    let result = session.run_select(py, &state)?;
                    if which == "scalar" {
                        return ResultObj::call_method(py, &result, "scalar");
                    }
                    let single = state.columns.len() == 1 && matches!(state.columns[0], Selected::Entity(_));
                    let result = if single { ResultObj::call_method(py, &result, "scalars")? } else { result };
                    // A joined eager load of a collection repeats the parent: the legacy Query
                    // makes its rows unique itself.
                    let result = if state.eager.iter().any(|e| e.collection) { ResultObj::call_method(py, &result, "unique")? } else { result };
                    ResultObj::call_method(py, &result, which)
                })
            }
            "count" => method(this, name, move |py, this, _, _| {
                let Some((session, state)) = with(this) else { return Ok(Obj::None) };
                let (inner, params) = state.compile();
                let sql = format!("SELECT count(*) AS count_1 \nFROM ({inner}) AS anon_1");
                let conn = session.connection(py)?;
                let ran = conn.run(py, super::super::engine::Stat::Compiled, &sql, &sql, &params, None)?;
                Ok(match ran.rows.first().and_then(|r| r.first()) {
                    Some(Value::Integer(n)) => Obj::Int(*n),
                    _ => Obj::Int(0),
                })
            }),
            "get" => method(this, name, move |py, this, args, _| {
                py.warn(
                    "LegacyAPIWarning",
                    "The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
                );
                let Some((session, state)) = with(this) else { return Ok(Obj::None) };
                let Some(Selected::Entity(mapper)) = state.columns.first() else { return py.error("TypeError", "get() needs a query of a mapped class") };
                let class = mapper.class_obj().unwrap_or(Obj::None);
                let Some(ident) = args.first() else { return py.error("TypeError", "get() missing 1 required positional argument: 'ident'") };
                session.get(py, &class, ident)
            }),
            // `query.filter(...).update({"age": 21})` / `.delete()`: one UPDATE or DELETE with the
            // query's WHERE, run through the session as an ORM bulk statement; the count of rows.
            "delete" | "update" => {
                let update = name == "update";
                method(this, name, move |py, this, args, kwargs| {
                    let Some((session, state)) = with(this) else { return Ok(Obj::None) };
                    let mapper = match state.columns.as_slice() {
                        [Selected::Entity(mapper)] => mapper.clone(),
                        [Selected::Column(_), ..] => {
                            let shown = match state.columns.first() {
                                Some(Selected::Column(sql)) => {
                                    let column = super::super::expression::expr(sql.clone());
                                    py.repr_of(&column)?
                                }
                                _ => String::new(),
                            };
                            return super::super::convert::raise(py, "sqlalchemy.exc", "ArgumentError", &format!("subject table for an INSERT, UPDATE or DELETE expected, got {shown}."));
                        }
                        _ => return py.stop_not_available("Query.update() / Query.delete() of anything but one mapped class"),
                    };
                    if !state.joins.is_empty() || state.limit.is_some() || state.offset.is_some() || !state.order_by.is_empty() {
                        return py.stop_not_available("Query.update() / Query.delete() with a join, ORDER BY, LIMIT or OFFSET");
                    }
                    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "synchronize_session" && k != "update_args" && k != "delete_args") {
                        return py.error("TypeError", format!("Query.{name}() got an unexpected keyword argument '{other}'", name = if update { "update" } else { "delete" }));
                    }
                    let kind = if update { super::super::statement::DmlKind::Update } else { super::super::statement::DmlKind::Delete };
                    let mut dml_state = super::super::statement::DmlState {
                        where_: state.where_.clone(),
                        synchronize: kwarg(&kwargs, "synchronize_session").cloned(),
                        ..super::super::statement::DmlState::new(kind, mapper.table.clone(), Some(mapper.clone()))
                    };
                    if update {
                        let Some(values) = args.first().or_else(|| kwarg(&kwargs, "values")) else {
                            return py.error("TypeError", "Query.update() missing 1 required positional argument: 'values'");
                        };
                        if !matches!(values, Obj::Dict(_)) {
                            let name = values.type_name();
                            return py.error("AttributeError", format!("'{name}' object has no attribute 'items'"));
                        }
                        dml_state.values.push(super::super::statement::dict_items(py, values)?);
                    }
                    let statement = native(super::super::statement::DmlObj(dml_state));
                    let result = session.execute(py, &statement, None)?;
                    py.get_attr(&result, "rowcount")
                })
            }
            // `query.exists()`: `EXISTS (SELECT 1 FROM users WHERE …)`, for `session.query(...)`.
            "exists" => method(this, name, move |py, this, _, _| {
                let Some((_, state)) = with(this) else { return Ok(Obj::None) };
                let mut inner = state.clone();
                let tables: Vec<String> = state.columns.iter().filter_map(|c| if let Selected::Entity(m) = c { Some(m.table_name.clone()) } else { None }).collect();
                inner.columns = vec![Selected::Column(super::super::expression::Sql::Literal(Rc::from("1")))];
                inner.tablename_labels = false;
                inner.select_from.extend(tables);
                super::super::expression::grown(py, super::super::expression::Sql::Exists(Rc::new(inner)))
            }),
            "with_entities" => method(this, name, move |py, this, args, _| {
                let Some((session, mut state)) = with(this) else { return Ok(Obj::None) };
                state.columns.clear();
                for entity in &args {
                    state.columns.extend(selected(py, entity)?);
                }
                Ok(native(QueryObj { session, state }))
            }),
            "statement" => native(super::super::statement::SelectObj(self.state.clone())),
            // As its statement has them: `query.subquery()`, `.cte("bobs")`, `.scalar_subquery()`.
            "subquery" | "cte" | "scalar_subquery" => {
                let statement = native(super::super::statement::SelectObj(self.state.clone()));
                return py.get_attr(&statement, name).map(Some);
            }
            _ => return Ok(None),
        }))
    }
    /// `query[1:3]` is `LIMIT 2 OFFSET 1`, `query[2]` the row at `LIMIT 1 OFFSET 2`, as
    /// SQLAlchemy's Query slices.
    fn get_item(&self, py: &mut Interpreter, this: &Obj, index: &Obj) -> Option<Res<Obj>> {
        Some(slice_query(py, this, index))
    }
    fn iterate(&self, py: &mut Interpreter, _this: &Obj) -> Option<Res<Vec<Obj>>> {
        Some(self.rows(py, &self.state))
    }
}

fn slice_query(py: &mut Interpreter, query: &Obj, index: &Obj) -> Res<Obj> {
    let call = |py: &mut Interpreter, on: &Obj, name: &str, args: Vec<Obj>| -> Res<Obj> {
        let bound = py.get_attr(on, name)?;
        py.call(bound, args, Vec::new())
    };
    let (start, stop, one) = match index {
        Obj::Int(i) if *i >= 0 => (*i, Some(*i + 1), true),
        Obj::Slice(start, stop, None) if start.unwrap_or(0) >= 0 && stop.is_none_or(|s| s >= 0) => (start.unwrap_or(0), *stop, false),
        _ => return py.stop_not_available("a Query indexed or sliced from the end or with a step"),
    };
    let mut refined = query.clone();
    if start > 0 {
        refined = call(py, &refined, "offset", vec![Obj::Int(start)])?;
    }
    if let Some(stop) = stop {
        refined = call(py, &refined, "limit", vec![Obj::Int((stop - start).max(0))])?;
    }
    let rows = call(py, &refined, "all", Vec::new())?;
    if !one {
        return Ok(rows);
    }
    match py.iterate(&rows)?.into_iter().next() {
        Some(row) => Ok(row),
        None => py.error("IndexError", "list index out of range"),
    }
}
