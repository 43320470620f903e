//! `select`, `insert`, `update`, `delete` and `text` as Python values: generative (each method
//! gives a new statement), compiled to SQLite's SQL text as SQLAlchemy writes it.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::value::Value;

use super::convert::{kwarg, method, native, raise, to_value};
use super::expression::{and, as_sql, coerce, condition, Compiler, Sql};
use super::orm::deferred::{column_loading, default_loading, loaded_columns, ColumnLoad, ColumnLoading};
use super::orm::mapper::{mapper_of, Mapper};
use super::schema::TableObj;

/// One item of a SELECT list: a column expression, or a mapped class (all its columns; rows
/// give instances when a Session runs the statement).
#[derive(Clone)]
pub enum Selected {
    Column(Sql),
    Entity(Rc<Mapper>),
    /// `select(aliased(User))`: the class's columns from the alias (the placeholder table).
    Aliased(Rc<Mapper>, Rc<str>, String),
}

#[derive(Clone)]
pub struct Join {
    pub table: String,
    /// `post_tags AS post_tags_1`: a many-to-many relationship's association table.
    pub alias: Option<String>,
    pub on: Sql,
    pub outer: bool,
}

/// A SELECT being built.
#[derive(Clone, Default)]
pub struct SelectState {
    pub columns: Vec<Selected>,
    pub where_: Vec<Sql>,
    pub group_by: Vec<Sql>,
    pub having: Vec<Sql>,
    pub order_by: Vec<Sql>,
    pub limit: Option<Value>,
    pub offset: Option<Value>,
    pub distinct: bool,
    pub joins: Vec<Join>,
    pub select_from: Vec<String>,
    /// `Query` labels every column `users.id AS users_id`.
    pub tablename_labels: bool,
    /// `.options(selectinload(User.addresses))`: relationships loaded after the rows.
    pub loaders: Vec<Rc<crate::sqlalchemy::orm::relationship::RelationshipSpec>>,
    /// `.options(joinedload(Address.user))`: relationships loaded in the same SELECT, from an
    /// aliased join (or, for `contains_eager`, the statement's own).
    pub eager: Vec<EagerJoin>,
    /// `.options(raiseload(...), lazyload(...))`: how the objects this SELECT loads read those
    /// relationships later (no relationship: every one of the classes queried).
    pub strategies: Vec<(Option<Rc<crate::sqlalchemy::orm::relationship::RelationshipSpec>>, crate::sqlalchemy::orm::loader::Strategy)>,
    /// `union(a, b)`: the SELECTs after this one, each with its operator (`UNION ALL`); the
    /// ORDER BY and LIMIT are then the whole compound's.
    pub compound: Vec<(&'static str, SelectState)>,
    /// `.options(load_only(Book.title), defer(Book.summary), …)`: which columns of the classes
    /// it selects the SELECT loads.
    pub column_loads: Vec<(Option<Rc<Mapper>>, ColumnLoad)>,
    /// `execution_options(populate_existing=True)`: objects the session holds take the rows'
    /// values, their changes and loaded relationships let go.
    pub populate_existing: bool,
    /// `execution_options(autoflush=False)`: no flush before this SELECT.
    pub no_autoflush: bool,
    /// `correlate_except(Address)`: tables this SELECT, as a subquery, never takes from the
    /// enclosing one.
    pub correlate_except: Vec<String>,
}

/// A joined eager load: the target's columns from `alias` (`user_account AS user_account_1`),
/// joined on its key (`user_account_1.id = address.user_id`).
#[derive(Clone)]
pub struct EagerJoin {
    pub spec: Rc<crate::sqlalchemy::orm::relationship::RelationshipSpec>,
    pub target: Rc<Mapper>,
    pub alias: Rc<str>,
    pub on: Sql,
    pub inner: bool,
    /// The target is a collection (one-to-many): rows repeat the parent.
    pub collection: bool,
    /// The relationship's `order_by`, read from the alias: after the statement's own ORDER BY.
    pub order_by: Vec<Sql>,
    /// `contains_eager`: the statement's own join supplies the target's columns, which come
    /// first in the SELECT; no join or ORDER BY of its own.
    pub existing: bool,
}

impl EagerJoin {
    /// The target's columns, read from the alias.
    pub fn columns(&self) -> Vec<Sql> {
        let loading = default_loading(&self.target);
        loaded_columns(&self.target, &loading).map(|c| c.from_table(&self.alias)).collect()
    }
}

fn tables_in(sql: &Sql, out: &mut Vec<String>) {
    match sql {
        Sql::Column { table, .. } => {
            if !table.is_empty() && !out.iter().any(|t| t == &**table) {
                out.push(table.to_string());
            }
        }
        Sql::Binary { left, right, .. } => {
            tables_in(left, out);
            tables_in(right, out);
        }
        Sql::In { expr, items, .. } => {
            tables_in(expr, out);
            items.iter().for_each(|i| tables_in(i, out));
        }
        Sql::Pattern { expr, pattern, .. } => {
            tables_in(expr, out);
            tables_in(pattern, out);
        }
        Sql::Between { expr, low, high } => {
            tables_in(expr, out);
            tables_in(low, out);
            tables_in(high, out);
        }
        Sql::And(items) | Sql::Or(items) => items.iter().for_each(|i| tables_in(i, out)),
        Sql::Func { args, .. } => args.iter().for_each(|a| tables_in(a, out)),
        Sql::Not(inner) | Sql::Distinct(inner) | Sql::Group(inner) | Sql::Neg(inner) => tables_in(inner, out),
        Sql::Over { func, partition_by, order_by, .. } => {
            tables_in(func, out);
            partition_by.iter().chain(order_by).for_each(|i| tables_in(i, out));
        }
        Sql::Label { expr, .. } | Sql::Order { expr, .. } | Sql::Proxy { expr, .. } | Sql::Cast { expr, .. } | Sql::Nulls { expr, .. } => tables_in(expr, out),
        Sql::Case { value, whens, otherwise } => {
            value.iter().for_each(|v| tables_in(v, out));
            for (when, then) in whens {
                tables_in(when, out);
                tables_in(then, out);
            }
            otherwise.iter().for_each(|o| tables_in(o, out));
        }
        // A subquery has FROM clauses of its own.
        _ => {}
    }
}

impl SelectState {
    /// The column expressions the SELECT list has, entities expanded.
    pub fn column_sqls(&self) -> Vec<Sql> {
        let mut out = Vec::new();
        for item in &self.columns {
            match item {
                Selected::Column(sql) => out.push(sql.clone()),
                Selected::Entity(mapper) => {
                    // Its `column_property()` expressions around the columns, as SQLAlchemy
                    // selects them.
                    let (leading, trailing) = crate::sqlalchemy::orm::column_property::split(mapper);
                    out.extend(leading.into_iter().map(|p| p.sql));
                    let loading = self.entity_loading(mapper);
                    out.extend(loaded_columns(mapper, &loading).map(|c| c.sql.clone()));
                    out.extend(trailing.into_iter().map(|p| p.sql));
                }
                Selected::Aliased(mapper, table, _) => {
                    let loading = default_loading(mapper);
                    out.extend(loaded_columns(mapper, &loading).map(|c| c.from_table(table)));
                }
            }
        }
        out
    }

    /// How this SELECT loads each column of an entity it selects (an aliased class's as the
    /// class defers them: the options name the class itself).
    pub fn entity_loading(&self, mapper: &Mapper) -> Vec<ColumnLoading> {
        column_loading(mapper, &self.column_loads)
    }

    /// Every table the SELECT names (its columns', FROM's, joins', conditions'), placeholders too.
    pub fn tables(&self) -> Vec<String> {
        let mut out = self.select_from.clone();
        for sql in self.column_sqls().iter().chain(&self.where_).chain(&self.having).chain(&self.order_by) {
            tables_in(sql, &mut out);
        }
        out.extend(self.joins.iter().map(|j| j.table.clone()));
        out
    }

    pub fn compile(&self) -> (String, Vec<Value>) {
        let (text, params, _) = self.compile_named(true);
        (text, params)
    }

    /// The SQL, its parameters, and what `str()` names each parameter; for SQLite (always
    /// `LIMIT ? OFFSET ?`) or as the default compiler writes it (`str(statement)`).
    pub fn compile_named(&self, sqlite: bool) -> (String, Vec<Value>, Vec<(String, bool)>) {
        let (text, params, names, _) = self.compile_supplied(sqlite, Rc::from(Vec::new()));
        (text, params, names)
    }

    /// The SQL for SQLite with `bindparam()` values from an execution's parameters; Err names a
    /// `bindparam()` given no value.
    pub fn compile_with(&self, supplied: Vec<(String, Value)>) -> Result<(String, Vec<Value>), (String, Rc<str>)> {
        let (text, params, _, missing) = self.compile_supplied(true, Rc::from(supplied));
        match missing {
            Some(name) => Err((text, name)),
            None => Ok((text, params)),
        }
    }

    fn compile_supplied(&self, sqlite: bool, supplied: Rc<[(String, Value)]>) -> (String, Vec<Value>, Vec<(String, bool)>, Option<Rc<str>>) {
        let mut c = Compiler { display: !sqlite, supplied: supplied.clone(), ..Compiler::default() };
        let body = self.compile_into(&mut c);
        if c.ctes.is_empty() {
            let missing = c.missing.first().cloned();
            return (body, c.params, c.names, missing);
        }
        // `WITH big AS \n(SELECT …)\n SELECT …`: the CTEs the body named, whose parameters come
        // first.
        let mut w = Compiler { display: !sqlite, aliases: c.aliases.clone(), anon: c.anon.clone(), supplied, ..Compiler::default() };
        let mut parts = Vec::new();
        for table in &c.ctes {
            let Some(from) = super::subquery::from_select(table) else { continue };
            let name = w.table_name(table);
            let name = w.quote(&name);
            w.subquery_labels = true;
            let inner = from.state.compile_into(&mut w);
            w.subquery_labels = false;
            parts.push(format!("{name} AS \n({inner})"));
        }
        let mut params = w.params;
        params.extend(c.params);
        let mut names = w.names;
        names.extend(c.names);
        let missing = w.missing.first().or(c.missing.first()).cloned();
        (format!("WITH {}\n {body}", parts.join(", \n")), params, names, missing)
    }

    /// The SELECT's text, its parameters added to `c`'s; inside another SELECT (a subquery) the
    /// enclosing SELECTs' tables are left out of its FROM, unless that would leave none.
    pub fn compile_into(&self, c: &mut Compiler) -> String {
        let sqlite = !c.display;
        // Inside a subquery or CTE every column is labelled with its key; what this SELECT nests
        // is compiled without.
        let labels = std::mem::replace(&mut c.subquery_labels, false);
        // FROM: the tables of the columns (or select_from), joined as asked; tables only the WHERE
        // names come after, as a cartesian product (what SQLAlchemy does, with a warning).
        let mut froms = self.select_from.clone();
        if froms.is_empty() {
            for sql in self.column_sqls() {
                tables_in(&sql, &mut froms);
            }
        }
        let joined: Vec<&str> = self.joins.iter().map(|j| j.table.as_str()).collect();
        froms.retain(|t| !joined.contains(&t.as_str()));
        let mut where_tables = Vec::new();
        for sql in &self.where_ {
            tables_in(sql, &mut where_tables);
        }
        for t in where_tables {
            if !froms.contains(&t) && !joined.contains(&t.as_str()) {
                froms.push(t);
            }
        }
        if !c.outer.is_empty() {
            let own: Vec<String> = froms.iter().filter(|t| !c.outer.contains(t) || self.correlate_except.contains(t)).cloned().collect();
            if !own.is_empty() || !self.joins.is_empty() {
                froms = own;
            }
        }
        let mut visible = c.outer.clone();
        visible.extend(froms.iter().cloned());
        visible.extend(self.joins.iter().map(|j| j.table.clone()));
        let enclosing = std::mem::replace(&mut c.outer, visible);
        let mut taken = Vec::new();
        let mut columns: Vec<String> = Vec::new();
        for eager in self.eager.iter().filter(|e| e.existing) {
            columns.extend(eager.columns().iter().map(|s| c.select_column(s, self.tablename_labels, &mut taken)));
        }
        c.subquery_labels = labels;
        // The entities' `column_property()` expressions, which an ORDER BY names by their label.
        let mapped: Vec<String> = self
            .columns
            .iter()
            .filter_map(|item| if let Selected::Entity(mapper) = item { Some(mapper) } else { None })
            .flat_map(|mapper| crate::sqlalchemy::orm::column_property::selected(mapper).into_iter().map(|p| super::expression::display(&p.sql)))
            .collect();
        let mut labelled: Vec<(String, String)> = Vec::new();
        for sql in self.column_sqls() {
            let rendered = c.select_column(&sql, self.tablename_labels, &mut taken);
            let shown = super::expression::display(&sql);
            if mapped.contains(&shown) {
                if let Some((_, label)) = rendered.rsplit_once(" AS ") {
                    labelled.push((shown, label.to_string()));
                }
            }
            columns.push(rendered);
        }
        c.subquery_labels = false;
        for eager in self.eager.iter().filter(|e| !e.existing) {
            columns.extend(eager.columns().iter().map(|s| c.select_column(s, self.tablename_labels, &mut taken)));
        }
        let mut text = format!("SELECT {}{}", if self.distinct { "DISTINCT " } else { "" }, columns.join(", "));
        let mut from_items: Vec<String> = froms.iter().map(|t| c.from_item(t)).collect();
        if !self.joins.is_empty() {
            let mut first = from_items.first().cloned().unwrap_or_default();
            for join in &self.joins {
                let kind = if join.outer { "LEFT OUTER JOIN" } else { "JOIN" };
                let alias = join.alias.as_ref().map_or(String::new(), |a| format!(" AS {}", c.quote(a)));
                let table = c.from_item(&join.table);
                let on = c.expr(&join.on);
                first = format!("{first} {kind} {table}{alias} ON {on}");
            }
            if from_items.is_empty() {
                from_items.push(first);
            } else {
                from_items[0] = first;
            }
        }
        if let Some(first) = from_items.first_mut() {
            for eager in self.eager.iter().filter(|e| !e.existing) {
                let on = c.expr(&eager.on);
                let kind = if eager.inner { "JOIN" } else { "LEFT OUTER JOIN" };
                let table = c.quote(&eager.target.table_name);
                *first = format!("{first} {kind} {table} AS {} ON {on}", eager.alias);
            }
        }
        if !from_items.is_empty() {
            text.push_str(&format!(" \nFROM {}", from_items.join(", ")));
        }
        if !self.where_.is_empty() {
            let cond = c.expr(&and(self.where_.clone()));
            text.push_str(&format!(" \nWHERE {cond}"));
        }
        if !self.group_by.is_empty() {
            let items: Vec<String> = self.group_by.iter().map(|g| c.expr(g)).collect();
            text.push_str(&format!(" GROUP BY {}", items.join(", ")));
        }
        if !self.having.is_empty() {
            let cond = c.expr(&and(self.having.clone()));
            text.push_str(&format!(" \nHAVING {cond}"));
        }
        for (op, member) in &self.compound {
            c.subquery_labels = labels;
            let member = member.compile_into(c);
            text.push_str(&format!(" {op} {member}"));
        }
        c.subquery_labels = false;
        let eager_order: Vec<&Sql> = self.eager.iter().flat_map(|e| e.order_by.iter()).collect();
        if !self.order_by.is_empty() || !eager_order.is_empty() {
            // A compound's ORDER BY names its result's columns (`ORDER BY name`).
            let unqualified = std::mem::replace(&mut c.unqualified, !self.compound.is_empty());
            let by_label = |o: &Sql| labelled.iter().find(|(shown, _)| *shown == super::expression::display(o)).map(|(_, label)| label.clone());
            let items: Vec<String> = self
                .order_by
                .iter()
                .chain(eager_order)
                .map(|o| match o {
                    Sql::Order { expr, descending } => match by_label(expr) {
                        Some(label) => format!("{label}{}", if *descending { " DESC" } else { "" }),
                        None => c.expr(o),
                    },
                    _ => by_label(o).unwrap_or_else(|| c.expr(o)),
                })
                .collect();
            c.unqualified = unqualified;
            text.push_str(&format!(" ORDER BY {}", items.join(", ")));
        }
        if sqlite && (self.limit.is_some() || self.offset.is_some()) {
            c.params.push(self.limit.clone().unwrap_or(Value::Integer(-1)));
            c.params.push(self.offset.clone().unwrap_or(Value::Integer(0)));
            c.names.push(("param".into(), true));
            c.names.push(("param".into(), true));
            text.push_str("\n LIMIT ? OFFSET ?");
        } else if !sqlite {
            if let Some(limit) = &self.limit {
                c.params.push(limit.clone());
                c.names.push(("param".into(), true));
                text.push_str("\n LIMIT ?");
            }
            if let Some(offset) = &self.offset {
                if self.limit.is_none() {
                    text.push_str("\n LIMIT -1");
                }
                c.params.push(offset.clone());
                c.names.push(("param".into(), true));
                text.push_str(" OFFSET ?");
            }
        }
        c.outer = enclosing;
        c.subquery_labels = labels;
        text
    }

    /// The mapped class a join target names, with the ON clause from the foreign key between it
    /// and the tables already in the statement.
    /// A relationship's joins with each association table's alias numbered after those already
    /// joined (`post_tags_1`, then `post_tags_2`), as SQLAlchemy names anonymous aliases.
    fn numbered(&self, parts: Vec<(String, Option<String>, Sql)>) -> Vec<(String, Option<String>, Sql)> {
        let mut renames: Vec<(Rc<str>, Rc<str>)> = Vec::new();
        let mut out = Vec::with_capacity(parts.len());
        for (table, alias, on) in parts {
            let alias = alias.map(|given| {
                let taken = self.joins.iter().filter(|j| j.table == table && j.alias.is_some()).count();
                let wanted = format!("{table}_{}", taken + 1);
                if wanted != given {
                    renames.push((Rc::from(given.as_str()), Rc::from(wanted.as_str())));
                }
                wanted
            });
            let on = renames.iter().fold(on, |on, (from, to)| crate::sqlalchemy::expression::retabled(&on, from, to));
            out.push((table, alias, on));
        }
        out
    }

    /// The tables the statement already names, left of a new join.
    fn present_tables(&self) -> Vec<String> {
        let mut present = self.select_from.clone();
        for sql in self.column_sqls() {
            tables_in(&sql, &mut present);
        }
        present.extend(self.joins.iter().map(|j| j.table.clone()));
        present
    }

    /// `join(subquery)` / `join(aliased(Address))` with no ON clause: SQLAlchemy follows a foreign
    /// key between a table already present and a table column the target stands for
    /// (`user_account.id = anon_1.user_id`, the referred column first).
    fn placeholder_join(&self, target: &Obj) -> Option<Sql> {
        let present = self.present_tables();
        let (placeholder, columns, metadata) = if let Some(sub) = target.native::<super::subquery::SubqueryObj>() {
            let columns = sub.proxied_columns();
            let metadata = columns.iter().find_map(|(_, table, _)| super::schema::metadata_of_table(table))?;
            (sub.table.clone(), columns, metadata)
        } else if let Some(alias) = target.native::<super::orm::aliased::AliasedClass>() {
            let mapper = &alias.mapper;
            let metadata = mapper.metadata.native::<super::schema::MetaDataObj>().map(|m| m.to_schema())?;
            let columns = mapper.columns.iter().map(|c| (c.name.clone(), Rc::from(mapper.table_name.as_str()), Rc::from(c.name.as_str()))).collect();
            (alias.table.clone(), columns, metadata)
        } else {
            return None;
        };
        let column = |table: &str, name: &str| Sql::Column { table: Rc::from(table), name: Rc::from(name), sql_type: metadata.table(table).and_then(|t| t.column(name)).map(|c| c.sql_type.clone()) };
        // The target's column standing for `table.name`, by its key.
        let standing_for = |table: &str, name: &str| columns.iter().find(|(_, t, n)| &**t == table && &**n == name).map(|(key, _, _)| key.clone());
        for left in &present {
            // The target holds the foreign key: `left.id = anon_1.user_id`.
            for (_, table, _) in &columns {
                let Some(t) = metadata.table(table) else { continue };
                for fk in t.foreign_keys().filter(|fk| fk.ref_table == *left) {
                    let keys: Option<Vec<String>> = fk.columns.iter().map(|c| standing_for(table, c)).collect();
                    if let Some(keys) = keys {
                        let items = fk.ref_columns.iter().zip(&keys).map(|(r, k)| Sql::Binary { left: Box::new(column(left, r)), op: "=", right: Box::new(Sql::Column { table: placeholder.clone(), name: Rc::from(k.as_str()), sql_type: None }) }).collect();
                        return Some(super::expression::and(items));
                    }
                }
            }
            // The table present holds it: `anon_1.id = address.user_id`.
            if let Some(t) = metadata.table(left) {
                for fk in t.foreign_keys() {
                    let keys: Option<Vec<String>> = fk.ref_columns.iter().map(|r| standing_for(&fk.ref_table, r)).collect();
                    if let Some(keys) = keys {
                        let items = keys.iter().zip(&fk.columns).map(|(k, c)| Sql::Binary { left: Box::new(Sql::Column { table: placeholder.clone(), name: Rc::from(k.as_str()), sql_type: None }), op: "=", right: Box::new(column(left, c)) }).collect();
                        return Some(super::expression::and(items));
                    }
                }
            }
        }
        None
    }

    fn join(&mut self, py: &mut Interpreter, target: &Obj, on: Option<&Obj>, outer: bool) -> Res<()> {
        if let (Some(of_type), None) = (target.native::<super::orm::relationship::OfType>(), on) {
            let (entity, relationship) = (of_type.entity.clone(), of_type.relationship.clone());
            return self.join(py, &entity, Some(&relationship), outer);
        }
        if let (Some(with_criteria), None) = (target.native::<super::orm::relationship::RelationshipCriteria>(), on) {
            let Some(relationship) = with_criteria.relationship.native::<super::orm::relationship::RelationshipAttr>() else { return Ok(()) };
            let mut parts = self.numbered(relationship.join_condition(py, None)?);
            if let Some((_, _, on)) = parts.last_mut() {
                let mut items = vec![on.clone()];
                items.extend(with_criteria.criteria.iter().cloned());
                *on = and(items);
            }
            for (table, alias, on) in parts {
                self.joins.push(Join { table, alias, on, outer });
            }
            return Ok(());
        }
        let (table, on_sql) = if let Some(relationship) = target.native::<super::orm::relationship::RelationshipAttr>() {
            let parts = relationship.join_condition(py, None)?;
            for (table, alias, on) in self.numbered(parts) {
                self.joins.push(Join { table, alias, on, outer });
            }
            return Ok(());
        } else if let Some(table) = placeholder_table(target) {
            let Some(on) = on else {
                let on = match self.placeholder_join(target) {
                    Some(on) => on,
                    None => {
                        let shown = match target.native::<super::orm::aliased::AliasedClass>() {
                            Some(alias) => format!("<AliasedInsp at {:#x}; {name}({name})>", crate::interp::object::identity(target), name = alias.mapper.class_name),
                            None => py.repr_of(target)?,
                        };
                        return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Don't know how to join to {shown}. Please use the .select_from() method to establish an explicit left side, as well as providing an explicit ON clause if not present already to help resolve the ambiguity."));
                    }
                };
                self.joins.push(Join { table, alias: None, on, outer });
                return Ok(());
            };
            let on = match on.native::<super::orm::relationship::RelationshipAttr>() {
                // `join(address_alias, User.addresses)`: the relationship's ON clause, to the alias
                // (through the association table first for a many-to-many one).
                Some(relationship) => {
                    let parts = relationship.join_condition(py, Some(&Rc::from(table.as_str())))?;
                    let mut parts = self.numbered(parts);
                    let Some((_, _, on)) = parts.pop() else { return py.error("TypeError", "relationship has no join condition") };
                    for (secondary, alias, secondary_on) in parts {
                        self.joins.push(Join { table: secondary, alias, on: secondary_on, outer });
                    }
                    on
                }
                None => condition(py, on)?,
            };
            (table, on)
        } else {
            let target_mapper = mapper_of(py, target)?;
            let table = match &target_mapper {
                Some(mapper) => mapper.table_name.clone(),
                None => match target.native::<TableObj>() {
                    Some(t) => t.name.clone(),
                    None => return py.error("TypeError", "join() needs a mapped class, a table or a relationship"),
                },
            };
            let on = match on {
                Some(on) => match on.native::<super::orm::relationship::RelationshipAttr>() {
                    Some(relationship) => {
                        let parts = relationship.join_condition(py, None)?;
                        let [(_, None, on)] = parts.as_slice() else {
                            return py.stop_not_available("join(target, relationship) along a many-to-many relationship");
                        };
                        on.clone()
                    }
                    None => condition(py, on)?,
                },
                None => {
                    let present = self.present_tables();
                    let found = match (&target_mapper, target.native::<TableObj>()) {
                        (Some(mapper), _) => super::orm::mapper::foreign_key_join(mapper, &present),
                        (None, Some(table)) => table.metadata_schema().and_then(|m| super::orm::relationship::foreign_key_between(&m, &present, &table.name)),
                        (None, None) => None,
                    };
                    match found {
                        Some(on) => on,
                        None => {
                            let left = present.first().cloned().unwrap_or_default();
                            return raise(
                                py,
                                "sqlalchemy.exc",
                                "NoForeignKeysError",
                                &format!("Can't find any foreign key relationships between '{left}' and '{table}'."),
                            );
                        }
                    }
                }
            };
            (table, on)
        };
        self.joins.push(Join { table, alias: None, on: on_sql, outer });
        Ok(())
    }
}

/// `select(...)` and, sharing its methods, the ORM `Query`'s statement.
pub struct SelectObj(pub SelectState);

/// `select(User)`, `select(User.name, func.count())`, `select(users_table)`.
pub fn select_call(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let mut state = SelectState::default();
    for arg in &args {
        state.columns.extend(selected(py, arg)?);
    }
    if state.columns.iter().any(|c| matches!(c, Selected::Column(Sql::Distinct(_)))) {
        py.warn(
            "SAWarning",
            "Column-expression-level unary distinct() should not be used outside of an aggregate function. For general 'SELECT DISTINCT' support use select().distinct().",
        );
    }
    Ok(native(SelectObj(state)))
}

/// `order_by("count")`, `desc("count")`, `group_by("name")`: the SELECT's column labelled so
/// (its label), else its column of that key, as SQLAlchemy resolves a label reference; with none,
/// SQLAlchemy's CompileError (raised here, when the SELECT takes it, rather than when compiled).
fn resolve_label_reference(py: &mut Interpreter, state: &SelectState, item: Sql) -> Res<Sql> {
    let (name, descending) = match &item {
        Sql::LabelReference(name) => (name.clone(), None),
        Sql::Order { expr, descending } => match &**expr {
            Sql::LabelReference(name) => (name.clone(), Some(*descending)),
            _ => return Ok(item),
        },
        _ => return Ok(item),
    };
    let columns = state.column_sqls();
    let found = columns.iter().find_map(|sql| match sql {
        Sql::Label { name: label, .. } if *label == name => Some(Sql::Literal(Rc::from(crate::sql::quote_identifier(&name).as_str()))),
        _ => None,
    });
    let found = found.or_else(|| columns.iter().find(|sql| matches!(sql, Sql::Column { name: column, .. } if *column == name)).cloned());
    let Some(resolved) = found else {
        return raise(
            py,
            "sqlalchemy.exc",
            "CompileError",
            &format!("Can't resolve label reference for ORDER BY / GROUP BY / DISTINCT etc. Textual SQL expression '{name}' should be explicitly declared as text('{name}')"),
        );
    };
    Ok(match descending {
        Some(descending) => Sql::Order { expr: Box::new(resolved), descending },
        None => resolved,
    })
}

/// The placeholder table a subquery or an `aliased()` class stands as in a FROM clause.
fn placeholder_table(value: &Obj) -> Option<String> {
    if let Some(sub) = value.native::<super::subquery::SubqueryObj>() {
        return Some(sub.table.to_string());
    }
    value.native::<super::orm::aliased::AliasedClass>().map(|alias| alias.table.to_string())
}

/// What one argument of `select()` contributes.
pub fn selected(py: &mut Interpreter, arg: &Obj) -> Res<Vec<Selected>> {
    if let Some(alias) = arg.native::<super::orm::aliased::AliasedClass>() {
        return Ok(vec![Selected::Aliased(alias.mapper.clone(), alias.table.clone(), alias.key())]);
    }
    if let Some(sub) = arg.native::<super::subquery::SubqueryObj>() {
        return Ok(sub.column_sqls().into_iter().map(Selected::Column).collect());
    }
    if let Some(mapper) = mapper_of(py, arg)? {
        return Ok(vec![Selected::Entity(mapper)]);
    }
    // `select(text("'some phrase'"), ...)`: the text as a column, as written.
    if let Some(text) = arg.native::<TextClause>() {
        if !text.bound.is_empty() || text.sql.contains(':') {
            return py.stop_not_available("text() with parameters among a select()'s columns");
        }
        return Ok(vec![Selected::Column(Sql::Literal(Rc::from(text.sql.as_str())))]);
    }
    if let Some(table) = arg.native::<TableObj>() {
        return Ok(table.specs().iter().map(|s| Selected::Column(s.sql())).collect());
    }
    match as_sql(py, arg)? {
        Some(sql) => Ok(vec![Selected::Column(sql)]),
        None => {
            let shown = py.repr_of(arg)?;
            raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Column expression, FROM clause, or other columns clause element expected, got {shown}."))
        }
    }
}

pub fn select_all_of(py: &mut Interpreter, table: &Obj) -> Res<Obj> {
    select_call(py, vec![table.clone()], Vec::new())
}

fn limit_value(py: &mut Interpreter, value: Option<&Obj>) -> Res<Option<Value>> {
    match value {
        None | Some(Obj::None) => Ok(None),
        Some(Obj::Int(n)) => Ok(Some(Value::Integer(*n))),
        Some(other) => {
            let shown = py.repr_of(other)?;
            py.error("ValueError", format!("invalid literal for int() with base 10: {shown}"))
        }
    }
}

/// The mapped classes a SELECT's FROM names, in order and once each: its entities' and columns'
/// tables, then `select_from()`'s and the joins' (what `filter_by()` searches).
fn filter_by_entities(py: &Interpreter, state: &SelectState) -> Vec<Rc<Mapper>> {
    fn table_of(sql: &Sql) -> Option<&str> {
        match sql {
            Sql::Column { table, .. } => Some(table),
            Sql::Label { expr, .. } | Sql::Proxy { expr, .. } => table_of(expr),
            _ => None,
        }
    }
    let mut out: Vec<Rc<Mapper>> = Vec::new();
    let mut add = |mapper: Option<Rc<Mapper>>| {
        if let Some(mapper) = mapper {
            if !out.iter().any(|m| Rc::ptr_eq(m, &mapper)) {
                out.push(mapper);
            }
        }
    };
    for selected in &state.columns {
        match selected {
            Selected::Entity(mapper) => add(Some(mapper.clone())),
            Selected::Column(sql) => add(table_of(sql).and_then(|t| crate::sqlalchemy::orm::mapper::mapper_for_table(py, t))),
            Selected::Aliased(..) => {}
        }
    }
    for table in state.select_from.iter().chain(state.joins.iter().filter(|j| j.alias.is_none()).map(|j| &j.table)) {
        add(crate::sqlalchemy::orm::mapper::mapper_for_table(py, table));
    }
    out
}

/// Applies one generative method of SELECT to a copy of `state`; `None` if it is not one.
pub fn select_method(py: &mut Interpreter, state: &mut SelectState, name: &str, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<bool> {
    match name {
        "where" | "filter" => {
            for arg in args {
                let sql = condition(py, arg)?;
                state.where_.push(sql);
            }
        }
        "filter_by" => {
            let entities = filter_by_entities(py, state);
            if entities.is_empty() {
                return py.error("TypeError", "filter_by() needs a mapped class to select from");
            }
            for (key, value) in kwargs {
                let column = if state.tablename_labels {
                    // `Query.filter_by`: the last joined entity, else the first.
                    let joined = state.joins.last().and_then(|j| crate::sqlalchemy::orm::mapper::mapper_for_table(py, &j.table));
                    let mapper = joined.as_ref().unwrap_or(&entities[0]);
                    match mapper.column(key) {
                        Some(column) => column.clone(),
                        None => return raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("Entity namespace for \"{}\" has no property \"{key}\"", mapper.table_name)),
                    }
                } else {
                    // `select().filter_by` (2.1): the one FROM entity that has the attribute.
                    let having: Vec<&super::orm::mapper::ColumnInfo> = entities.iter().filter_map(|m| m.column(key)).collect();
                    if let [one] = having.as_slice() {
                        (*one).clone()
                    } else {
                        // The entities as SQLAlchemy's messages list them: the first three.
                        let described = entities.iter().take(3).map(|m| format!("Mapper[{}({})]", m.class_name, m.table_name)).collect::<Vec<_>>().join(", ");
                        let described = if entities.len() > 3 { format!("{described}, ... ({} total)", entities.len()) } else { described };
                        return if having.is_empty() {
                            raise(py, "sqlalchemy.exc", "InvalidRequestError", &format!("None of the FROM clause entities have a property \"{key}\". Searched entities: {described}"))
                        } else {
                            let message = format!("Attribute name \"{key}\" is ambiguous; it exists in multiple FROM clause entities ({described}). Use filter() with explicit column references instead of filter_by().");
                            raise(py, "sqlalchemy.exc", "AmbiguousColumnError", &message)
                        };
                    }
                };
                let right = super::expression::coerce_as(py, value, column.sql_type.as_ref())?;
                let op = if matches!(right, Sql::Null) { "IS" } else { "=" };
                state.where_.push(Sql::Binary { left: Box::new(column.sql.clone()), op, right: Box::new(right) });
            }
        }
        "order_by" | "group_by" => {
            let mut items = Vec::new();
            for arg in args {
                let item = match arg {
                    Obj::None => continue,
                    Obj::Str(name) => Sql::LabelReference(name.clone()),
                    other => coerce(py, other)?,
                };
                items.push(resolve_label_reference(py, state, item)?);
            }
            if name == "order_by" {
                if args.iter().any(|a| matches!(a, Obj::None)) {
                    state.order_by.clear();
                }
                state.order_by.extend(items);
            } else {
                state.group_by.extend(items);
            }
        }
        "having" => {
            for arg in args {
                let sql = condition(py, arg)?;
                state.having.push(sql);
            }
        }
        "limit" => state.limit = limit_value(py, args.first())?,
        "offset" => state.offset = limit_value(py, args.first())?,
        "distinct" => state.distinct = true,
        // `join_from(left, right, onclause)`: the join's left side named, then as `join`.
        "join_from" if args.len() >= 2 => {
            let left = match (placeholder_table(&args[0]), mapper_of(py, &args[0])?) {
                (Some(table), _) => table,
                (None, Some(mapper)) => mapper.table_name.clone(),
                (None, None) => match args[0].native::<TableObj>() {
                    Some(table) => table.name.clone(),
                    None => return py.error("TypeError", "join_from() needs a mapped class or a table on the left"),
                },
            };
            if !state.select_from.contains(&left) {
                state.select_from.push(left);
            }
            let outer = kwarg(kwargs, "isouter").is_some_and(|v| matches!(v, Obj::Bool(true)));
            state.join(py, &args[1], args.get(2), outer)?;
        }
        "join" | "outerjoin" | "join_from" => {
            let Some(target) = args.first() else { return py.error("TypeError", "join() missing 1 required positional argument: 'target'") };
            let outer = name == "outerjoin" || kwarg(kwargs, "isouter").is_some_and(|v| matches!(v, Obj::Bool(true)));
            state.join(py, target, args.get(1), outer)?;
        }
        "correlate_except" => {
            for arg in args {
                match table_named(py, arg)? {
                    Some(table) => state.correlate_except.push(table),
                    None => return py.stop_not_available("correlate_except() of anything but mapped classes and tables"),
                }
            }
        }
        "select_from" => {
            for arg in args {
                if let Some(table) = placeholder_table(arg) {
                    state.select_from.push(table);
                    continue;
                }
                match table_named(py, arg)? {
                    Some(table) => state.select_from.push(table),
                    None => return py.error("TypeError", "select_from() needs a mapped class or a table"),
                }
            }
        }
        "add_columns" => {
            for arg in args {
                state.columns.extend(selected(py, arg)?);
            }
        }
        "execution_options" => {
            if !args.is_empty() {
                return py.error("TypeError", "execution_options() takes 1 positional argument but 2 were given");
            }
            execution_options(py, state, kwargs)?;
        }
        "options" => {
            for arg in args {
                if let Some(option) = arg.native::<crate::sqlalchemy::orm::deferred::ColumnOption>() {
                    state.column_loads.push((option.mapper.clone(), option.load.clone()));
                    continue;
                }
                let Some(option) = arg.native::<crate::sqlalchemy::orm::loader::LoaderOption>() else {
                    return py.stop_not_available("this loader option (the lab has selectinload(), joinedload(), contains_eager(), raiseload(), lazyload(), load_only(), defer(), undefer() and undefer_group())");
                };
                use crate::sqlalchemy::orm::loader::Strategy;
                let (spec, strategy) = match (&option.spec, option.strategy) {
                    (spec, Strategy::Raise { .. } | Strategy::Lazy) => {
                        state.strategies.push((spec.clone(), option.strategy));
                        continue;
                    }
                    (Some(spec), strategy) => (spec.clone(), strategy),
                    (None, _) => continue,
                };
                let how = match strategy {
                    Strategy::Joined { .. } => "joinedload()",
                    Strategy::ContainsEager => "contains_eager()",
                    _ => "selectinload()",
                };
                crate::sqlalchemy::orm::relationship::refuse_eager_expressions(py, &spec, how)?;
                match strategy {
                    Strategy::Selectin => state.loaders.push(spec),
                    Strategy::ContainsEager => {
                        let (target, _, collection) = crate::sqlalchemy::orm::relationship::join_parts(py, &spec)?;
                        let alias: Rc<str> = Rc::from(target.table_name.as_str());
                        state.eager.push(EagerJoin { spec, target, alias, on: and(Vec::new()), inner: true, collection, order_by: Vec::new(), existing: true });
                    }
                    Strategy::Raise { .. } | Strategy::Lazy => {}
                    Strategy::Joined { inner } => {
                        let (target, pairs, collection) = crate::sqlalchemy::orm::relationship::join_parts(py, &spec)?;
                        if collection && (state.limit.is_some() || state.offset.is_some()) {
                            return py.stop_not_available("joinedload() of a collection with LIMIT or OFFSET (SQLAlchemy wraps the query in a subquery)");
                        }
                        let Some(parent) = spec.parent.upgrade() else { continue };
                        let taken = state.eager.iter().filter(|e| e.target.table_name == target.table_name).count();
                        let alias: Rc<str> = Rc::from(format!("{}_{}", target.table_name, taken + 1));
                        let mut on = Vec::new();
                        for (local_attr, remote_attr) in &pairs {
                            let (Some(local), Some(remote)) = (parent.column(local_attr), target.column(remote_attr)) else { continue };
                            let aliased = remote.from_table(&alias);
                            let (left, right) = if collection { (local.sql.clone(), aliased) } else { (aliased, local.sql.clone()) };
                            on.push(Sql::Binary { left: Box::new(left), op: "=", right: Box::new(right) });
                        }
                        let order_by = spec.order_by(py)?.iter().map(|o| crate::sqlalchemy::expression::retabled(o, &target.table_name, &alias)).collect();
                        state.eager.push(EagerJoin { spec, target, alias, on: and(on), inner, collection, order_by, existing: false });
                    }
                }
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The execution options of a SELECT the lab follows (`populate_existing`, `autoflush`); others
/// would change what runs, and are refused by name.
pub fn execution_options(py: &mut Interpreter, state: &mut SelectState, options: &[(String, Obj)]) -> Res<()> {
    for (name, value) in options {
        match name.as_str() {
            "populate_existing" => state.populate_existing = py.truthy(value)?,
            "autoflush" => state.no_autoflush = !py.truthy(value)?,
            other => return py.stop_not_available(&format!("execution_options({other}=...) of a SELECT (the lab has populate_existing and autoflush)")),
        }
    }
    Ok(())
}

/// The execution options of an INSERT, UPDATE or DELETE the lab follows (`synchronize_session`).
pub fn dml_execution_options(py: &mut Interpreter, state: &mut DmlState, options: &[(String, Obj)]) -> Res<()> {
    for (name, value) in options {
        match name.as_str() {
            "synchronize_session" => state.synchronize = Some(value.clone()),
            other => return py.stop_not_available(&format!("execution_options({other}=...)")),
        }
    }
    Ok(())
}

/// The table a `select_from()` / `correlate_except()` argument names: a mapped class's or a
/// `Table`'s; None for anything else.
fn table_named(py: &mut Interpreter, arg: &Obj) -> Res<Option<String>> {
    if let Some(mapper) = mapper_of(py, arg)? {
        return Ok(Some(mapper.table_name.clone()));
    }
    Ok(arg.native::<TableObj>().map(|t| t.name.clone()))
}

/// `union(a, b, …)` and the like: `a` with the others after it.
pub fn compound(py: &mut Interpreter, op: &'static str, selects: &[Obj]) -> Res<Obj> {
    let mut states = Vec::with_capacity(selects.len());
    for select in selects {
        let Some(select) = select.native::<SelectObj>() else { return py.error("TypeError", format!("{}() takes SELECT statements", op.to_lowercase().replace(' ', "_"))) };
        if !select.0.order_by.is_empty() || select.0.limit.is_some() || select.0.offset.is_some() || !select.0.compound.is_empty() {
            return py.stop_not_available("a UNION member with its own ORDER BY, LIMIT or UNION");
        }
        states.push(select.0.clone());
    }
    let mut states = states.into_iter();
    let Some(mut first) = states.next() else { return py.error("TypeError", "a compound SELECT needs at least one SELECT") };
    first.compound.extend(states.map(|s| (op, s)));
    Ok(native(SelectObj(first)))
}

impl Native for SelectObj {
    fn type_name(&self) -> &str {
        if self.0.compound.is_empty() {
            "Select"
        } else {
            "CompoundSelect"
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.selectable.{} object at {:#x}>", self.type_name(), crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let (text, _, names) = self.0.compile_named(false);
        Ok(super::expression::named_binds(&text, &names))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        const METHODS: &[&str] = &[
            "where", "filter", "filter_by", "order_by", "group_by", "having", "limit", "offset", "distinct", "join", "outerjoin", "join_from", "select_from", "add_columns",
            "options", "execution_options", "correlate_except",
        ];
        const COMPOUND: &[(&str, &str)] = &[("union", "UNION"), ("union_all", "UNION ALL"), ("except_", "EXCEPT"), ("except_all", "EXCEPT ALL"), ("intersect", "INTERSECT"), ("intersect_all", "INTERSECT ALL")];
        if let Some((method_name, op)) = COMPOUND.iter().find(|(m, _)| *m == name) {
            let op: &'static str = op;
            return Ok(Some(method(this, method_name, move |py, this, args, _| {
                let mut all = vec![this.clone()];
                all.extend(args);
                compound(py, op, &all)
            })));
        }
        // A compound SELECT is ordered and limited as a whole; the rest is its members'.
        if !self.0.compound.is_empty() && !matches!(name, "order_by" | "limit" | "offset" | "compile" | "subquery" | "cte" | "alias" | "scalar_subquery" | "exists" | "execution_options") {
            return Ok(None);
        }
        if let Some(found) = METHODS.iter().find(|m| **m == name) {
            let name: &'static str = found;
            return Ok(Some(method(this, name, move |py, this, args, kwargs| {
                let Some(select) = this.native::<SelectObj>() else { return Ok(Obj::None) };
                let mut state = select.0.clone();
                select_method(py, &mut state, name, &args, &kwargs)?;
                Ok(native(SelectObj(state)))
            })));
        }
        Ok(match name {
            "compile" => {
                let state = self.0.clone();
                Some(super::expression::compile_method(this, move |_| Ok(state.compile_named(false))))
            }
            "subquery" | "cte" | "alias" => {
                let state = self.0.clone();
                let cte = name == "cte";
                let which: &'static str = if cte { "cte" } else if name == "alias" { "alias" } else { "subquery" };
                Some(crate::sqlalchemy::function(which, move |py, args, kwargs| {
                    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "name") {
                        return py.stop_not_available(&format!("{which}({other}=...)"));
                    }
                    let name = match args.first().or_else(|| kwargs.iter().find(|(k, _)| k == "name").map(|(_, v)| v)) {
                        Some(Obj::Str(name)) => Some(name.to_string()),
                        _ => None,
                    };
                    super::subquery::make(py, &state, name, cte)
                }))
            }
            "scalar_subquery" | "exists" => {
                let state = Rc::new(self.0.clone());
                let exists = name == "exists";
                Some(crate::sqlalchemy::function(if exists { "exists" } else { "scalar_subquery" }, move |_, _, _| {
                    Ok(super::expression::expr(if exists { Sql::Exists(state.clone()) } else { Sql::Subquery(state.clone()) }))
                }))
            }
            _ => None,
        })
    }
}


/// INSERT, UPDATE or DELETE.
#[derive(Clone)]
pub enum DmlKind {
    Insert,
    Update,
    Delete,
}

#[derive(Clone)]
pub struct DmlState {
    pub kind: DmlKind,
    pub table: Obj,
    /// `.values(name="x")`: column name → value; several rows for a multi-VALUES insert.
    pub values: Vec<Vec<(String, Obj)>>,
    pub where_: Vec<Sql>,
    pub returning: Vec<Sql>,
    /// The mapped class the statement was made from (`update(User)`): run in a session, it is an
    /// ORM-enabled statement whose effects the session applies to the objects it holds.
    pub mapper: Option<Rc<crate::sqlalchemy::orm::mapper::Mapper>>,
    /// `execution_options(synchronize_session=…)`: "auto" when not given.
    pub synchronize: Option<Obj>,
    /// Made by `sqlalchemy.dialects.sqlite.insert`: it has `on_conflict_do_…` and `excluded`, and
    /// `str()` writes it as SQLite's dialect does (`?` parameters).
    pub sqlite: bool,
    pub on_conflict: Option<Rc<OnConflict>>,
    /// `insert(t).from_select(["a", "b"], select(...))`: the columns the SELECT's rows fill.
    pub from_select: Option<(Vec<String>, Rc<SelectState>)>,
}

/// SQLite's upsert clause: `ON CONFLICT (sku) DO NOTHING`, or `DO UPDATE SET qty = excluded.qty
/// WHERE …`.
pub struct OnConflict {
    /// `index_elements`: the columns of the unique constraint meant (none: any conflict).
    pub targets: Vec<String>,
    /// `set_` (column name → value or expression) and `where`; None for DO NOTHING.
    pub update: Option<(Vec<(String, Obj)>, Option<Sql>)>,
}

/// `stmt.excluded`: the row an upsert would have inserted, as SQLite names it (`excluded.qty`).
pub struct Excluded {
    table: Obj,
}

impl Native for Excluded {
    fn type_name(&self) -> &str {
        "ReadOnlyColumnCollection"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.base.ReadOnlyColumnCollection object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        let columns = py.get_attr(&self.table, "c")?;
        let column = py.get_attr(&columns, name)?;
        let table_name: Rc<str> = Rc::from(self.table.native::<TableObj>().map_or("", |t| t.name.as_str()));
        match as_sql(py, &column)? {
            Some(sql) => super::expression::grown(py, super::expression::retabled(&sql, &table_name, &Rc::from("excluded"))).map(Some),
            None => Ok(None),
        }
    }
    fn get_item(&self, py: &mut Interpreter, this: &Obj, key: &Obj) -> Option<Res<Obj>> {
        let Obj::Str(name) = key else { return None };
        match self.get_attr(py, this, name) {
            Ok(Some(column)) => Some(Ok(column)),
            Ok(None) => None,
            Err(raised) => Some(Err(raised)),
        }
    }
}

/// `sqlalchemy.dialects.sqlite.insert(table)`: an INSERT with SQLite's upsert clauses.
pub fn sqlite_insert(py: &mut Interpreter, arg: Option<&Obj>) -> Res<Obj> {
    let (table, mapper) = dml_target(py, arg, "insert")?;
    Ok(native(DmlObj(DmlState { sqlite: true, ..DmlState::new(DmlKind::Insert, table, mapper) })))
}

/// `on_conflict_do_update(index_elements=, set_=, where=)` / `on_conflict_do_nothing(index_elements=)`.
fn on_conflict(py: &mut Interpreter, update: bool, kwargs: &[(String, Obj)]) -> Res<OnConflict> {
    for (key, _) in kwargs {
        let known = matches!(key.as_str(), "index_elements") || (update && matches!(key.as_str(), "set_" | "where"));
        if !known {
            return py.stop_not_available(&format!("on_conflict_do_{}({key}=...)", if update { "update" } else { "nothing" }));
        }
    }
    let mut targets = Vec::new();
    if let Some(elements) = kwarg(kwargs, "index_elements").filter(|e| !matches!(e, Obj::None)) {
        for element in py.iterate(elements)? {
            match (&element, as_sql(py, &element)?) {
                (Obj::Str(name), _) => targets.push(name.to_string()),
                (_, Some(Sql::Column { name, .. })) => targets.push(name.to_string()),
                _ => {
                    let shown = py.repr_of(&element)?;
                    return raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Column expression expected, got {shown}"));
                }
            }
        }
    }
    if !update {
        return Ok(OnConflict { targets, update: None });
    }
    let sets = match kwarg(kwargs, "set_") {
        Some(set @ Obj::Dict(d)) => {
            if d.borrow().is_empty() {
                return py.error("ValueError", "set parameter dictionary must not be empty");
            }
            dict_items(py, set)?
        }
        _ => return py.error("ValueError", "set parameter must be a non-empty dictionary or a ColumnCollection such as the `.c.` collection of a Table object"),
    };
    let where_ = match kwarg(kwargs, "where").filter(|w| !matches!(w, Obj::None)) {
        Some(criterion) => Some(condition(py, criterion)?),
        None => None,
    };
    Ok(OnConflict { targets, update: Some((sets, where_)) })
}

pub struct DmlObj(pub DmlState);

pub fn dml(kind: DmlKind, table: Obj, mapper: Option<Rc<crate::sqlalchemy::orm::mapper::Mapper>>) -> Obj {
    native(DmlObj(DmlState::new(kind, table, mapper)))
}

pub fn insert_into(table: Obj) -> Obj {
    dml(DmlKind::Insert, table, None)
}
pub fn update_of(table: Obj) -> Obj {
    dml(DmlKind::Update, table, None)
}
pub fn delete_from(table: Obj) -> Obj {
    dml(DmlKind::Delete, table, None)
}

/// SQLAlchemy's error for a `bindparam()` the execution gave no value (in the `group`th
/// parameter set of an executemany). `params`: the parameter sets as the message lists them
/// (`[{}]` from a session), or None.
pub fn missing_parameter<T>(py: &mut Interpreter, name: &str, sql: &str, params: Obj, group: Option<usize>) -> Res<T> {
    let exc = py.import("sqlalchemy.exc")?;
    let make = py.get_attr(&exc, "_missing_parameter")?;
    let group = group.map_or(Obj::None, |g| Obj::Int(g as i64));
    let value = py.call(make, vec![Obj::str(name), Obj::str(sql), params, group], Vec::new())?;
    py.raise(value)
}

/// `insert(…)`, `update(…)` or `delete(…)` of a table or a mapped class.
pub fn dml_of(py: &mut Interpreter, kind: DmlKind, arg: Option<&Obj>, what: &str) -> Res<Obj> {
    let (table, mapper) = dml_target(py, arg, what)?;
    Ok(dml(kind, table, mapper))
}

/// The table a DML statement's argument names (a table or a mapped class), and the class's mapper.
fn dml_target(py: &mut Interpreter, arg: Option<&Obj>, what: &str) -> Res<(Obj, Option<Rc<crate::sqlalchemy::orm::mapper::Mapper>>)> {
    let Some(arg) = arg else { return py.error("TypeError", format!("{what}() missing 1 required positional argument: 'table'")) };
    if arg.native::<TableObj>().is_some() {
        return Ok((arg.clone(), None));
    }
    match mapper_of(py, arg)? {
        Some(mapper) => Ok((mapper.table.clone(), Some(mapper))),
        None => {
            let shown = py.repr_of(arg)?;
            raise(py, "sqlalchemy.exc", "ArgumentError", &format!("subject table for an INSERT, UPDATE or DELETE expected, got {shown}."))
        }
    }
}

impl DmlState {
    /// A statement with nothing but its kind, its table and the class it was made from.
    pub fn new(kind: DmlKind, table: Obj, mapper: Option<Rc<crate::sqlalchemy::orm::mapper::Mapper>>) -> DmlState {
        DmlState { kind, table, values: Vec::new(), where_: Vec::new(), returning: Vec::new(), mapper, synchronize: None, sqlite: false, on_conflict: None, from_select: None }
    }

    fn table_name(&self) -> String {
        self.table.native::<TableObj>().map(|t| t.name.clone()).unwrap_or_default()
    }

    /// The row `str()` and `compile()` show: the values given, else a parameter for each column
    /// (a DELETE has none).
    fn display_row(&self) -> Vec<(String, Obj)> {
        self.values.first().cloned().unwrap_or_else(|| match self.kind {
            DmlKind::Delete => Vec::new(),
            _ => self.column_order().into_iter().map(|n| (n, Obj::Int(0))).collect(),
        })
    }

    pub fn column_order(&self) -> Vec<String> {
        self.table.native::<TableObj>().map(|t| t.specs().into_iter().filter_map(|s| s.name).collect()).unwrap_or_default()
    }

    /// The SQL for one set of values (column name → value), in the table's column order.
    pub fn compile(&self, py: &mut Interpreter, row: &[(String, Obj)]) -> Res<(String, Vec<Value>)> {
        self.compile_named(py, row, true).map(|(t, p, _)| (t, p))
    }

    /// The names of the `bindparam()`s the statement holds.
    pub fn param_names(&self, py: &mut Interpreter) -> Res<Vec<Rc<str>>> {
        let row = self.values.first().cloned().unwrap_or_default();
        Ok(self.compile_full(py, &row, false, false, Rc::from(Vec::new()))?.3)
    }

    /// The SQL for one row of an execution: its items naming a `bindparam()` fill that, the rest
    /// are column values. `many`: the row is one of several executed together ("executemany").
    pub fn compile_execution(&self, py: &mut Interpreter, row: &[(String, Obj)], names: &[Rc<str>], many: bool) -> Res<(String, Vec<Value>)> {
        let mut columns = Vec::new();
        let mut supplied = Vec::new();
        for (key, value) in row {
            if names.iter().any(|n| **n == **key) {
                supplied.push((key.clone(), super::convert::to_value(py, value)?));
            } else {
                columns.push((key.clone(), value.clone()));
            }
        }
        let (text, params, _, _, missing) = self.compile_full(py, &columns, true, many, Rc::from(supplied))?;
        if let Some(name) = missing {
            return missing_parameter(py, &name, &text, Obj::None, None);
        }
        Ok((text, params))
    }

    /// The statement's text, parameters and their names. `executing`: the statement runs now, so
    /// a column's callable default is called; `str()` shows a parameter for it instead.
    pub fn compile_named(&self, py: &mut Interpreter, row: &[(String, Obj)], executing: bool) -> Res<(String, Vec<Value>, Vec<(String, bool)>)> {
        let (text, params, names, _, _) = self.compile_full(py, row, executing, false, Rc::from(Vec::new()))?;
        Ok((text, params, names))
    }

    #[allow(clippy::type_complexity)]
    fn compile_full(&self, py: &mut Interpreter, row: &[(String, Obj)], executing: bool, many: bool, supplied: Rc<[(String, Value)]>) -> Res<(String, Vec<Value>, Vec<(String, bool)>, Vec<Rc<str>>, Option<Rc<str>>)> {
        let order = self.column_order();
        let specs = self.table.native::<TableObj>().map(TableObj::specs).unwrap_or_default();
        let type_of = |name: &str| specs.iter().find(|s| s.name.as_deref() == Some(name)).and_then(|s| s.sql_type.clone());
        let mut c = Compiler { display: !executing && !self.sqlite, supplied, ..Compiler::default() };
        let table = c.quote(&self.table_name());
        // An INSERT fills the columns it was not given that have a `default=`, an UPDATE those
        // with an `onupdate=`, as SQLAlchemy's Core does (see convert::column_default).
        let mut defaults: Vec<(String, Obj)> = Vec::new();
        if matches!(self.kind, DmlKind::Insert | DmlKind::Update) {
            for spec in &specs {
                let default = if matches!(self.kind, DmlKind::Insert) { spec.default.clone() } else { spec.onupdate.clone() };
                let (Some(name), Some(default)) = (spec.name.clone(), default) else { continue };
                if row.iter().any(|(k, _)| *k == name) {
                    continue;
                }
                let value = if executing || default.native::<super::expression::ExprObj>().is_some() { super::convert::column_default(py, &default)? } else { Obj::Int(0) };
                defaults.push((name, value));
            }
        }
        let mut given: Vec<(String, &Obj)> = Vec::new();
        for name in &order {
            if let Some((_, v)) = row.iter().find(|(k, _)| k == name).or_else(|| defaults.iter().find(|(k, _)| k == name)) {
                given.push((name.clone(), v));
            }
        }
        for (k, _) in row {
            if !order.contains(k) {
                return raise(py, "sqlalchemy.exc", "CompileError", &format!("Unconsumed column names: {k}"));
            }
        }
        let mut text = match self.kind {
            DmlKind::Insert if self.from_select.is_some() => {
                let Some((names, select)) = &self.from_select else { return py.error("TypeError", "from_select() needs a SELECT") };
                if let Some((name, _)) = defaults.iter().find(|(name, _)| !names.contains(name)) {
                    return py.stop_not_available(&format!("insert().from_select() into a table whose column '{name}' has a default= it leaves out"));
                }
                let columns: Vec<String> = names.iter().map(|n| c.quote(n)).collect();
                let select_sql = select.compile_into(&mut c);
                if !c.ctes.is_empty() {
                    return py.stop_not_available("insert().from_select() of a SELECT that uses a CTE");
                }
                format!("INSERT INTO {table} ({}) {select_sql}", columns.join(", "))
            }
            DmlKind::Insert => {
                let names: Vec<String> = given.iter().map(|(n, _)| c.quote(n)).collect();
                let mut marks = Vec::new();
                for (name, value) in &given {
                    let sql = value_sql(py, value, type_of(name).as_ref())?;
                    c.near = Some((Rc::from(name.as_str()), false));
                    marks.push(c.expr(&sql));
                    c.near = None;
                }
                let mut text = if names.is_empty() {
                    // Executed many, SQLAlchemy's compiler gives a value-less row the first
                    // column and SQLite's default token, so that the rows can share one statement.
                    match order.first().filter(|_| many) {
                        Some(first) => format!("INSERT INTO {table} ({}) VALUES (NULL)", c.quote(first)),
                        None => format!("INSERT INTO {table} DEFAULT VALUES"),
                    }
                } else {
                    format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", "))
                };
                if let Some(conflict) = &self.on_conflict {
                    let targets: Vec<String> = conflict.targets.iter().map(|t| c.quote(t)).collect();
                    let target = if targets.is_empty() { String::new() } else { format!(" ({})", targets.join(", ")) };
                    match &conflict.update {
                        None => text.push_str(&format!(" ON CONFLICT{target} DO NOTHING")),
                        Some((sets, where_)) => {
                            // SET in the table's column order, each value grouped as SQLite's
                            // dialect writes it: `qty = (stock.qty + excluded.qty)`.
                            let mut assignments = Vec::new();
                            for name in &order {
                                let Some((_, value)) = sets.iter().find(|(k, _)| k == name) else { continue };
                                let sql = value_sql(py, value, type_of(name).as_ref())?;
                                c.near = Some((Rc::from(name.as_str()), false));
                                let quoted = c.quote(name);
                                assignments.push(format!("{quoted} = {}", c.expr(&sql)));
                                c.near = None;
                            }
                            text.push_str(&format!(" ON CONFLICT{target} DO UPDATE SET {}", assignments.join(", ")));
                            if let Some(where_) = where_ {
                                text.push_str(&format!(" WHERE {}", c.expr(where_)));
                            }
                        }
                    }
                }
                text
            }
            DmlKind::Update => {
                let mut sets = Vec::new();
                for (name, value) in &given {
                    let sql = value_sql(py, value, type_of(name).as_ref())?;
                    c.near = Some((Rc::from(name.as_str()), false));
                    let quoted = c.quote(name);
                    sets.push(format!("{quoted}={}", c.expr(&sql)));
                    c.near = None;
                }
                format!("UPDATE {table} SET {}", sets.join(", "))
            }
            DmlKind::Delete => format!("DELETE FROM {table}"),
        };
        if !self.where_.is_empty() {
            let cond = c.expr(&and(self.where_.clone()));
            text.push_str(&format!(" WHERE {cond}"));
        }
        if !self.returning.is_empty() {
            // The statement's own table's columns by name alone, as SQLAlchemy's SQLite dialect
            // writes RETURNING; printed by the default compiler, qualified.
            c.unqualified = !c.display;
            let items: Vec<String> = self
                .returning
                .iter()
                .map(|r| match r {
                    Sql::Label { expr, name } => format!("{} AS {}", c.expr(expr), c.quote(name)),
                    other => c.expr(other),
                })
                .collect();
            c.unqualified = false;
            text.push_str(&format!(" RETURNING {}", items.join(", ")));
        }
        let missing = c.missing.first().cloned();
        Ok((text, c.params, c.names, c.param_names, missing))
    }
}

impl Native for DmlObj {
    fn type_name(&self) -> &str {
        match self.0.kind {
            DmlKind::Insert => "Insert",
            DmlKind::Update => "Update",
            DmlKind::Delete => "Delete",
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        let module = "dml";
        Ok(format!("<sqlalchemy.sql.{module}.{} object at {:#x}>", self.type_name(), crate::interp::object::identity(this)))
    }
    fn str(&self, py: &mut Interpreter, _this: &Obj) -> Res<String> {
        let (text, _, names) = self.0.compile_named(py, &self.0.display_row(), false)?;
        if self.0.sqlite {
            return Ok(text);
        }
        Ok(super::expression::named_binds(&text, &names))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        if self.0.sqlite {
            match name {
                "excluded" => return Ok(Some(native(Excluded { table: self.0.table.clone() }))),
                "on_conflict_do_update" | "on_conflict_do_nothing" => {
                    let update = name == "on_conflict_do_update";
                    return Ok(Some(method(this, if update { "on_conflict_do_update" } else { "on_conflict_do_nothing" }, move |py, this, args, kwargs| {
                        if !args.is_empty() {
                            return py.stop_not_available("on_conflict_do_…() with positional arguments (a constraint name)");
                        }
                        let Some(stmt) = this.native::<DmlObj>() else { return Ok(this.clone()) };
                        let mut state = stmt.0.clone();
                        state.on_conflict = Some(Rc::new(on_conflict(py, update, &kwargs)?));
                        Ok(native(DmlObj(state)))
                    })));
                }
                _ => {}
            }
        }
        if name == "compile" {
            let state = self.0.clone();
            return Ok(Some(super::expression::compile_method(this, move |py| {
                // Without values, each column is a parameter of no value yet.
                let unvalued = state.values.is_empty() && !matches!(state.kind, DmlKind::Delete);
                let (text, mut values, names) = state.compile_named(py, &state.display_row(), false)?;
                if unvalued {
                    values.iter_mut().for_each(|v| *v = Value::Null);
                }
                Ok((text, values, names))
            })));
        }
        if name == "execution_options" {
            // synchronize_session: how a session applies the statement to the objects it holds
            // (orm/evaluator.rs); other options are not here.
            return Ok(Some(method(this, "execution_options", |py, this, args, kwargs| {
                if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "synchronize_session") {
                    return py.stop_not_available(&format!("execution_options({other}=...)"));
                }
                if !args.is_empty() {
                    return py.error("TypeError", "execution_options() takes 1 positional argument but 2 were given");
                }
                let Some(stmt) = this.native::<DmlObj>() else { return Ok(this.clone()) };
                let mut state = stmt.0.clone();
                dml_execution_options(py, &mut state, &kwargs)?;
                Ok(native(DmlObj(state)))
            })));
        }
        if name == "from_select" && matches!(self.0.kind, DmlKind::Insert) {
            return Ok(Some(method(this, "from_select", |py, this, args, kwargs| {
                let (Some(names), Some(select)) = (args.first().or_else(|| kwarg(&kwargs, "names")), args.get(1).or_else(|| kwarg(&kwargs, "select"))) else {
                    return py.error("TypeError", "Insert.from_select() missing 2 required positional arguments: 'names' and 'select'");
                };
                let Some(select) = select.native::<SelectObj>() else { return py.stop_not_available("insert().from_select() of anything but a select()") };
                let mut columns = Vec::new();
                for name in py.iterate(names)? {
                    columns.push(match &name {
                        Obj::Str(s) => s.to_string(),
                        other => match as_sql(py, other)? {
                            Some(Sql::Column { name, .. }) => name.to_string(),
                            _ => return py.error("TypeError", "from_select() takes column names or columns"),
                        },
                    });
                }
                let Some(stmt) = this.native::<DmlObj>() else { return Ok(this.clone()) };
                let mut state = stmt.0.clone();
                state.from_select = Some((columns, Rc::new(select.0.clone())));
                Ok(native(DmlObj(state)))
            })));
        }
        let name: &'static str = match name {
            "values" => "values",
            "where" => "where",
            "filter" => "filter",
            "returning" => "returning",
            _ => return Ok(None),
        };
        Ok(Some(method(this, name, move |py, this, args, kwargs| {
            let Some(stmt) = this.native::<DmlObj>() else { return Ok(Obj::None) };
            let mut state = stmt.0.clone();
            match name {
                "values" => match args.first() {
                    Some(Obj::List(rows)) => {
                        let rows = rows.borrow().clone();
                        for row in rows {
                            state.values.push(dict_items(py, &row)?);
                        }
                    }
                    Some(Obj::Dict(_)) => state.values.push(dict_items(py, &args[0])?),
                    _ => state.values.push(kwargs.clone()),
                },
                "returning" => {
                    for arg in &args {
                        for item in selected(py, arg)? {
                            match item {
                                Selected::Column(sql) => state.returning.push(sql),
                                Selected::Entity(mapper) | Selected::Aliased(mapper, ..) => state.returning.extend(mapper.columns.iter().map(|c| c.sql.clone())),
                            }
                        }
                    }
                }
                _ => {
                    for arg in &args {
                        let sql = condition(py, arg)?;
                        state.where_.push(sql);
                    }
                }
            }
            Ok(native(DmlObj(state)))
        })))
    }
}

/// A value an INSERT or UPDATE sets: an SQL expression as written (`users.age + 1`), anything
/// else bound as a parameter (None too: `NULL` goes as a bound value).
/// The column's type decides how a value binds (a `JSON` column's dict goes as its JSON text).
fn value_sql(py: &mut Interpreter, value: &Obj, sql_type: Option<&crate::schema::SqlType>) -> Res<Sql> {
    match as_sql(py, value)? {
        // An expression as a value is grouped: `age=(staff.age + ?)`.
        Some(sql @ Sql::Binary { .. }) => Ok(Sql::Group(Box::new(sql))),
        Some(sql) => Ok(sql),
        None => Ok(Sql::Bind(super::convert::to_value_as(py, value, sql_type)?)),
    }
}

/// A dict's items as (name, value), the keys as strings (column names or columns).
pub fn dict_items(py: &mut Interpreter, dict: &Obj) -> Res<Vec<(String, Obj)>> {
    let Obj::Dict(d) = dict else {
        let shown = py.repr_of(dict)?;
        return py.error("TypeError", format!("a dict of column values is expected, got {shown}"));
    };
    let items: Vec<(Obj, Obj)> = d.borrow().items().cloned().collect();
    let mut out = Vec::new();
    for (k, v) in items {
        let name = match &k {
            Obj::Str(s) => s.to_string(),
            other => match as_sql(py, other)? {
                Some(Sql::Column { name, .. }) => name.to_string(),
                _ => return py.error("TypeError", "column names must be strings"),
            },
        };
        out.push((name, v));
    }
    Ok(out)
}

/// `text("SELECT * FROM users WHERE id = :id")`: SQL as written, `:name` binds.
pub struct TextClause {
    pub sql: String,
    pub bound: Vec<(String, Obj)>,
}

impl TextClause {
    /// The SQL with `?` for each `:name`, and the values for them from `params` (or `bindparams`).
    pub fn compile(&self, py: &mut Interpreter, params: &[(String, Obj)]) -> Res<(String, Vec<Value>)> {
        self.compile_group(py, params, None)
    }

    /// The SQL for one parameter set; `many`: it is the `group`th of the `sets` an executemany
    /// was given (which a missing parameter's error names and lists).
    pub fn compile_group(&self, py: &mut Interpreter, params: &[(String, Obj)], many: Option<(usize, &Obj)>) -> Res<(String, Vec<Value>)> {
        let mut out = String::new();
        let mut names = Vec::new();
        let chars: Vec<char> = self.sql.chars().collect();
        let mut i = 0;
        let mut quote: Option<char> = None;
        while i < chars.len() {
            let ch = chars[i];
            if let Some(q) = quote {
                out.push(ch);
                if ch == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = Some(ch);
                out.push(ch);
                i += 1;
                continue;
            }
            let after_colon = i > 0 && chars[i - 1] == ':';
            if ch == ':' && !after_colon && chars.get(i + 1).is_some_and(|c| c.is_alphabetic() || *c == '_') {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
                    end += 1;
                }
                names.push(chars[start..end].iter().collect::<String>());
                out.push('?');
                i = end;
                continue;
            }
            if ch == '\\' && chars.get(i + 1) == Some(&':') {
                out.push(':');
                i += 2;
                continue;
            }
            out.push(ch);
            i += 1;
        }
        let mut values = Vec::new();
        for name in &names {
            let value = params.iter().chain(self.bound.iter()).find(|(k, _)| k == name).map(|(_, v)| v.clone());
            let Some(value) = value else {
                // SQLAlchemy's words, with the statement and the parameters given.
                let given = if let Some((_, sets)) = many {
                    sets.clone()
                } else if params.is_empty() {
                    Obj::None
                } else {
                    let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
                    for (k, v) in params {
                        py.set_item(&dict, Obj::str(k), v.clone())?;
                    }
                    Obj::list(vec![dict])
                };
                return missing_parameter(py, name, &out, given, many.map(|(group, _)| group));
            };
            values.push(to_value(py, &value)?);
        }
        Ok((out, values))
    }
}

impl Native for TextClause {
    fn type_name(&self) -> &str {
        "TextClause"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.elements.TextClause object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(self.sql.clone())
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "text" => Some(Obj::str(&self.sql)),
            "bindparams" => Some(method(this, "bindparams", |_, this, _, kwargs| {
                let Some(text) = this.native::<TextClause>() else { return Ok(Obj::None) };
                let mut bound = text.bound.clone();
                bound.extend(kwargs);
                Ok(native(TextClause { sql: text.sql.clone(), bound }))
            })),
            _ => None,
        })
    }
}

pub fn text_call(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    match args.first() {
        Some(Obj::Str(sql)) => Ok(native(TextClause { sql: sql.to_string(), bound: Vec::new() })),
        _ => py.error("TypeError", "text() argument must be a string of SQL"),
    }
}

/// Whether a value is something `execute()` can run.
pub fn is_statement(value: &Obj) -> bool {
    value.native::<SelectObj>().is_some() || value.native::<DmlObj>().is_some() || value.native::<TextClause>().is_some()
}

