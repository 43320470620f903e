//! SQL expressions built by Python operators (`User.id == 5`, `and_(…)`, `func.count()`,
//! `User.name.in_([…])`) and compiled to SQLite's SQL text exactly as SQLAlchemy writes it, with
//! `?` placeholders and the parameters in order.

use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::schema::SqlType;
use crate::value::Value;

use super::convert::{function, native, to_value};

/// One SQL expression.
#[derive(Clone)]
pub enum Sql {
    /// `users.name`: a table's column.
    Column { table: Rc<str>, name: Rc<str>, sql_type: Option<SqlType> },
    /// A bound parameter (`?`).
    Bind(Value),
    Null,
    True,
    False,
    /// `left OP right` for comparisons and arithmetic.
    Binary { left: Box<Sql>, op: &'static str, right: Box<Sql> },
    /// `x IN (?, ?)`, `(x NOT IN (?, ?))`.
    In { expr: Box<Sql>, items: Vec<Sql>, negated: bool },
    /// `(x LIKE ? || '%')` and friends, always parenthesized as SQLAlchemy does.
    /// `lowered`: `icontains` and friends, both sides in `lower()`.
    Pattern { expr: Box<Sql>, pattern: Box<Sql>, before: bool, after: bool, negated: bool, lowered: bool },
    Between { expr: Box<Sql>, low: Box<Sql>, high: Box<Sql> },
    And(Vec<Sql>),
    Or(Vec<Sql>),
    Not(Box<Sql>),
    /// `count(users.id)`; `count(*)` with no arguments.
    Func { name: Rc<str>, args: Vec<Sql> },
    Label { expr: Box<Sql>, name: Rc<str> },
    Order { expr: Box<Sql>, descending: bool },
    /// SQL written by hand (`text("…")` inside an expression).
    Text(Rc<str>),
    Distinct(Box<Sql>),
    /// `(expr)`: an expression used as a value.
    Group(Box<Sql>),
    /// `CASE WHEN (cond) THEN ? … ELSE ? END`, or `CASE x WHEN ? THEN ? … END` with a value.
    Case { value: Option<Box<Sql>>, whens: Vec<(Sql, Sql)>, otherwise: Option<Box<Sql>> },
    /// `(SELECT …)`: a SELECT used as a value (`scalar_subquery()`) or after `IN`.
    Subquery(Rc<super::statement::SelectState>),
    /// `EXISTS (SELECT * FROM …)`.
    Exists(Rc<super::statement::SelectState>),
    /// `CAST(users.score AS VARCHAR)`.
    Cast { expr: Box<Sql>, to: SqlType },
    /// `users.score DESC NULLS LAST`.
    Nulls { expr: Box<Sql>, first: bool },
    /// `literal_column("42")`: SQL text standing as a column, never labelled.
    Literal(Rc<str>),
    /// A hybrid attribute's expression (`Person.full`): named like a label in a SELECT's columns,
    /// otherwise the expression it stands for.
    Proxy { expr: Box<Sql>, name: Rc<str> },
    /// `-users.score`.
    Neg(Box<Sql>),
    /// `bindparam("name")`: a parameter whose value the execution supplies by name (or its own).
    Param(Rc<str>, Option<Value>),
    /// A parameter named `param_N` whatever it stands beside: a related object's key that a
    /// relationship comparison binds (`:param_1 = posts.author_id`).
    Anonymous(Value),
    /// A string in ORDER BY or GROUP BY (`desc("count")`): the label or column of that name
    /// among the SELECT's columns, found when the SELECT takes it.
    LabelReference(Rc<str>),
    /// `rank() OVER (PARTITION BY … ORDER BY … ROWS BETWEEN …)`: a window function.
    Over { func: Box<Sql>, partition_by: Vec<Sql>, order_by: Vec<Sql>, frame: Option<Frame> },
}

/// A window's frame: `ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`.
#[derive(Clone)]
pub struct Frame {
    /// `ROWS`, `RANGE` or `GROUPS`.
    pub unit: &'static str,
    pub start: FrameBound,
    pub end: FrameBound,
}

/// One end of a frame, as `over(rows=(-2, None))` gives it: a negative number is that many rows
/// before, 0 the current row, `None` unbounded.
#[derive(Clone, Copy)]
pub enum FrameBound {
    Unbounded,
    Current,
    Preceding(i64),
    Following(i64),
}

/// `sql` with the columns of table `from` read from `to` instead (an alias of it): a
/// relationship's `order_by` in a joined eager load (`ORDER BY notes_1.id`).
/// The table of a column a class body refers to before its class is mapped (`firstname +
/// " x"` in a `column_property()`): the column is named by its object, until the mapping puts
/// its table's column in its place.
pub const UNBOUND: &str = "\u{1}";

pub fn retabled(sql: &Sql, from: &str, to: &Rc<str>) -> Sql {
    let again = |inner: &Sql| Box::new(retabled(inner, from, to));
    match sql {
        Sql::Column { table, name, sql_type } if &**table == from => Sql::Column { table: to.clone(), name: name.clone(), sql_type: sql_type.clone() },
        Sql::Order { expr, descending } => Sql::Order { expr: again(expr), descending: *descending },
        Sql::Nulls { expr, first } => Sql::Nulls { expr: again(expr), first: *first },
        Sql::Binary { left, op, right } => Sql::Binary { left: again(left), op, right: again(right) },
        Sql::Func { name, args } => Sql::Func { name: name.clone(), args: args.iter().map(|a| retabled(a, from, to)).collect() },
        Sql::Label { expr, name } => Sql::Label { expr: again(expr), name: name.clone() },
        Sql::Group(inner) => Sql::Group(again(inner)),
        Sql::Distinct(inner) => Sql::Distinct(again(inner)),
        Sql::Neg(inner) => Sql::Neg(again(inner)),
        Sql::Cast { expr, to: sql_type } => Sql::Cast { expr: again(expr), to: sql_type.clone() },
        other => other.clone(),
    }
}

/// An operator's precedence, SQLAlchemy's (sql/operators.py): an operand whose own operator
/// binds no tighter than the one applied to it is parenthesized.
fn op_precedence(op: &str) -> u8 {
    match op {
        "*" | "/" | "//" | "%" | "NEG" => 8,
        "+" | "-" => 7,
        "AND" => 3,
        "OR" => 2,
        // EXISTS binds loosest of all: `(EXISTS (…)) OR …`.
        "EXISTS" => 0,
        // `||`, comparisons, IS, LIKE, IN, BETWEEN, NOT.
        _ => 5,
    }
}

/// The operator at the top of an expression, for grouping; `None` for what never needs
/// parentheses (a column, a function, a literal).
fn top_operator(sql: &Sql) -> Option<&'static str> {
    match sql {
        Sql::Binary { op, .. } => Some(op),
        Sql::Neg(_) => Some("NEG"),
        Sql::And(_) => Some("AND"),
        Sql::Or(_) => Some("OR"),
        Sql::Not(_) => Some("NOT"),
        Sql::In { .. } => Some("IN"),
        Sql::Between { .. } => Some("BETWEEN"),
        Sql::Exists(_) => Some("EXISTS"),
        Sql::Proxy { expr, .. } => top_operator(expr),
        _ => None,
    }
}

/// Whether `sql`, an operand of `against`, is parenthesized: SQLAlchemy's `is_precedent`, where
/// `(a + b) + c` stays `a + b + c` (an associative operator) but `(a - b) - c` keeps them.
fn needs_group(sql: &Sql, against: &str) -> bool {
    let Some(op) = top_operator(sql) else { return false };
    if op == against && matches!(op, "+" | "*" | "||" | "AND" | "OR") {
        return false;
    }
    op_precedence(op) <= op_precedence(against)
}

/// Column types an arithmetic result can have, as SQLAlchemy's `Integer` / `Numeric` adapt them.
static INTEGER: SqlType = SqlType::Integer;
static NUMERIC: SqlType = SqlType::Numeric(None);
static DOUBLE: SqlType = SqlType::Double;

/// The type of `func.name(args)` as SQLAlchemy's registered functions give it (names in any
/// case): `max`, `min`, `sum`, `coalesce` and `pow` take their first typed argument's (a
/// `Numeric` column's sum is a `Decimal`, a `DateTime`'s max a `datetime`); `now()` is a
/// `DateTime`; `count()` and the ranks are integers. Other functions have no type: their values
/// come back as SQLite gives them.
fn function_type<'a>(name: &str, args: &'a [Sql]) -> Option<&'a SqlType> {
    let is = |candidates: &[&str]| candidates.iter().any(|c| name.eq_ignore_ascii_case(c));
    if is(&["max", "min", "sum", "coalesce", "pow"]) {
        args.iter().find_map(Sql::sql_type)
    } else if is(&["now", "current_timestamp", "localtimestamp", "localtime", "sysdate"]) {
        Some(&SqlType::DateTime)
    } else if is(&["current_date"]) {
        Some(&SqlType::Date)
    } else if is(&["current_time"]) {
        Some(&SqlType::Time)
    } else if is(&["count", "rank", "dense_rank", "char_length"]) {
        Some(&INTEGER)
    } else {
        None
    }
}

pub(crate) fn is_integer(t: &SqlType) -> bool {
    matches!(t.base(), SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger)
}

pub(crate) fn is_numeric(t: &SqlType) -> bool {
    matches!(t.base(), SqlType::Numeric(_) | SqlType::Float | SqlType::Double)
}

/// The type of `left op right` for arithmetic on numbers (SQLAlchemy's `_expression_adaptations`):
/// an integer with an integer stays one, except that `/` gives `Numeric`; an integer with a
/// `Numeric`, `Float` or `Double` takes that type; those keep their own with either.
fn arithmetic_type<'a>(left: Option<&'a SqlType>, op: &str, right: Option<&'a SqlType>) -> Option<&'a SqlType> {
    let (l, r) = (left?, right?);
    if !(is_integer(r) || is_numeric(r)) {
        return None;
    }
    if is_integer(l) {
        return match (op, is_integer(r)) {
            ("/", true) => Some(&NUMERIC),
            (_, true) | ("//", _) => Some(l),
            _ => Some(r),
        };
    }
    is_numeric(l).then_some(l)
}

impl Sql {
    /// The name a column of a SELECT is known by (`users.id` → `id`), for rows and labels.
    pub fn key(&self) -> Option<Rc<str>> {
        match self {
            Sql::Column { table, .. } if &**table == UNBOUND => None,
            Sql::Column { name, .. } => Some(name.clone()),
            Sql::Label { name, .. } | Sql::Proxy { name, .. } => Some(name.clone()),
            Sql::Cast { expr, .. } => expr.key(),
            Sql::Literal(text) => Some(text.clone()),
            _ => None,
        }
    }

    /// What a parameter compared with this expression by IN, LIKE or BETWEEN is named after: the
    /// column's name; a hybrid's own name is not used.
    fn compared_key(&self) -> Option<Rc<str>> {
        match self {
            Sql::Proxy { expr, .. } => expr.compared_key(),
            other => other.key(),
        }
    }

    /// The column a parameter next to this expression is named after (`lower(users.name)` → `name`).
    pub fn bind_key(&self) -> Option<Rc<str>> {
        match self {
            Sql::Func { args, .. } => args.first().and_then(Sql::bind_key),
            // A hybrid's parameters are named after what it stands for, not after the hybrid.
            Sql::Proxy { expr, .. } => expr.bind_key(),
            other => other.key(),
        }
    }

    pub fn sql_type(&self) -> Option<&SqlType> {
        match self {
            Sql::Column { sql_type, .. } => sql_type.as_ref(),
            Sql::Label { expr, .. } | Sql::Proxy { expr, .. } | Sql::Neg(expr) => expr.sql_type(),
            Sql::Cast { to, .. } => Some(to),
            // A bound number is typed by its Python type (`int` → Integer, `float` → Double).
            Sql::Bind(Value::Integer(_)) => Some(&INTEGER),
            Sql::Bind(Value::Real(_)) => Some(&DOUBLE),
            Sql::Binary { left, op: op @ ("+" | "-" | "*" | "/" | "//" | "%"), right } => arithmetic_type(left.sql_type(), op, right.sql_type()),
            // A comparison is a Boolean: selected, its 1 or 0 reads back as True or False.
            Sql::Binary { op: "=" | "!=" | "<" | "<=" | ">" | ">=" | "IS" | "IS NOT" | "LIKE" | "NOT LIKE", .. } | Sql::In { .. } | Sql::Pattern { .. } | Sql::And(_) | Sql::Or(_) => {
                Some(&SqlType::Boolean)
            }
            Sql::Not(inner) => inner.sql_type(),
            Sql::Func { name, args } => function_type(name, args),
            Sql::Over { func, .. } => func.sql_type(),
            // `EXISTS (…)` is a Boolean: its 1 reads back as True.
            Sql::Exists(_) => Some(&SqlType::Boolean),
            // A scalar subquery has its one column's type.
            Sql::Subquery(select) => select.columns.first().and_then(|c| match c {
                super::statement::Selected::Column(sql) => sql.sql_type(),
                super::statement::Selected::Entity(_) | super::statement::Selected::Aliased(..) => None,
            }),
            _ => None,
        }
    }

    /// `~expr`: SQLAlchemy negates comparisons by their opposite operator.
    pub fn negate(self) -> Sql {
        match self {
            Sql::Binary { left, op, right } => {
                let opposite = match op {
                    "=" => Some("!="),
                    "!=" => Some("="),
                    "<" => Some(">="),
                    ">=" => Some("<"),
                    ">" => Some("<="),
                    "<=" => Some(">"),
                    "IS" => Some("IS NOT"),
                    "IS NOT" => Some("IS"),
                    "LIKE" => Some("NOT LIKE"),
                    "NOT LIKE" => Some("LIKE"),
                    _ => None,
                };
                match opposite {
                    Some(op) => Sql::Binary { left, op, right },
                    None => Sql::Not(Box::new(Sql::Binary { left, op, right })),
                }
            }
            Sql::In { expr, items, negated } => Sql::In { expr, items, negated: !negated },
            Sql::Pattern { expr, pattern, before, after, negated, lowered } => Sql::Pattern { expr, pattern, before, after, negated: !negated, lowered },
            Sql::Not(inner) => *inner,
            other => Sql::Not(Box::new(other)),
        }
    }
}

/// Writes SQL text and collects the parameters in placeholder order.
#[derive(Default)]
pub struct Compiler {
    pub params: Vec<Value>,
    /// What `str(statement)` calls each parameter: the column it is compared with (`id_1`), the
    /// column it sets (`name`, unnumbered), or `param_1`.
    pub names: Vec<(String, bool)>,
    /// The column the bind being compiled goes with, and whether its name is numbered.
    pub near: Option<(Rc<str>, bool)>,
    /// Compiling for `str()`: an IN list is one expanding parameter (`__[POSTCOMPILE_id_1]`).
    pub display: bool,
    /// Anonymous labels given so far (`count_1`, `lower_1`), by function name.
    pub anon: Vec<(Rc<str>, usize)>,
    /// The tables of the enclosing SELECTs, which a subquery correlates to (leaves out of its
    /// FROM) as SQLAlchemy's auto-correlation does.
    pub outer: Vec<String>,
    /// Aliases named so far (`aliased(User)` → `users_1`): placeholder table, name.
    pub aliases: Vec<(String, String)>,
    /// Compiling the SELECT of a subquery or CTE: every column gets its key as a label
    /// (`posts.user_id AS user_id`).
    pub subquery_labels: bool,
    /// The CTEs the statement names, in order, for its `WITH` clause.
    pub ctes: Vec<String>,
    /// Columns by name alone (a compound SELECT's ORDER BY).
    pub unqualified: bool,
    /// The values an execution gives `bindparam()`s, by name.
    pub supplied: Rc<[(String, Value)]>,
    /// The `bindparam()` names met, and those that had no value.
    pub param_names: Vec<Rc<str>>,
    pub missing: Vec<Rc<str>>,
}

impl Compiler {
    /// An identifier as this compiler's dialect quotes it.
    pub fn quote(&self, name: &str) -> String {
        crate::sql::quote_identifier_for(name, self.display)
    }

    /// A table as the statement names it: itself, or an alias's name (given when first met).
    pub fn table_name(&mut self, table: &str) -> String {
        let Some((base, explicit)) = super::orm::aliased::placeholder(table) else { return table.to_string() };
        if let Some((_, name)) = self.aliases.iter().find(|(t, _)| t == table) {
            return name.clone();
        }
        let name = if explicit.is_empty() {
            let taken = self.aliases.iter().filter(|(t, _)| super::orm::aliased::placeholder(t).is_some_and(|(b, e)| b == base && e.is_empty())).count();
            format!("{base}_{}", taken + 1)
        } else {
            explicit.to_string()
        };
        self.aliases.push((table.to_string(), name.clone()));
        name
    }

    /// A FROM item: `users`, `users AS users_1` for an alias, `(SELECT …) AS anon_1` for a
    /// subquery, the name of a CTE (defined in the `WITH` clause).
    pub fn from_item(&mut self, table: &str) -> String {
        if let Some(from) = super::subquery::from_select(table) {
            let name = self.table_name(table);
            let name = self.quote(&name);
            if from.cte {
                if !self.ctes.iter().any(|t| t == table) {
                    self.ctes.push(table.to_string());
                }
                return name;
            }
            // A subquery in FROM is not correlated to the statement around it.
            let outer = std::mem::take(&mut self.outer);
            let labels = std::mem::replace(&mut self.subquery_labels, true);
            let inner = from.state.compile_into(self);
            self.subquery_labels = labels;
            self.outer = outer;
            return format!("({inner}) AS {name}");
        }
        match super::orm::aliased::placeholder(table) {
            Some((base, _)) => {
                let base = self.quote(base);
                let name = self.table_name(table);
                format!("{base} AS {}", self.quote(&name))
            }
            None => self.quote(table),
        }
    }

    pub fn expr(&mut self, sql: &Sql) -> String {
        match sql {
            Sql::Column { table, .. } if &**table == UNBOUND => "\"<name unknown>\"".into(),
            Sql::Column { table, name, .. } => {
                if table.is_empty() || self.unqualified {
                    self.quote(name)
                } else {
                    let table = self.table_name(table);
                    format!("{}.{}", self.quote(&table), self.quote(name))
                }
            }
            Sql::Bind(value) => {
                self.params.push(value.clone());
                let name = self.near.as_ref().map_or(("param".to_string(), true), |(n, numbered)| (n.to_string(), *numbered));
                self.names.push(name);
                "?".into()
            }
            Sql::Anonymous(value) => {
                self.params.push(value.clone());
                self.names.push(("param".into(), true));
                "?".into()
            }
            Sql::Param(name, own) => {
                let value = self.supplied.iter().find(|(k, _)| **k == **name).map(|(_, v)| v.clone()).or_else(|| own.clone());
                if value.is_none() {
                    self.missing.push(name.clone());
                }
                self.param_names.push(name.clone());
                self.params.push(value.unwrap_or(Value::Null));
                self.names.push((name.to_string(), false));
                "?".into()
            }
            Sql::Null => "NULL".into(),
            // SQLite's dialect writes the constants as numbers; the default compiler as words.
            Sql::True => if self.display { "true" } else { "1" }.into(),
            Sql::False => if self.display { "false" } else { "0" }.into(),
            Sql::Binary { left, op, right } => {
                let saved = self.near.take();
                self.near = left.bind_key().or_else(|| right.bind_key()).map(|k| (k, true)).or(saved.clone());
                let l = self.grouped(left, op);
                let r = self.grouped(right, op);
                self.near = saved;
                match *op {
                    // True division: SQLite's dialect makes the divisor a float so that 7 / 2 is
                    // 3.5 as in Python; the default compiler (`str()`) casts it instead.
                    "/" if self.display => {
                        let to = right.sql_type().filter(|t| is_numeric(t)).map_or_else(|| "NUMERIC".to_string(), crate::sql::type_ddl);
                        format!("{l} / CAST({r} AS {to})")
                    }
                    "/" => format!("{l} / ({r} + 0.0)"),
                    // Floor division is SQL's `/` between integers, FLOOR() of it otherwise.
                    "//" if left.sql_type().is_some_and(is_integer) && right.sql_type().is_some_and(is_integer) => format!("{l} / {r}"),
                    "//" => format!("FLOOR({l} / {r})"),
                    _ => format!("{l} {op} {r}"),
                }
            }
            Sql::Neg(inner) => format!("-{}", self.grouped(inner, "NEG")),
            Sql::Over { func, partition_by, order_by, frame } => {
                let mut parts = Vec::new();
                for (word, items) in [("PARTITION", partition_by), ("ORDER", order_by)] {
                    if !items.is_empty() {
                        let items: Vec<String> = items.iter().map(|i| self.expr(i)).collect();
                        parts.push(format!("{word} BY {}", items.join(", ")));
                    }
                }
                if let Some(frame) = frame {
                    let start = self.frame_bound(frame.start, "PRECEDING");
                    let end = self.frame_bound(frame.end, "FOLLOWING");
                    parts.push(format!("{} BETWEEN {start} AND {end}", frame.unit));
                }
                format!("{} OVER ({})", self.expr(func), parts.join(" "))
            }
            Sql::In { expr, items, negated } => {
                let saved = self.near.take();
                self.near = expr.compared_key().map(|k| (k, true));
                let left = self.grouped(expr, "IN");
                if let [sub @ Sql::Subquery(_)] = items.as_slice() {
                    // `x IN (SELECT …)`: the subquery's own parentheses.
                    let text = self.expr(sub);
                    self.near = saved;
                    return if *negated { format!("({left} NOT IN {text})") } else { format!("{left} IN {text}") };
                }
                let inner = if self.display {
                    // The default compiler shows an expanding parameter, filled in at execution.
                    let (base, _) = self.near.clone().unwrap_or((Rc::from("param"), true));
                    self.params.push(Value::Null);
                    self.names.push((base.to_string(), true));
                    "\u{1}".to_string()
                } else if items.is_empty() {
                    // An empty IN is the SQLite dialect's "empty set" expression.
                    "SELECT 1 FROM (SELECT 1) WHERE 1!=1".to_string()
                } else {
                    items.iter().map(|i| self.expr(i)).collect::<Vec<_>>().join(", ")
                };
                self.near = saved;
                if *negated {
                    format!("({left} NOT IN ({inner}))")
                } else {
                    format!("{left} IN ({inner})")
                }
            }
            Sql::Pattern { expr, pattern, before, after, negated, lowered } => {
                let saved = self.near.take();
                self.near = expr.compared_key().map(|k| (k, true));
                let mut left = self.expr(expr);
                let mut right = self.expr(pattern);
                if *lowered {
                    (left, right) = (format!("lower({left})"), format!("lower({right})"));
                }
                self.near = saved;
                let like = if *negated { "NOT LIKE" } else { "LIKE" };
                let before = if *before { "'%' || " } else { "" };
                let after = if *after { " || '%'" } else { "" };
                format!("({left} {like} {before}{right}{after})")
            }
            Sql::Between { expr, low, high } => {
                let saved = self.near.take();
                self.near = expr.compared_key().map(|k| (k, true));
                let e = self.grouped(expr, "BETWEEN");
                let l = self.expr(low);
                let h = self.expr(high);
                self.near = saved;
                format!("{e} BETWEEN {l} AND {h}")
            }
            Sql::And(items) | Sql::Or(items) => {
                let (op, word) = if matches!(sql, Sql::And(_)) { ("AND", " AND ") } else { ("OR", " OR ") };
                items.iter().map(|i| self.grouped(i, op)).collect::<Vec<_>>().join(word)
            }
            Sql::Not(inner) => {
                let text = self.expr(inner);
                match inner.as_ref() {
                    Sql::Column { .. } | Sql::Func { .. } => format!("NOT {text}"),
                    _ => format!("NOT ({text})"),
                }
            }
            Sql::Func { name, args } => {
                let lower = name.to_ascii_lowercase();
                if args.is_empty() {
                    return match lower.as_str() {
                        // SQLite's dialect writes now() as CURRENT_TIMESTAMP; the default compiler does not.
                        "now" if self.display => "now()".into(),
                        "now" | "current_timestamp" => "CURRENT_TIMESTAMP".into(),
                        "current_date" => "CURRENT_DATE".into(),
                        "count" => "count(*)".into(),
                        _ => format!("{name}()"),
                    };
                }
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                format!("{name}({})", args.join(", "))
            }
            Sql::Label { expr, .. } => self.expr(expr),
            Sql::Order { expr, descending } => {
                let text = self.expr(expr);
                if *descending { format!("{text} DESC") } else { format!("{text} ASC") }
            }
            Sql::Text(text) => text.to_string(),
            Sql::LabelReference(name) => self.quote(name),
            Sql::Distinct(inner) => format!("DISTINCT {}", self.expr(inner)),
            Sql::Group(inner) => format!("({})", self.expr(inner)),
            Sql::Case { value, whens, otherwise } => {
                let mut text = String::from("CASE");
                if let Some(value) = value {
                    text.push(' ');
                    text.push_str(&self.expr(value));
                }
                for (when, then) in whens {
                    let when = if value.is_some() { self.expr(when) } else { format!("({})", self.expr(when)) };
                    let then = self.expr(then);
                    text.push_str(&format!(" WHEN {when} THEN {then}"));
                }
                if let Some(otherwise) = otherwise {
                    text.push_str(&format!(" ELSE {}", self.expr(otherwise)));
                }
                text.push_str(" END");
                text
            }
            Sql::Proxy { expr, .. } => self.expr(expr),
            Sql::Cast { expr, to } => format!("CAST({} AS {})", self.expr(expr), crate::sql::type_ddl(to)),
            Sql::Nulls { expr, first } => format!("{} NULLS {}", self.expr(expr), if *first { "FIRST" } else { "LAST" }),
            Sql::Literal(text) => text.to_string(),
            Sql::Subquery(select) | Sql::Exists(select) => {
                let labels = std::mem::replace(&mut self.subquery_labels, false);
                let inner = select.compile_into(self);
                self.subquery_labels = labels;
                if matches!(sql, Sql::Exists(_)) {
                    format!("EXISTS ({inner})")
                } else {
                    format!("({inner})")
                }
            }
        }
    }

    /// `sql` as an operand of `against`, parenthesized where SQLAlchemy would.
    fn grouped(&mut self, sql: &Sql, against: &str) -> String {
        let text = self.expr(sql);
        if needs_group(sql, against) {
            format!("({text})")
        } else {
            text
        }
    }

    /// One end of a window frame; its number is a bound parameter, as SQLAlchemy binds it.
    fn frame_bound(&mut self, bound: FrameBound, unbounded: &str) -> String {
        let (n, side) = match bound {
            FrameBound::Unbounded => return format!("UNBOUNDED {unbounded}"),
            FrameBound::Current => return "CURRENT ROW".into(),
            FrameBound::Preceding(n) => (n, "PRECEDING"),
            FrameBound::Following(n) => (n, "FOLLOWING"),
        };
        let saved = self.near.take();
        let text = self.expr(&Sql::Bind(Value::Integer(n)));
        self.near = saved;
        format!("{text} {side}")
    }

    /// A column of a SELECT list: labelled as SQLAlchemy labels it (`count(*) AS count_1`,
    /// `users.name AS n`); `tablename` is the `Query` style (`users.id AS users_id`).
    pub fn select_column(&mut self, sql: &Sql, tablename_labels: bool, taken: &mut Vec<String>) -> String {
        let text = self.expr(sql);
        match sql {
            Sql::Text(star) if &**star == "*" => text,
            // Neither is labelled: `SELECT DISTINCT users.status`, `SELECT 42`.
            Sql::Literal(_) => text,
            Sql::Distinct(inner) if matches!(**inner, Sql::Column { .. }) => text,
            // `-t.a` is not labelled either.
            Sql::Neg(inner) if matches!(**inner, Sql::Column { .. }) => text,
            // A cast of a column is named after the column (`CAST(users.score AS VARCHAR) AS score`).
            Sql::Cast { expr, .. } if expr.key().is_some_and(|k| !taken.iter().any(|t| t == &*k)) => {
                let name = expr.key().unwrap_or_else(|| Rc::from(""));
                taken.push(name.to_string());
                format!("{text} AS {}", self.quote(&name))
            }
            Sql::Label { name, .. } | Sql::Proxy { name, .. } => {
                taken.push(name.to_string());
                format!("{text} AS {}", self.quote(name))
            }
            Sql::Column { table, name, .. } => {
                if self.subquery_labels && !taken.iter().any(|t| t == &**name) {
                    taken.push(name.to_string());
                    format!("{text} AS {}", self.quote(name))
                } else if tablename_labels {
                    // A subquery's or alias's column is labelled after the name it shows (`anon_1_n`).
                    let label = format!("{}_{name}", self.table_name(table));
                    taken.push(label.clone());
                    format!("{text} AS {label}")
                } else if taken.iter().any(|t| t == &**name) {
                    let label = self.anonymous(name);
                    taken.push(label.clone());
                    format!("{text} AS {label}")
                } else {
                    taken.push(name.to_string());
                    text
                }
            }
            Sql::Func { name, .. } => {
                let label = self.anonymous(&name.to_ascii_lowercase());
                format!("{text} AS {label}")
            }
            _ => {
                let label = self.anonymous("anon");
                format!("{text} AS {label}")
            }
        }
    }

    pub fn anonymous(&mut self, base: &str) -> String {
        let count = match self.anon.iter_mut().find(|(b, _)| &**b == base) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.anon.push((Rc::from(base), 1));
                1
            }
        };
        format!("{base}_{count}")
    }
}

/// A Python value as an SQL expression: a column, an expression, `None` (NULL), or a value bound
/// as a parameter.
pub fn coerce(py: &mut Interpreter, value: &Obj) -> Res<Sql> {
    coerce_as(py, value, None)
}

/// A Python value as an SQL expression compared with or given to an expression of `sql_type`:
/// a bound value takes that type's binding (an enum member for an `Enum` column is its name).
pub fn coerce_as(py: &mut Interpreter, value: &Obj, sql_type: Option<&SqlType>) -> Res<Sql> {
    if let Some(sql) = as_sql(py, value)? {
        return Ok(sql);
    }
    Ok(match value {
        Obj::None => Sql::Null,
        other => Sql::Bind(super::convert::to_value_as(py, other, sql_type)?),
    })
}

/// The SQL a value stands for, if it is an expression (a column, a mapped attribute …).
pub fn as_sql(py: &mut Interpreter, value: &Obj) -> Res<Option<Sql>> {
    if let Some(expr) = value.native::<ExprObj>() {
        return Ok(Some(expr.0.clone()));
    }
    if let Obj::Native(native) = value {
        if let Some(sql) = super::column_sql(py, native.as_ref())? {
            return Ok(Some(sql));
        }
    }
    Ok(None)
}

/// A condition for WHERE: an expression, or `True` / `False`.
pub fn condition(py: &mut Interpreter, value: &Obj) -> Res<Sql> {
    match value {
        Obj::Bool(true) => Ok(Sql::True),
        Obj::Bool(false) => Ok(Sql::False),
        Obj::Str(text) => super::convert::raise(
            py,
            "sqlalchemy.exc",
            "ArgumentError",
            &format!("Textual SQL expression {} should be explicitly declared as text({})", python_quote(text), python_quote(text)),
        ),
        other => match as_sql(py, other)? {
            Some(sql) => Ok(sql),
            None => {
                let shown = py.repr_of(other)?;
                super::convert::raise(py, "sqlalchemy.exc", "ArgumentError", &format!("SQL expression for WHERE/HAVING role expected, got {shown}."))
            }
        },
    }
}

/// A string in double quotes unless it holds one (how SQLAlchemy quotes SQL in its messages).
fn python_quote(text: &str) -> String {
    if text.contains('"') {
        format!("'{text}'")
    } else {
        format!("\"{text}\"")
    }
}

/// An expression value in Python: what operators on columns give.
pub struct ExprObj(pub Sql);

pub fn expr(sql: Sql) -> Obj {
    native(ExprObj(sql))
}

/// How deep an expression may nest (`x + 1 + 1 …`, `~~~x`, `lower(lower(…))`, subqueries in
/// subqueries): far beyond any real query, and well within the stack that compiling and
/// dropping it take. Deeper is Python's RecursionError, as SQLAlchemy's compiler gives.
const DEPTH_LIMIT: usize = 200;

/// A new expression from a Python operation, unless it nests too deep.
/// `func.rank().over(partition_by=…, order_by=…, rows=(start, end))`: a window function.
fn over(py: &mut Interpreter, func: &Sql, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<Obj> {
    if !args.is_empty() {
        return py.error("TypeError", format!("FunctionElement.over() takes 1 positional argument but {} were given", args.len() + 1));
    }
    let (mut partition_by, mut order_by, mut frame) = (Vec::new(), Vec::new(), None);
    for (key, value) in kwargs {
        match key.as_str() {
            "partition_by" | "order_by" => {
                // One expression, or a list or tuple of them.
                let items = if matches!(value, Obj::List(_) | Obj::Tuple(_)) { py.iterate(value)? } else { vec![value.clone()] };
                let mut sqls = Vec::with_capacity(items.len());
                for item in &items {
                    if !matches!(item, Obj::None) {
                        sqls.push(coerce(py, item)?);
                    }
                }
                if key == "partition_by" { partition_by = sqls } else { order_by = sqls }
            }
            "rows" | "range_" | "groups" if matches!(value, Obj::None) => {}
            "rows" | "range_" | "groups" => {
                let unit = match key.as_str() {
                    "rows" => "ROWS",
                    "range_" => "RANGE",
                    _ => "GROUPS",
                };
                let Obj::Tuple(ends) = value else {
                    return super::convert::raise(py, "sqlalchemy.exc", "ArgumentError", "2-tuple expected for range/rows");
                };
                let [start, end] = ends.as_slice() else {
                    return super::convert::raise(py, "sqlalchemy.exc", "ArgumentError", "2-tuple expected for range/rows");
                };
                let mut bound = |value: &Obj| -> Res<FrameBound> {
                    Ok(match value {
                        Obj::None => FrameBound::Unbounded,
                        Obj::Int(0) | Obj::Bool(false) => FrameBound::Current,
                        Obj::Int(n) if *n < 0 => FrameBound::Preceding(n.saturating_neg()),
                        Obj::Int(n) => FrameBound::Following(*n),
                        Obj::Bool(true) => FrameBound::Following(1),
                        _ => return super::convert::raise(py, "sqlalchemy.exc", "ArgumentError", "Integer or None expected for values in rows/groups frame"),
                    })
                };
                let (start, end) = (bound(start)?, bound(end)?);
                frame = Some(Frame { unit, start, end });
            }
            other => return py.error("TypeError", format!("FunctionElement.over() got an unexpected keyword argument '{other}'")),
        }
    }
    grown(py, Sql::Over { func: Box::new(func.clone()), partition_by, order_by, frame })
}

/// `bindparam("name")`, `bindparam("name", 5)`: a parameter the execution fills by name.
pub fn bindparam(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let key = args.first().or_else(|| kwargs.iter().find(|(k, _)| k == "key").map(|(_, v)| v));
    let Some(Obj::Str(name)) = key else {
        return py.error("TypeError", "bindparam() needs the parameter's name (a string)");
    };
    let value = args.get(1).or_else(|| kwargs.iter().find(|(k, _)| k == "value").map(|(_, v)| v));
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| !matches!(k.as_str(), "key" | "value" | "type_" | "required")) {
        return py.stop_not_available(&format!("bindparam({other}=...)"));
    }
    let value = match value {
        Some(v) => Some(to_value(py, v)?),
        None => None,
    };
    Ok(expr(Sql::Param(name.clone(), value)))
}

/// `~expr` (NOT, or the opposite comparison) and `-expr` for any expression-like value.
pub fn unary(py: &mut Interpreter, sql: &Sql, op: &str) -> Option<Res<Obj>> {
    match op {
        "~" => Some(grown(py, sql.clone().negate())),
        "-" => Some(grown(py, Sql::Neg(Box::new(sql.clone())))),
        _ => None,
    }
}

pub fn grown(py: &mut Interpreter, sql: Sql) -> Res<Obj> {
    if deeper_than(&sql, DEPTH_LIMIT) {
        return py.error("RecursionError", "maximum recursion depth exceeded");
    }
    Ok(expr(sql))
}

/// Whether `sql` nests more than `limit` levels (walked without recursion).
pub fn deeper_than(sql: &Sql, limit: usize) -> bool {
    let mut todo: Vec<(&Sql, usize)> = vec![(sql, 1)];
    while let Some((node, depth)) = todo.pop() {
        if depth > limit {
            return true;
        }
        match node {
            Sql::Binary { left, right, .. } => {
                todo.push((left, depth + 1));
                todo.push((right, depth + 1));
            }
            Sql::In { expr, items, .. } => {
                todo.push((expr, depth + 1));
                todo.extend(items.iter().map(|i| (i, depth + 1)));
            }
            Sql::Pattern { expr, pattern, .. } => {
                todo.push((expr, depth + 1));
                todo.push((pattern, depth + 1));
            }
            Sql::Between { expr, low, high } => {
                todo.push((expr, depth + 1));
                todo.push((low, depth + 1));
                todo.push((high, depth + 1));
            }
            Sql::And(items) | Sql::Or(items) => todo.extend(items.iter().map(|i| (i, depth + 1))),
            Sql::Func { args, .. } => todo.extend(args.iter().map(|a| (a, depth + 1))),
            Sql::Not(inner) | Sql::Distinct(inner) | Sql::Group(inner) | Sql::Neg(inner) => todo.push((inner, depth + 1)),
            Sql::Over { func, partition_by, order_by, .. } => {
                todo.push((func, depth + 1));
                todo.extend(partition_by.iter().chain(order_by).map(|i| (i, depth + 1)));
            }
            Sql::Label { expr, .. } | Sql::Order { expr, .. } | Sql::Proxy { expr, .. } | Sql::Cast { expr, .. } | Sql::Nulls { expr, .. } => todo.push((expr, depth + 1)),
            Sql::Case { value, whens, otherwise } => {
                todo.extend(value.iter().map(|v| (&**v, depth + 1)));
                for (when, then) in whens {
                    todo.push((when, depth + 1));
                    todo.push((then, depth + 1));
                }
                todo.extend(otherwise.iter().map(|o| (&**o, depth + 1)));
            }
            Sql::Subquery(select) | Sql::Exists(select) => {
                for item in &select.columns {
                    if let super::statement::Selected::Column(column) = item {
                        todo.push((column, depth + 1));
                    }
                }
                todo.extend(select.where_.iter().chain(&select.having).chain(&select.order_by).map(|w| (w, depth + 1)));
            }
            Sql::Column { .. } | Sql::Bind(_) | Sql::Param(..) | Sql::Anonymous(_) | Sql::Null | Sql::True | Sql::False | Sql::Text(_) | Sql::Literal(_) | Sql::LabelReference(_) => {}
        }
    }
    false
}

/// `left OP other` for any expression-like value.
pub fn binary(py: &mut Interpreter, left: &Sql, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
    let sql_op: &'static str = match op {
        "==" => "=",
        "!=" => "!=",
        "<" => "<",
        "<=" => "<=",
        ">" => ">",
        ">=" => ">=",
        "+" => "+",
        "-" => "-",
        "*" => "*",
        "/" => "/",
        "//" => "//",
        "%" => "%",
        "&" | "|" => {
            let right = match as_sql(py, other) {
                Ok(Some(sql)) => sql,
                Ok(None) => match other {
                    Obj::Bool(true) => Sql::True,
                    Obj::Bool(false) => Sql::False,
                    _ => return None,
                },
                Err(e) => return Some(Err(e)),
            };
            let (a, b) = if reflected { (right, left.clone()) } else { (left.clone(), right) };
            return Some(grown(py, if op == "&" { and(vec![a, b]) } else { or(vec![a, b]) }));
        }
        _ => return None,
    };
    let right = match (sql_op, other) {
        // `x == True` compares with the constant itself (`x = 1` on SQLite), not a parameter.
        ("=" | "!=", Obj::Bool(b)) => if *b { Sql::True } else { Sql::False },
        _ => match coerce_as(py, other, left.sql_type()) {
            Ok(sql) => sql,
            Err(e) => return Some(Err(e)),
        },
    };
    let (a, b) = if reflected { (right, left.clone()) } else { (left.clone(), right) };
    let sql = match (sql_op, &b) {
        ("=", Sql::Null) => Sql::Binary { left: Box::new(a), op: "IS", right: Box::new(Sql::Null) },
        ("!=", Sql::Null) => Sql::Binary { left: Box::new(a), op: "IS NOT", right: Box::new(Sql::Null) },
        // `+` of strings is SQL's concatenation, as the String type makes it.
        ("+", _) if is_text(&a) || is_text(&b) => Sql::Binary { left: Box::new(a), op: "||", right: Box::new(b) },
        _ => Sql::Binary { left: Box::new(a), op: sql_op, right: Box::new(b) },
    };
    Some(grown(py, sql))
}

/// Whether an expression is a string (its `+` concatenates).
pub(crate) fn is_text(sql: &Sql) -> bool {
    match sql {
        Sql::Bind(Value::Text(_)) => true,
        Sql::Binary { op: "||", .. } => true,
        Sql::Label { expr, .. } | Sql::Proxy { expr, .. } | Sql::Group(expr) => is_text(expr),
        other => matches!(other.sql_type().map(SqlType::base), Some(SqlType::String(_) | SqlType::Text)),
    }
}

pub fn and(items: Vec<Sql>) -> Sql {
    let mut flat = Vec::new();
    for item in items {
        match item {
            Sql::And(inner) => flat.extend(inner),
            other => flat.push(other),
        }
    }
    if flat.len() == 1 {
        return flat.pop().unwrap_or(Sql::True);
    }
    Sql::And(flat)
}

pub fn or(items: Vec<Sql>) -> Sql {
    let mut flat = Vec::new();
    for item in items {
        match item {
            Sql::Or(inner) => flat.extend(inner),
            other => flat.push(other),
        }
    }
    if flat.len() == 1 {
        return flat.pop().unwrap_or(Sql::False);
    }
    Sql::Or(flat)
}

/// The methods every column expression has: `in_`, `like`, `is_`, `desc`, `label` …
pub fn method(this: &Sql, name: &str) -> Res<Option<Obj>> {
    let me = this.clone();
    let one = move |py: &mut Interpreter, args: &[Obj], what: &str| -> Res<Sql> {
        match args.first() {
            Some(value) => coerce(py, value),
            None => py.error("TypeError", format!("{what}() missing 1 required positional argument: 'other'")),
        }
    };
    let value = match name {
        "in_" | "not_in" | "notin_" => {
            let negated = name != "in_";
            function(name, move |py, args, _| {
                // `in_(select(...))`: a subquery.
                if let Some(select) = args.first().and_then(|a| a.native::<super::statement::SelectObj>()) {
                    let sub = Sql::Subquery(Rc::new(select.0.clone()));
                    return grown(py, Sql::In { expr: Box::new(me.clone()), items: vec![sub], negated });
                }
                let items = match args.first() {
                    Some(items) => py.iterate(items)?,
                    None => return py.error("TypeError", "in_() missing 1 required positional argument: 'other'"),
                };
                let mut sqls = Vec::with_capacity(items.len());
                for item in &items {
                    sqls.push(coerce_as(py, item, me.sql_type())?);
                }
                grown(py, Sql::In { expr: Box::new(me.clone()), items: sqls, negated })
            })
        }
        "like" | "not_like" | "notlike" => {
            let op = if name == "like" { "LIKE" } else { "NOT LIKE" };
            function(name, move |py, args, _| {
                let right = one(py, &args, "like")?;
                grown(py, Sql::Binary { left: Box::new(me.clone()), op, right: Box::new(right) })
            })
        }
        "ilike" | "not_ilike" => {
            let op = if name == "ilike" { "LIKE" } else { "NOT LIKE" };
            function(name, move |py, args, _| {
                let right = one(py, &args, "ilike")?;
                let lower = |sql: Sql| Sql::Func { name: Rc::from("lower"), args: vec![sql] };
                grown(py, Sql::Binary { left: Box::new(lower(me.clone())), op, right: Box::new(lower(right)) })
            })
        }
        "startswith" | "endswith" | "contains" | "istartswith" | "iendswith" | "icontains" => {
            let (before, after) = match name.trim_start_matches('i') {
                "startswith" => (false, true),
                "endswith" => (true, false),
                _ => (true, true),
            };
            // The `i` forms compare both sides lowered: `lower(users.name) LIKE '%' || lower(?) || '%'`.
            let lowered = name.starts_with('i');
            let which: &'static str = match name {
                "startswith" => "startswith",
                "endswith" => "endswith",
                "contains" => "contains",
                "istartswith" => "istartswith",
                "iendswith" => "iendswith",
                _ => "icontains",
            };
            function(name, move |py, args, kwargs| {
                if let Some((option, _)) = kwargs.first() {
                    return py.stop_not_available(&format!("{which}({option}=...)"));
                }
                let pattern = one(py, &args, which)?;
                grown(py, Sql::Pattern { expr: Box::new(me.clone()), pattern: Box::new(pattern), before, after, negated: false, lowered })
            })
        }
        "is_" | "is_not" | "isnot" => {
            let op = if name == "is_" { "IS" } else { "IS NOT" };
            function(name, move |py, args, _| {
                let right = match args.first() {
                    Some(Obj::Bool(true)) => Sql::True,
                    Some(Obj::Bool(false)) => Sql::False,
                    _ => one(py, &args, "is_")?,
                };
                grown(py, Sql::Binary { left: Box::new(me.clone()), op, right: Box::new(right) })
            })
        }
        "between" => function(name, move |py, args, _| {
            let (Some(low), Some(high)) = (args.first(), args.get(1)) else {
                return py.error("TypeError", "between() missing 2 required positional arguments: 'cleft' and 'cright'");
            };
            let (low, high) = (coerce_as(py, low, me.sql_type())?, coerce_as(py, high, me.sql_type())?);
            grown(py, Sql::Between { expr: Box::new(me.clone()), low: Box::new(low), high: Box::new(high) })
        }),
        "desc" | "asc" => {
            let descending = name == "desc";
            function(name, move |py, _, _| grown(py, Sql::Order { expr: Box::new(me.clone()), descending }))
        }
        "nulls_first" | "nulls_last" | "nullsfirst" | "nullslast" => {
            let first = name.contains("first");
            function(name, move |py, _, _| grown(py, Sql::Nulls { expr: Box::new(me.clone()), first }))
        }
        "label" => function(name, move |py, args, _| {
            let label = match args.first() {
                Some(Obj::Str(s)) => s.clone(),
                _ => return py.error("TypeError", "label() needs a name"),
            };
            grown(py, Sql::Label { expr: Box::new(me.clone()), name: label })
        }),
        "distinct" => function(name, move |py, _, _| grown(py, Sql::Distinct(Box::new(me.clone())))),
        _ => return Ok(None),
    };
    Ok(Some(value))
}

impl Native for ExprObj {
    fn type_name(&self) -> &str {
        match &self.0 {
            Sql::Binary { .. } | Sql::In { .. } | Sql::Pattern { .. } | Sql::Between { .. } => "BinaryExpression",
            Sql::And(_) | Sql::Or(_) => "BooleanClauseList",
            Sql::Func { .. } => "Function",
            Sql::Over { .. } => "Over",
            Sql::Neg(_) => "UnaryExpression",
            Sql::Label { .. } => "Label",
            Sql::Order { .. } | Sql::Not(_) | Sql::Distinct(_) => "UnaryExpression",
            Sql::Case { .. } => "Case",
            Sql::Subquery(_) => "ScalarSelect",
            Sql::Exists(_) => "Exists",
            _ => "ColumnElement",
        }
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        let module = if matches!(self.0, Sql::Subquery(_) | Sql::Exists(_)) { "selectable" } else { "elements" };
        Ok(format!("<sqlalchemy.sql.{module}.{} object at {:#x}>", self.type_name(), crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(display(&self.0))
    }
    fn binary(&self, py: &mut Interpreter, _this: &Obj, op: &str, other: &Obj, reflected: bool) -> Option<Res<Obj>> {
        binary(py, &self.0, op, other, reflected)
    }
    fn unary(&self, py: &mut Interpreter, _this: &Obj, op: &str) -> Option<Res<Obj>> {
        unary(py, &self.0, op)
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        if let (Sql::Exists(select), "where" | "filter" | "select_from") = (&self.0, name) {
            // `exists().where(...)`: the SELECT inside grows.
            let state = select.clone();
            let which: &'static str = if name == "select_from" { "select_from" } else { "where" };
            return Ok(Some(function(which, move |py, args, kwargs| {
                let mut inner = (*state).clone();
                super::statement::select_method(py, &mut inner, which, &args, &kwargs)?;
                grown(py, Sql::Exists(Rc::new(inner)))
            })));
        }
        if let (Sql::Func { .. }, "over") = (&self.0, name) {
            let func = self.0.clone();
            return Ok(Some(function(name, move |py, args, kwargs| over(py, &func, &args, &kwargs))));
        }
        if name == "_hybrid_proxy" {
            // sqlalchemy/ext/hybrid.py: the class-level value of a hybrid attribute.
            let sql = self.0.clone();
            return Ok(Some(function(name, move |py, args, _| {
                let Some(Obj::Str(label)) = args.first() else { return py.error("TypeError", "_hybrid_proxy() needs the attribute's name") };
                grown(py, Sql::Proxy { expr: Box::new(sql.clone()), name: label.clone() })
            })));
        }
        match name {
            "name" | "key" => Ok(self.0.key().map(|k| Obj::str(&k))),
            "compile" => {
                let sql = self.0.clone();
                Ok(Some(compile_method(this, move |_| {
                    let mut c = Compiler { display: true, ..Compiler::default() };
                    let text = c.expr(&sql);
                    Ok((text, c.params, c.names))
                })))
            }
            _ => method(&self.0, name),
        }
    }
    /// `==` and `!=` between two expressions are true when both sides are the same expression
    /// (so `x in list` works); any other clause has no truth value.
    fn truthy(&self, py: &mut Interpreter, _this: &Obj) -> Res<bool> {
        match &self.0 {
            Sql::Binary { left, op: "=", right } => Ok(same(left, right)),
            Sql::Binary { left, op: "!=", right } => Ok(!same(left, right)),
            _ => py.error("TypeError", "Boolean value of this clause is not defined"),
        }
    }
}

fn same(a: &Sql, b: &Sql) -> bool {
    match (a, b) {
        (Sql::Column { table: t1, name: n1, .. }, Sql::Column { table: t2, name: n2, .. }) => t1 == t2 && n1 == n2,
        _ => false,
    }
}

/// How `str(expr)` shows an expression: SQLAlchemy's default compiler, with `:name_1` binds.
pub fn display(sql: &Sql) -> String {
    let mut compiler = Compiler { display: true, ..Compiler::default() };
    let text = compiler.expr(sql);
    named_binds(&text, &compiler.names)
}

/// What the default compiler calls each parameter: `id_1`, `id_2` (numbered per column),
/// `name` (a value an INSERT or UPDATE sets), `param_1`.
pub fn bind_labels(names: &[(String, bool)]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    names
        .iter()
        .map(|(base, numbered)| {
            if !numbered {
                return base.clone();
            }
            let n = match counts.iter_mut().find(|(b, _)| b == base) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    counts.push((base.clone(), 1));
                    1
                }
            };
            format!("{base}_{n}")
        })
        .collect()
}

/// SQL text with each `?` written as a named parameter (`:id_1`), or, given `literals`, as the
/// value itself (`compile_kwargs={"literal_binds": True}`).
pub fn named_binds(text: &str, names: &[(String, bool)]) -> String {
    let labels = bind_labels(names);
    fill(text, |at| format!(":{}", labels.get(at).cloned().unwrap_or_else(|| "param".into())))
}

pub fn literal_binds(text: &str, values: &[Value]) -> String {
    fill(text, |at| match values.get(at) {
        Some(Value::Text(s)) => crate::sql::quote_literal(s),
        Some(Value::Null) | None => "NULL".into(),
        Some(other) => other.python_repr(),
    })
}

/// Replaces each placeholder: `?`, or `\u{1}` for an expanding one (`__[POSTCOMPILE_x]`).
fn fill(text: &str, mut mark: impl FnMut(usize) -> String) -> String {
    let mut out = String::new();
    let mut at = 0;
    for c in text.chars() {
        match c {
            '?' => {
                out.push_str(&mark(at));
                at += 1;
            }
            '\u{1}' => {
                let label = mark(at);
                out.push_str(&format!("__[POSTCOMPILE_{}]", label.trim_start_matches(':')));
                at += 1;
            }
            other => out.push(other),
        }
    }
    out
}

/// `statement.compile()`: the SQL as the default compiler writes it and its parameters by name.
pub struct Compiled {
    pub text: String,
    pub values: Vec<Value>,
    pub names: Vec<(String, bool)>,
    pub literal: bool,
}

impl Native for Compiled {
    fn type_name(&self) -> &str {
        "StrSQLCompiler"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.compiler.StrSQLCompiler object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn str(&self, _py: &mut Interpreter, _this: &Obj) -> Res<String> {
        Ok(if self.literal { literal_binds(&self.text, &self.values) } else { named_binds(&self.text, &self.names) })
    }
    fn get_attr(&self, py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "params" => {
                let dict = py.call(Obj::Builtin("dict"), Vec::new(), Vec::new())?;
                for (label, value) in bind_labels(&self.names).iter().zip(&self.values) {
                    py.set_item(&dict, Obj::str(label), super::convert::from_value(value, None))?;
                }
                Some(dict)
            }
            "string" => Some(Obj::str(&named_binds(&self.text, &self.names))),
            _ => None,
        })
    }
}

/// `.compile(bind=None, compile_kwargs={"literal_binds": True})` on any statement or expression.
pub fn compile_method(this: &Obj, compiled: impl Fn(&mut Interpreter) -> Res<(String, Vec<Value>, Vec<(String, bool)>)> + 'static) -> Obj {
    super::convert::method(this, "compile", move |py, _, _, kwargs| {
        let literal = match super::convert::kwarg(&kwargs, "compile_kwargs") {
            Some(options) => {
                let get = py.get_attr(options, "get")?;
                let flag = py.call(get, vec![Obj::str("literal_binds")], Vec::new())?;
                py.truthy(&flag)?
            }
            None => false,
        };
        let (text, values, names) = compiled(py)?;
        Ok(native(Compiled { text, values, names, literal }))
    })
}

/// `func.count`, `func.lower` …: `func.NAME(args)` is a SQL function call.
pub struct Func;

impl Native for Func {
    fn type_name(&self) -> &str {
        "_FunctionGenerator"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.sql.functions._FunctionGenerator object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, _this: &Obj, name: &str) -> Res<Option<Obj>> {
        if name.starts_with("__") {
            return Ok(None);
        }
        let fname: Rc<str> = Rc::from(name);
        Ok(Some(function(name, move |py, args, _| {
            let mut sqls = Vec::with_capacity(args.len());
            for arg in &args {
                sqls.push(coerce(py, arg)?);
            }
            grown(py, Sql::Func { name: fname.clone(), args: sqls })
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(name: &str) -> Sql {
        Sql::Column { table: Rc::from("users"), name: Rc::from(name), sql_type: None }
    }

    fn eq(name: &str, v: i64, op: &'static str) -> Sql {
        Sql::Binary { left: Box::new(col(name)), op, right: Box::new(Sql::Bind(Value::Integer(v))) }
    }

    #[test]
    fn and_inside_or_needs_no_parentheses_but_or_inside_and_does() {
        let mut c = Compiler::default();
        assert_eq!(c.expr(&or(vec![eq("name", 1, "="), and(vec![eq("id", 1, ">"), eq("id", 5, "<")])])), "users.name = ? OR users.id > ? AND users.id < ?");
        assert_eq!(c.expr(&and(vec![eq("name", 1, "="), or(vec![eq("id", 1, ">"), eq("id", 5, "<")])])), "users.name = ? AND (users.id > ? OR users.id < ?)");
        assert_eq!(c.params.len(), 6);
    }

    #[test]
    fn negation_flips_comparisons_and_wraps_the_rest() {
        let mut c = Compiler::default();
        assert_eq!(c.expr(&eq("id", 1, "=").negate()), "users.id != ?");
        assert_eq!(c.expr(&and(vec![eq("id", 1, "="), eq("id", 2, "=")]).negate()), "NOT (users.id = ? AND users.id = ?)");
        let inn = Sql::In { expr: Box::new(col("name")), items: vec![Sql::Bind(Value::Integer(1))], negated: false };
        assert_eq!(c.expr(&inn.negate()), "(users.name NOT IN (?))");
    }

    #[test]
    fn str_of_an_expression_names_its_parameters() {
        assert_eq!(display(&eq("id", 1, "=")), "users.id = :id_1");
        assert_eq!(display(&and(vec![eq("id", 1, ">"), eq("id", 5, "<")])), "users.id > :id_1 AND users.id < :id_2");
    }
}

/// `case((cond, value), …, else_=…)`, or `case({key: value, …}, value=expr, else_=…)`.
pub fn case_call(py: &mut Interpreter, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let value = match kwargs.iter().find(|(k, _)| k == "value") {
        Some((_, v)) => Some(Box::new(coerce(py, v)?)),
        None => None,
    };
    let otherwise = match kwargs.iter().find(|(k, _)| k == "else_") {
        Some((_, Obj::None)) | None => None,
        Some((_, v)) => Some(Box::new(coerce(py, v)?)),
    };
    if let Some((other, _)) = kwargs.iter().find(|(k, _)| k != "value" && k != "else_") {
        return py.error("TypeError", format!("case() got an unexpected keyword argument '{other}'"));
    }
    let mut pairs: Vec<(Obj, Obj)> = Vec::new();
    for arg in &args {
        if let Obj::Dict(map) = arg {
            let items: Vec<(Obj, Obj)> = map.borrow().items().cloned().collect();
            pairs.extend(items);
            continue;
        }
        let parts = py.iterate(arg)?;
        let [when, then] = parts.as_slice() else {
            return py.error("TypeError", "case() takes (condition, value) tuples, or a dict with value=");
        };
        pairs.push((when.clone(), then.clone()));
    }
    if pairs.is_empty() {
        return super::convert::raise(py, "sqlalchemy.exc", "ArgumentError", "case() requires at least one whens argument");
    }
    let mut whens = Vec::with_capacity(pairs.len());
    for (when, then) in pairs {
        let when = if value.is_some() { coerce(py, &when)? } else { condition(py, &when)? };
        whens.push((when, coerce(py, &then)?));
    }
    grown(py, Sql::Case { value, whens, otherwise })
}

/// `exists()`, `exists(select(...))`: `EXISTS (SELECT * …)` or of that SELECT.
pub fn exists_call(py: &mut Interpreter, args: Vec<Obj>, _kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let state = match args.first() {
        Some(arg) => match arg.native::<super::statement::SelectObj>() {
            Some(select) => select.0.clone(),
            None => {
                let mut state = super::statement::SelectState::default();
                for arg in &args {
                    state.columns.extend(super::statement::selected(py, arg)?);
                }
                state
            }
        },
        None => super::statement::SelectState { columns: vec![super::statement::Selected::Column(Sql::Text(Rc::from("*")))], ..Default::default() },
    };
    grown(py, Sql::Exists(Rc::new(state)))
}
