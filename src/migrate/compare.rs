//! Autogenerate: the difference between the models' `MetaData` and the live database, as
//! operations, in the order and with the details Alembic's autogenerate gives (added tables with
//! their indexes, removed tables, then per table: added columns, nullable and type changes, index,
//! unique and foreign key changes, removed columns). `alembic_version` is never compared. Renames
//! cannot be seen: a renamed column is a drop and an add, as for real.

use crate::engine::Engine;
use crate::error::Result;
use crate::migrate::ops::{AlterColumn, Op};
use crate::migrate::runner::VERSION_TABLE;
use crate::reflect::reflect_table;
use crate::schema::{Column, Constraint, ForeignKey, Index, MetaData, SqlType, Table};
use crate::sql::type_ddl;

/// The operations autogenerate found, and the `Detected …` lines it logged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub upgrade: Vec<Op>,
    pub log: Vec<String>,
}

fn detected(area: &str, text: String) -> String {
    format!("INFO  [alembic.autogenerate.compare.{area}] Detected {text}")
}

/// Every table in the database except Alembic's own and SQLite's internal ones.
pub fn live_tables(engine: &Engine) -> Result<Vec<Table>> {
    let mut tables = Vec::new();
    for data in engine.tables()? {
        if data.name == VERSION_TABLE {
            continue;
        }
        if let Some(table) = reflect_table(engine, &data.name)? {
            tables.push(reflected_names_as_conv(table));
        }
    }
    crate::sorting::sort_by(&mut tables, |a, b| a.name < b.name);
    Ok(tables)
}

/// Alembic wraps every name it reflects (indexes, unique constraints, foreign keys) in `conv`, so
/// the revision file writes them `op.f(...)`: a reflected index is marked so.
fn reflected_names_as_conv(mut table: Table) -> Table {
    for index in &mut table.indexes {
        index.auto_named = true;
    }
    table
}

/// Whether two types differ as far as SQLite and Alembic's default comparison can tell: a
/// different kind, or a length / precision both sides state and disagree on.
fn type_changed(model: &SqlType, live: &SqlType) -> bool {
    let (model, live) = (model.base(), live.base());
    // An Enum is a VARCHAR on SQLite, a Uuid a CHAR(32); read back, they are such strings.
    let as_string = |t: &SqlType| match t {
        SqlType::Enum { values, .. } => SqlType::String(values.iter().map(|v| v.chars().count() as u32).max()),
        SqlType::Uuid(_) => SqlType::String(Some(32)),
        other => other.clone(),
    };
    let (model, live) = (&as_string(model), &as_string(live));
    match (model, live) {
        (SqlType::String(a), SqlType::String(b)) => a.is_some() && b.is_some() && a != b,
        (SqlType::Numeric(a), SqlType::Numeric(b)) => a.is_some() && b.is_some() && a != b,
        // SQLite reports a length-less VARCHAR for a plain String: a model that says Text differs.
        (SqlType::String(None), SqlType::Text) => false,
        _ => type_ddl(model).split('(').next() != type_ddl(live).split('(').next(),
    }
}

/// A type as SQLAlchemy's repr shows it in Alembic's log (`VARCHAR()`, `Text()`, `String(length=50)`).
fn type_repr(sql_type: &SqlType) -> String {
    crate::migrate::render::render_type(sql_type).trim_start_matches("sa.").to_string()
}

/// The key among `fks` with `fk`'s name (none when `fk` has no name): the `compare_to` that
/// Alembic passes include_object for a key found on one side only.
fn same_name<'a>(mut fks: impl Iterator<Item = &'a ForeignKey>, fk: &ForeignKey) -> Option<ForeignKey> {
    fks.find(|f| f.name.is_some() && f.name == fk.name).cloned()
}

fn same_fk(a: &ForeignKey, b: &ForeignKey) -> bool {
    a.columns == b.columns && a.ref_table == b.ref_table && a.ref_columns == b.ref_columns
}

/// What env.py can decide during a comparison (Alembic's `include_object` and `compare_type`),
/// asked in the order Alembic asks; and where the `Detected …` lines go as they are found.
pub trait Decide {
    /// A table on one side or both (`model`, `live`): compare it?
    fn include_table(&mut self, name: &str, model: bool, live: bool) -> Result<bool>;
    /// A column name read from the database (Alembic's `include_name`), as the table's columns
    /// are read for comparing it.
    fn include_column_name(&mut self, _table: &str, _column: &str) -> Result<bool> {
        Ok(true)
    }
    /// An index or constraint (`kind`: `index`, `unique_constraint`, `foreign_key_constraint`) of
    /// table `table`, found on one side only: report it?
    fn include_constraint(&mut self, _table: &str, _kind: &str, _name: &str, _model: bool) -> Result<bool> {
        Ok(true)
    }
    /// A foreign key read from the database, by its name (Alembic's `include_name`): compare it?
    fn include_foreign_key_name(&mut self, _table: &str, _name: Option<&str>) -> Result<bool> {
        Ok(true)
    }
    /// A foreign key of table `table` found on one side only (`model`: in the models), with the
    /// other side's key of the same name, if any: report it?
    fn include_foreign_key(&mut self, _table: &str, _fk: &ForeignKey, _model: bool, _compare_to: Option<&ForeignKey>) -> Result<bool> {
        Ok(true)
    }
    /// A column of table `table` on one side or both: compare it?
    fn include_column(&mut self, table: &str, column: &str, model: bool, live: bool) -> Result<bool>;
    /// Whether a column's type changed, given the default comparison's answer.
    fn type_changed(&mut self, table: &str, column: &str, model: &SqlType, live: &SqlType, default: bool) -> Result<bool>;
    /// A `Detected …` line, as it is found.
    fn log(&mut self, _line: &str) -> Result<()> {
        Ok(())
    }
}

/// Alembic's defaults: everything compared, types compared.
struct Defaults;

impl Decide for Defaults {
    fn include_table(&mut self, _: &str, _: bool, _: bool) -> Result<bool> {
        Ok(true)
    }
    fn include_column(&mut self, _: &str, _: &str, _: bool, _: bool) -> Result<bool> {
        Ok(true)
    }
    fn type_changed(&mut self, _: &str, _: &str, _: &SqlType, _: &SqlType, default: bool) -> Result<bool> {
        Ok(default)
    }
}

/// Compares the models with the database, with Alembic's defaults.
pub fn compare(metadata: &MetaData, engine: &Engine) -> Result<Comparison> {
    compare_with(metadata, live_tables(engine)?, &mut Defaults)
}

/// Compares the models with these tables of the database, asking `decide` as Alembic asks
/// env.py's hooks: added tables, removed tables, then each table on both sides.
pub fn compare_with(metadata: &MetaData, live: Vec<Table>, decide: &mut dyn Decide) -> Result<Comparison> {
    let mut out = Comparison::default();
    for table in metadata.sorted_tables() {
        if table.name == VERSION_TABLE || live.iter().any(|t| t.name == table.name) {
            continue;
        }
        if !decide.include_table(&table.name, true, false)? {
            continue;
        }
        note(&mut out, decide, detected("tables", format!("added table '{}'", table.name)))?;
        let mut created = table.clone();
        created.indexes.clear();
        out.upgrade.push(Op::CreateTable(created));
        for index in &table.indexes {
            note(&mut out, decide, detected("constraints", format!("added index '{}' on '({})'", index.name, index_columns(index))))?;
            out.upgrade.push(Op::CreateIndex { table: table.name.clone(), index: index.clone() });
        }
    }
    for table in &live {
        if metadata.table(&table.name).is_none() {
            if !decide.include_table(&table.name, false, true)? {
                continue;
            }
            // Its indexes are dropped first, and logged so.
            for index in &table.indexes {
                if !decide.include_constraint(&table.name, "index", &index.name, false)? {
                    continue;
                }
                note(&mut out, decide, detected("constraints", format!("removed index '{}' on '{}'", index.name, table.name)))?;
                out.upgrade.push(Op::DropIndex {
                    table: Some(table.name.clone()),
                    name: index.name.clone(),
                    auto_named: index.auto_named,
                    existing: Some(index.clone()),
                });
            }
            note(&mut out, decide, detected("tables", format!("removed table '{}'", table.name)))?;
            out.upgrade.push(Op::DropTable { table: table.name.clone(), existing: Some(table.clone()) });
        }
    }
    let mut names: Vec<&str> = metadata.tables.iter().map(|t| t.name.as_str()).collect();
    crate::sorting::sort(&mut names);
    for name in names {
        let (Some(model), Some(db)) = (metadata.table(name), live.iter().find(|t| t.name == name)) else { continue };
        if decide.include_table(name, true, true)? {
            compare_table(model, db, &mut out, decide)?;
        }
    }
    Ok(out)
}

fn index_columns(index: &Index) -> String {
    super::render::tuple_inside(&index.columns)
}


/// A `Detected …` line, told to `decide` as it is found.
fn note(out: &mut Comparison, decide: &mut dyn Decide, line: String) -> Result<()> {
    decide.log(&line)?;
    out.log.push(line);
    Ok(())
}

fn compare_table(model: &Table, db: &Table, out: &mut Comparison, decide: &mut dyn Decide) -> Result<()> {
    let name = &model.name;
    // The database's columns, as read: `include_name` leaves some out.
    let mut db = db.clone();
    let mut read = Vec::new();
    for column in db.columns.drain(..) {
        if decide.include_column_name(name, &column.name)? {
            read.push(column);
        }
    }
    db.columns = read;
    let db = &db;
    for column in &model.columns {
        if db.column(&column.name).is_none() && decide.include_column(name, &column.name, true, false)? {
            note(out, decide, detected("tables", format!("added column '{name}.{}'", column.name)))?;
            out.upgrade.push(Op::AddColumn { table: name.clone(), column: Column { primary_key: false, ..column.clone() } });
        }
    }
    for column in &model.columns {
        let Some(existing) = db.column(&column.name) else { continue };
        if !decide.include_column(name, &column.name, true, true)? {
            continue;
        }
        let nullable_changed = column.nullable != existing.nullable && !column.primary_key;
        let retyped = decide.type_changed(name, &column.name, &column.sql_type, &existing.sql_type, type_changed(&column.sql_type, &existing.sql_type))?;
        if !nullable_changed && !retyped {
            continue;
        }
        if nullable_changed {
            let what = if column.nullable { "NULL" } else { "NOT NULL" };
            note(out, decide, detected("constraints", format!("{what} on column '{name}.{}'", column.name)))?;
        }
        if retyped {
            note(out, decide, detected(
                "types",
                format!("type change from {} to {} on '{name}.{}'", type_repr(&existing.sql_type), type_repr(&column.sql_type), column.name),
            ))?;
        }
        out.upgrade.push(Op::AlterColumn(AlterColumn {
            table: name.clone(),
            column: column.name.clone(),
            nullable: nullable_changed.then_some(column.nullable),
            type_: retyped.then(|| column.sql_type.clone()),
            existing_type: Some(existing.sql_type.clone()),
            existing_nullable: Some(existing.nullable),
            ..Default::default()
        }));
    }
    for index in &db.indexes {
        if !model.indexes.iter().any(|i| i.name == index.name && i.columns == index.columns && i.unique == index.unique)
            && decide.include_constraint(name, "index", &index.name, false)?
        {
            note(out, decide, detected("constraints", format!("removed index '{}' on '{name}'", index.name)))?;
            out.upgrade.push(Op::DropIndex {
                table: Some(name.clone()),
                name: index.name.clone(),
                auto_named: index.auto_named,
                existing: Some(index.clone()),
            });
        }
    }
    for index in &model.indexes {
        if !db.indexes.iter().any(|i| i.name == index.name && i.columns == index.columns && i.unique == index.unique)
            && decide.include_constraint(name, "index", &index.name, true)?
        {
            note(out, decide, detected("constraints", format!("added index '{}' on '({})'", index.name, index_columns(index))))?;
            out.upgrade.push(Op::CreateIndex { table: name.clone(), index: index.clone() });
        }
    }
    let uniques = |t: &Table| -> Vec<(Option<String>, Vec<String>)> {
        t.constraints
            .iter()
            .filter_map(|c| match c {
                Constraint::Unique { name, columns } => Some((name.clone(), columns.clone())),
                _ => None,
            })
            .collect()
    };
    let (model_uniques, db_uniques) = (uniques(model), uniques(db));
    for (uq_name, columns) in &model_uniques {
        if !db_uniques.iter().any(|(_, c)| c == columns)
            && decide.include_constraint(name, "unique_constraint", uq_name.as_deref().unwrap_or(""), true)?
        {
            note(out, decide, detected("constraints", format!("added unique constraint {} on '({})'", uq_name.as_deref().map_or("None".to_string(), |n| format!("'{n}'")), super::render::tuple_inside(columns))))?;
            let conv = uq_name.as_deref().is_some_and(|n| model.named_by_convention(n));
            out.upgrade.push(Op::CreateUniqueConstraint { table: name.clone(), name: uq_name.clone(), columns: columns.clone(), conv });
        }
    }
    for (uq_name, columns) in &db_uniques {
        if let Some(uq_name) = uq_name {
            if !model_uniques.iter().any(|(_, c)| c == columns) && decide.include_constraint(name, "unique_constraint", uq_name, false)? {
                note(out, decide, detected("constraints", format!("removed unique constraint '{uq_name}' on '{name}'")))?;
                out.upgrade.push(Op::DropConstraint {
                    table: name.clone(),
                    name: uq_name.clone(),
                    type_: Some("unique".into()),
                    existing: Some(Constraint::Unique { name: Some(uq_name.clone()), columns: columns.clone() }),
                    conv: true,
                });
            }
        }
    }
    // Foreign keys as Alembic compares them: the database's keys pass include_name first; then
    // the removed ones (named or not), then the added ones, each through include_object with the
    // other side's key of the same name as compare_to.
    let mut db_fks = Vec::new();
    for fk in db.foreign_keys() {
        if decide.include_foreign_key_name(name, fk.name.as_deref())? {
            db_fks.push(fk);
        }
    }
    for fk in db_fks.iter().copied() {
        if model.foreign_keys().any(|f| same_fk(f, fk)) {
            continue;
        }
        let compare_to = same_name(model.foreign_keys(), fk);
        if decide.include_foreign_key(name, fk, false, compare_to.as_ref())? {
            note(out, decide, detected(
                "constraints",
                format!("removed foreign key ({})({}) on table {name}", fk.columns.join(", "), fk.ref_columns.join(", ")),
            ))?;
            out.upgrade.push(Op::DropConstraint {
                table: name.clone(),
                name: fk.name.clone().unwrap_or_default(),
                type_: Some("foreignkey".into()),
                existing: Some(Constraint::ForeignKey(fk.clone())),
                conv: fk.name.is_some(),
            });
        }
    }
    for fk in model.foreign_keys() {
        if db_fks.iter().any(|f| same_fk(f, fk)) {
            continue;
        }
        let compare_to = same_name(db_fks.iter().copied(), fk);
        if decide.include_foreign_key(name, fk, true, compare_to.as_ref())? {
            note(out, decide, detected(
                "constraints",
                format!("added foreign key ({})({}) on table {name}", fk.columns.join(", "), fk.ref_columns.join(", ")),
            ))?;
            let conv = fk.name.as_deref().is_some_and(|n| model.named_by_convention(n));
            out.upgrade.push(Op::CreateForeignKey { table: name.clone(), fk: fk.clone(), conv });
        }
    }
    for column in &db.columns {
        if model.column(&column.name).is_none() && decide.include_column(name, &column.name, false, true)? {
            note(out, decide, detected("tables", format!("removed column '{name}.{}'", column.name)))?;
            out.upgrade.push(Op::DropColumn { table: name.clone(), column: column.name.clone(), existing: Some(column.clone()) });
        }
    }
    Ok(())
}

/// `render_as_batch=True`: each table's changes (other than creating or dropping whole tables,
/// but including a new or dropped table's indexes) grouped into a `batch_alter_table` block.
pub fn as_batches(ops: Vec<Op>) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::new();
    for op in ops {
        let table = match &op {
            Op::AddColumn { table, .. }
            | Op::DropColumn { table, .. }
            | Op::CreateIndex { table, .. }
            | Op::CreateUniqueConstraint { table, .. }
            | Op::CreateForeignKey { table, .. }
            | Op::CreateCheckConstraint { table, .. }
            | Op::DropConstraint { table, .. } => Some(table.clone()),
            Op::AlterColumn(alter) => Some(alter.table.clone()),
            Op::DropIndex { table: Some(table), .. } => Some(table.clone()),
            _ => None,
        };
        // A new table's indexes too, after its `op.create_table`.
        match table {
            Some(table) => match out.last_mut() {
                Some(Op::Batch { table: t, ops, .. }) if *t == table => ops.push(op),
                _ => out.push(Op::Batch { table, ops: vec![op], options: Default::default() }),
            },
            _ => out.push(op),
        }
    }
    out
}
