//! `alembic.op`: the operations a revision calls, with Alembic's signatures. Each call reads its
//! arguments (the `sqlalchemy` objects the file built: `sa.Column`, types, `sa.text`, tables)
//! into an [`Op`] and hands it to the running migration; inside `batch_alter_table` the same
//! calls, without the table argument, are collected into the batch.

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::migrate::ops::{AlterColumn, Op};
use crate::schema::{Column, Constraint, ForeignKey, Index, ServerDefault, SqlType, Table};
use crate::sqlalchemy::convert::{function, native, to_value};
use crate::sqlalchemy::schema::{ColumnObj, MetaDataObj, TableObj};
use crate::sqlalchemy::statement::{DmlObj, SelectObj, TextClause};
use crate::sqlalchemy::types::sql_type_of;

use super::batch::BatchContext;
use super::Runtime;

/// The operations, with their parameters as `op.*` takes them. In a batch the parameter naming
/// the table (`table_name`, `source_table`) is left out: the batch's table is used.
pub const OPERATIONS: &[(&str, &[&str])] = &[
    ("add_column", &["table_name", "column"]),
    ("drop_column", &["table_name", "column_name"]),
    ("alter_column", &["table_name", "column_name"]),
    ("create_table", &["table_name"]),
    ("drop_table", &["table_name"]),
    ("rename_table", &["old_table_name", "new_table_name"]),
    ("create_index", &["index_name", "table_name", "columns"]),
    ("drop_index", &["index_name", "table_name"]),
    ("create_unique_constraint", &["constraint_name", "table_name", "columns"]),
    ("create_foreign_key", &["constraint_name", "source_table", "referent_table", "local_cols", "remote_cols"]),
    ("create_check_constraint", &["constraint_name", "table_name", "condition"]),
    ("create_primary_key", &["constraint_name", "table_name", "columns"]),
    ("drop_constraint", &["constraint_name", "table_name", "type_"]),
    ("execute", &["sqltext"]),
    ("bulk_insert", &["table", "rows"]),
    ("batch_alter_table", &["table_name"]),
    ("f", &["name"]),
    ("get_bind", &[]),
    ("get_context", &[]),
    ("inline_literal", &["value", "type_"]),
];

/// Alembic's, and not in the lab: calling them says so.
const UNAVAILABLE: &[&str] = &["create_table_comment", "drop_table_comment", "create_exclude_constraint", "invoke", "run_async"];

/// What only `op.` has (not a batch's `batch_op.`).
const NOT_IN_BATCH: &[&str] = &["create_table", "drop_table", "rename_table", "bulk_insert", "batch_alter_table", "f", "inline_literal"];

/// The members of `alembic.op`.
pub fn members(runtime: &Runtime) -> Vec<(String, Obj)> {
    OPERATIONS
        .iter()
        .map(|(name, _)| name)
        .chain(UNAVAILABLE)
        .map(|name| {
            let runtime = runtime.clone();
            (name.to_string(), function(name, move |py, args, kwargs| call(py, &runtime, name, None, args, kwargs)))
        })
        .collect()
}

/// One call's arguments, read by parameter name as Python binds them.
pub struct Args {
    pub name: &'static str,
    params: Vec<&'static str>,
    args: Vec<Obj>,
    kwargs: Vec<(String, Obj)>,
}

impl Args {
    fn new(py: &mut Interpreter, name: &'static str, batch: bool, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Args> {
        let all = OPERATIONS.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, p)| *p);
        let params: Vec<&'static str> =
            all.iter().copied().filter(|p| !(batch && matches!(*p, "table_name" | "source_table"))).collect();
        if args.len() > params.len() && name != "create_table" {
            let given = args.len() + usize::from(batch);
            let takes = params.len() + usize::from(batch);
            return py.error("TypeError", format!("{name}() takes {takes} positional arguments but {given} were given"));
        }
        Ok(Args { name, params, args, kwargs })
    }

    /// The argument for a parameter, by position or keyword.
    pub fn get(&self, param: &str) -> Option<&Obj> {
        let position = self.params.iter().position(|p| *p == param);
        position.and_then(|i| self.args.get(i)).or_else(|| self.keyword(param))
    }

    pub fn keyword(&self, name: &str) -> Option<&Obj> {
        self.kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    pub fn required(&self, py: &mut Interpreter, param: &str) -> Res<Obj> {
        match self.get(param) {
            Some(value) => Ok(value.clone()),
            None => py.error("TypeError", format!("{}() missing 1 required positional argument: '{param}'", self.name)),
        }
    }

    fn text(&self, py: &mut Interpreter, param: &str) -> Res<String> {
        let value = self.required(py, param)?;
        text(py, &value, param)
    }

    fn name(&self, py: &mut Interpreter, param: &str) -> Res<(String, bool)> {
        let value = self.required(py, param)?;
        name_of(py, &value, param)
    }

    fn names(&self, py: &mut Interpreter, param: &str) -> Res<Vec<String>> {
        let value = self.required(py, param)?;
        names(py, &value)
    }

    /// A keyword given as something other than `None` (or `False`, Alembic's "not given" for
    /// `server_default`).
    fn given(&self, name: &str) -> Option<&Obj> {
        self.keyword(name).filter(|v| !matches!(v, Obj::None))
    }
}

/// `op.NAME(...)`, or `batch_op.NAME(...)` when `batch` is the batch's table and operations.
pub fn call(py: &mut Interpreter, runtime: &Runtime, name: &'static str, batch: Option<(&str, &BatchContext)>, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    if UNAVAILABLE.contains(&name) {
        return py.stop_not_available(&format!("op.{name}()"));
    }
    let call = Args::new(py, name, batch.is_some(), args, kwargs)?;
    let table = |py: &mut Interpreter, param: &str| -> Res<String> {
        match batch {
            Some((table, _)) => Ok(table.to_string()),
            None => call.text(py, param),
        }
    };
    let op = match name {
        "f" => return Ok(native(Conv(call.text(py, "name")?))),
        "get_bind" => return runtime.bind(py),
        // The migration's context (outside a migration, get_bind's error: there is no proxy).
        "get_context" => {
            runtime.bind(py)?;
            return super::hooks::migration_context(py);
        }
        "inline_literal" => return call.required(py, "value"),
        "batch_alter_table" => return super::batch::begin(py, runtime, &call),
        "create_table" => {
            let (op_table, value) = create_table(py, &call)?;
            runtime.submit(py, name, Op::CreateTable(Table { indexes: Vec::new(), ..op_table.clone() }))?;
            for index in op_table.indexes {
                runtime.submit(py, name, Op::CreateIndex { table: op_table.name.clone(), index })?;
            }
            return Ok(value);
        }
        "drop_table" => Op::DropTable { table: table(py, "table_name")?, existing: None },
        "rename_table" => Op::RenameTable {
            old: call.text(py, "old_table_name")?,
            new: call.text(py, "new_table_name")?,
        },
        "add_column" => {
            let table = table(py, "table_name")?;
            let column = call.required(py, "column")?;
            let (column, _) = column_of(py, &column)?;
            Op::AddColumn { table, column }
        }
        "drop_column" => Op::DropColumn { table: table(py, "table_name")?, column: call.text(py, "column_name")?, existing: None },
        "alter_column" => Op::AlterColumn(AlterColumn {
            table: table(py, "table_name")?,
            column: call.text(py, "column_name")?,
            nullable: optional_bool(py, call.given("nullable"))?,
            type_: call.given("type_").map(|t| type_of(py, t)).transpose()?,
            server_default: match call.keyword("server_default") {
                None | Some(Obj::Bool(false)) => None,
                Some(value) => Some(server_default_of(py, value)?),
            },
            new_column_name: call.given("new_column_name").map(|n| text(py, n, "new_column_name")).transpose()?,
            existing_type: call.given("existing_type").map(|t| type_of(py, t)).transpose()?,
            existing_nullable: optional_bool(py, call.given("existing_nullable"))?,
            existing_server_default: match call.keyword("existing_server_default") {
                None | Some(Obj::Bool(false)) => None,
                Some(value) => server_default_of(py, value)?,
            },
        }),
        "create_index" => {
            let index_name = call.required(py, "index_name")?;
            let table = table(py, "table_name")?;
            let columns = call.required(py, "columns")?;
            let unique = match call.keyword("unique") {
                Some(value) => py.truthy(value)?,
                None => false,
            };
            let (name, auto_named) = name_of(py, &index_name, "index_name")?;
            Op::CreateIndex { table, index: Index { name, columns: names(py, &columns)?, unique, auto_named } }
        }
        "drop_index" => {
            let (index, auto_named) = call.name(py, "index_name")?;
            let table = match batch {
                Some((table, _)) => Some(table.to_string()),
                None => call.get("table_name").filter(|t| !matches!(t, Obj::None)).map(|t| text(py, t, "table_name")).transpose()?,
            };
            Op::DropIndex { table, name: index, auto_named, existing: None }
        }
        "create_unique_constraint" => {
            let (name, conv) = optional_name(py, call.get("constraint_name"))?;
            Op::CreateUniqueConstraint { name, table: table(py, "table_name")?, columns: call.names(py, "columns")?, conv }
        }
        "create_foreign_key" => {
            let source = table(py, "source_table")?;
            let ondelete = call.given("ondelete").map(|v| text(py, v, "ondelete")).transpose()?;
            let onupdate = call.given("onupdate").map(|v| text(py, v, "onupdate")).transpose()?;
            let (name, conv) = optional_name(py, call.get("constraint_name"))?;
            Op::CreateForeignKey {
                conv,
                fk: ForeignKey {
                    name,
                    columns: call.names(py, "local_cols")?,
                    ref_table: call.text(py, "referent_table")?,
                    ref_columns: call.names(py, "remote_cols")?,
                    ondelete,
                    onupdate,
                },
                table: source,
            }
        }
        "create_check_constraint" => Op::CreateCheckConstraint {
            name: optional_name(py, call.get("constraint_name"))?.0,
            table: table(py, "table_name")?,
            sqltext: { let condition = call.required(py, "condition")?; condition_of(py, &condition)? },
        },
        "drop_constraint" => {
            // An unnamed one (autogenerate writes `drop_constraint(None, …)`) is taken, to fail
            // where Alembic's does: the batch, or SQLite's missing ALTER of constraints.
            let (name, conv) = match call.get("constraint_name") {
                Some(Obj::None) => (String::new(), false),
                _ => call.name(py, "constraint_name")?,
            };
            Op::DropConstraint {
                name,
                table: table(py, "table_name")?,
                type_: call.get("type_").filter(|t| !matches!(t, Obj::None)).map(|t| text(py, t, "type_")).transpose()?,
                existing: None,
                conv,
            }
        }
        "create_primary_key" => return py.stop_not_available("op.create_primary_key() (SQLite cannot add a primary key to a table: recreate it in a batch)"),
        "execute" => {
            let statement = call.required(py, "sqltext")?;
            let (sql, params) = statement_of(py, &statement, &[])?;
            Op::Execute { sql, params }
        }
        "bulk_insert" => bulk_insert(py, &call, runtime.is_offline())?,
        _ => return py.error("AttributeError", format!("module 'alembic.op' has no attribute '{name}'")),
    };
    match batch {
        Some((_, context)) if !NOT_IN_BATCH.contains(&name) && name != "execute" => {
            context.ops.borrow_mut().push(op);
            Ok(Obj::None)
        }
        _ => runtime.submit(py, name, op).map(|()| Obj::None),
    }
}

use crate::sqlalchemy::convert::Conv;

fn text(py: &mut Interpreter, value: &Obj, what: &str) -> Res<String> {
    match value {
        Obj::Str(s) => Ok(s.to_string()),
        other => match other.native::<Conv>() {
            Some(conv) => Ok(conv.0.clone()),
            None => {
                let shown = py.repr_of(other)?;
                py.error("TypeError", format!("{what} must be a string, got {shown}"))
            }
        },
    }
}

/// A name, and whether `op.f()` marked it final.
fn name_of(py: &mut Interpreter, value: &Obj, what: &str) -> Res<(String, bool)> {
    match value.native::<Conv>() {
        Some(conv) => Ok((conv.0.clone(), true)),
        None => Ok((text(py, value, what)?, false)),
    }
}

/// A constraint name that may be None, and whether it was written `op.f(...)`.
fn optional_name(py: &mut Interpreter, value: Option<&Obj>) -> Res<(Option<String>, bool)> {
    match value {
        None | Some(Obj::None) => Ok((None, false)),
        Some(value) => name_of(py, value, "constraint_name").map(|(name, conv)| (Some(name), conv)),
    }
}

fn optional_bool(py: &mut Interpreter, value: Option<&Obj>) -> Res<Option<bool>> {
    value.map(|v| py.truthy(v)).transpose()
}

/// A list of column names (strings, or columns).
fn names(py: &mut Interpreter, value: &Obj) -> Res<Vec<String>> {
    if let Obj::Str(single) = value {
        return Ok(vec![single.to_string()]);
    }
    let mut out = Vec::new();
    for item in py.iterate(value)? {
        match item.native::<ColumnObj>() {
            Some(column) => out.push(column.0.borrow().name.clone().unwrap_or_default()),
            None => out.push(text(py, &item, "a column name")?),
        }
    }
    Ok(out)
}

fn type_of(py: &mut Interpreter, value: &Obj) -> Res<SqlType> {
    match sql_type_of(py, value)? {
        Some(t) => Ok(t),
        None => {
            let shown = py.repr_of(value)?;
            py.error("TypeError", format!("expected a type such as sa.String(), got {shown}"))
        }
    }
}

/// `server_default=`: a string, `sa.text(...)`, or `None` (no default).
fn server_default_of(py: &mut Interpreter, value: &Obj) -> Res<Option<ServerDefault>> {
    match value {
        Obj::None => Ok(None),
        Obj::Str(s) => Ok(Some(ServerDefault::Literal(s.to_string()))),
        other => match other.native::<TextClause>() {
            Some(clause) => Ok(Some(ServerDefault::Text(clause.sql.clone()))),
            None => {
                let shown = py.repr_of(other)?;
                py.error("TypeError", format!("server_default must be a string or sa.text(...), got {shown}"))
            }
        },
    }
}

/// A CHECK condition: a string, `sa.text(...)`, or a SQL expression written with its values.
fn condition_of(py: &mut Interpreter, value: &Obj) -> Res<String> {
    if let Obj::Str(s) = value {
        return Ok(s.to_string());
    }
    if let Some(clause) = value.native::<TextClause>() {
        return Ok(clause.sql.clone());
    }
    match crate::sqlalchemy::expression::as_sql(py, value)? {
        Some(sql) => {
            let mut compiler = crate::sqlalchemy::expression::Compiler::default();
            let text = compiler.expr(&sql);
            Ok(crate::sqlalchemy::expression::literal_binds(&text, &compiler.params))
        }
        None => {
            let shown = py.repr_of(value)?;
            py.error("TypeError", format!("the condition must be a string, sa.text(...) or a SQL expression, got {shown}"))
        }
    }
}

/// A column: `sa.Column(...)` as the schema model has it, with its `ForeignKey`.
pub fn column_of(py: &mut Interpreter, value: &Obj) -> Res<(Column, Option<ForeignKey>)> {
    let Some(column) = value.native::<ColumnObj>() else {
        let shown = py.repr_of(value)?;
        return py.error("TypeError", format!("expected a sa.Column(...), got {shown}"));
    };
    let spec = column.0.borrow();
    let fk = spec.foreign_key.as_ref().map(|fk| {
        let (ref_table, ref_column) = fk.target.rsplit_once('.').unwrap_or((fk.target.as_str(), "id"));
        ForeignKey {
            name: fk.name.clone(),
            columns: vec![spec.name.clone().unwrap_or_default()],
            ref_table: ref_table.to_string(),
            ref_columns: vec![ref_column.to_string()],
            ondelete: fk.ondelete.clone(),
            onupdate: fk.onupdate.clone(),
        }
    });
    Ok((spec.to_schema(), fk))
}

/// `op.create_table(name, *columns_and_constraints, **kw)`: a `Table` on a new MetaData, as
/// Alembic builds it; the table is what the call returns (`bulk_insert` can use it).
fn create_table(py: &mut Interpreter, call: &Args) -> Res<(Table, Obj)> {
    let mut args = call.args.clone();
    if args.is_empty() {
        args.push(call.required(py, "table_name")?);
    }
    args.insert(1, native(MetaDataObj::default()));
    // Keywords besides the table name are the Table's own (`sqlite_autoincrement=True`, …).
    let options: Vec<(String, Obj)> = call.kwargs.iter().filter(|(k, _)| k != "table_name").cloned().collect();
    let value = crate::sqlalchemy::schema::table_call(py, args, options)?;
    let table = match value.native::<TableObj>() {
        Some(table) => table.to_schema(),
        None => return py.error("TypeError", "create_table() did not make a table"),
    };
    Ok((table, value))
}

/// A statement for `op.execute()`: a string, `sa.text(...)`, or a Core statement
/// (`table.update().where(...).values(...)`), as SQL with its parameters.
pub fn statement_of(py: &mut Interpreter, value: &Obj, params: &[(String, Obj)]) -> Res<(String, Vec<crate::value::Value>)> {
    if let Obj::Str(sql) = value {
        return Ok((sql.to_string(), Vec::new()));
    }
    if let Some(clause) = value.native::<TextClause>() {
        return clause.compile(py, params);
    }
    if let Some(select) = value.native::<SelectObj>() {
        return Ok(select.0.compile());
    }
    if let Some(dml) = value.native::<DmlObj>() {
        let mut values = dml.0.values.first().cloned().unwrap_or_default();
        values.extend(params.iter().cloned());
        return dml.0.compile(py, &values);
    }
    let shown = py.repr_of(value)?;
    crate::sqlalchemy::convert::raise(py, "sqlalchemy.exc", "ArgumentError", &format!("Textual SQL expression {shown} should be explicitly declared as text({shown})"))
}

/// `op.bulk_insert(table, rows)`: each row a dict keyed by the table's column names. Offline
/// each row is its own INSERT of the columns it names; online the rows go in one executemany of
/// the columns the first row names, so a later row missing one of them is SQLAlchemy's
/// StatementError, and one naming more has the rest left out, as under Alembic.
fn bulk_insert(py: &mut Interpreter, call: &Args, offline: bool) -> Res<Op> {
    let table = call.required(py, "table")?;
    let Some(table) = table.native::<TableObj>() else {
        let shown = py.repr_of(&table)?;
        return py.error("TypeError", format!("bulk_insert() needs a table (sa.table(...) or the Table op.create_table returned), got {shown}"));
    };
    let specs = table.specs();
    let columns: Vec<String> = specs.iter().map(|s| s.name.clone().unwrap_or_default()).collect();
    let rows_obj = call.required(py, "rows")?;
    let Obj::List(listed) = &rows_obj else { return py.error("TypeError", "List expected") };
    let listed: Vec<Obj> = listed.borrow().clone();
    if listed.first().is_some_and(|first| !matches!(first, Obj::Dict(_))) {
        return py.error("TypeError", "List of dictionaries expected");
    }
    let mut rows = Vec::new();
    for row in &listed {
        let mut values: Vec<Option<crate::value::Value>> = vec![None; columns.len()];
        for (key, value) in crate::sqlalchemy::statement::dict_items(py, row)? {
            let Some(at) = columns.iter().position(|c| *c == key) else {
                return crate::sqlalchemy::convert::raise(py, "sqlalchemy.exc", "CompileError", &format!("Unconsumed column names: {key}"));
            };
            values[at] = Some(to_value(py, &value)?);
        }
        rows.push(values);
    }
    if !offline {
        if let Some(first) = rows.first() {
            let named: Vec<usize> = (0..columns.len()).filter(|&at| first[at].is_some()).collect();
            for (group, row) in rows.iter().enumerate() {
                if let Some(&at) = named.iter().find(|&&at| row[at].is_none()) {
                    let statement: Vec<(&str, &str)> = named.iter().map(|&at| (columns[at].as_str(), "?")).collect();
                    let sql = crate::sql::insert(&table.name, &statement, None);
                    return crate::sqlalchemy::statement::missing_parameter(py, &columns[at], &sql, rows_obj.clone(), Some(group));
                }
            }
            for row in &mut rows {
                for (at, value) in row.iter_mut().enumerate() {
                    if !named.contains(&at) {
                        *value = None;
                    }
                }
            }
        }
    }
    Ok(Op::BulkInsert { table: table.name.clone(), columns, rows })
}

/// Constraints given to a batch (`table_args=`), as the schema model has them.
pub fn constraints_of(py: &mut Interpreter, value: &Obj) -> Res<Vec<Constraint>> {
    let mut out = Vec::new();
    for item in py.iterate(value)? {
        match item.native::<crate::sqlalchemy::schema::ConstraintObj>() {
            Some(c) => {
                if let crate::sqlalchemy::schema::TableItem::Constraint(constraint) = &c.0 {
                    out.push(constraint.clone());
                }
            }
            None => {
                let shown = py.repr_of(&item)?;
                return py.error("TypeError", format!("table_args holds constraints, got {shown}"));
            }
        }
    }
    Ok(out)
}
