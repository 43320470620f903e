//! env.py's `process_revision_directives`, called as Alembic calls it once autogenerate has
//! compared: with the migration context, the database's current revisions as a tuple, and a list
//! holding the `MigrationScript` about to be written (`alembic.context`'s Python classes). The
//! hook may change the script's `rev_id` and `message`, or empty the list so that no file is
//! written (Flask-Migrate's "no empty revisions" check does).

use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::migrate::ops::Op;

use super::environment::Configured;

/// What the hook decided: write the revision with this id and message, or write none.
pub enum Directive {
    Write { rev_id: String, message: Option<String> },
    Skip,
}

/// One of autogenerate's top-level operations as Alembic groups them: a table created or
/// dropped on its own, anything else on a table inside that table's `ModifyTableOps`.
struct Group {
    kind: &'static str,
    table: String,
    children: Vec<&'static str>,
}

fn kind_of(op: &Op) -> (&'static str, String) {
    match op {
        Op::CreateTable(table) => ("CreateTableOp", table.name.clone()),
        Op::DropTable { table, .. } => ("DropTableOp", table.clone()),
        Op::AddColumn { table, .. } => ("AddColumnOp", table.clone()),
        Op::DropColumn { table, .. } => ("DropColumnOp", table.clone()),
        Op::AlterColumn(alter) => ("AlterColumnOp", alter.table.clone()),
        Op::RenameTable { old, .. } => ("RenameTableOp", old.clone()),
        Op::CreateIndex { table, .. } => ("CreateIndexOp", table.clone()),
        Op::DropIndex { table, .. } => ("DropIndexOp", table.clone().unwrap_or_default()),
        Op::CreateUniqueConstraint { table, .. } => ("CreateUniqueConstraintOp", table.clone()),
        Op::CreateForeignKey { table, .. } => ("CreateForeignKeyOp", table.clone()),
        Op::CreateCheckConstraint { table, .. } => ("CreateCheckConstraintOp", table.clone()),
        Op::DropConstraint { table, .. } => ("DropConstraintOp", table.clone()),
        Op::Execute { .. } => ("ExecuteSQLOp", String::new()),
        Op::BulkInsert { table, .. } => ("BulkInsertOp", table.clone()),
        Op::Batch { table, .. } => ("ModifyTableOps", table.clone()),
    }
}

fn groups(ops: &[Op]) -> Vec<Group> {
    let mut found: Vec<Group> = Vec::new();
    for op in ops {
        let (kind, table) = kind_of(op);
        let children: Vec<&'static str> = match op {
            Op::Batch { ops, .. } => ops.iter().map(|inner| kind_of(inner).0).collect(),
            _ => vec![kind],
        };
        let on_its_own = matches!(kind, "CreateTableOp" | "DropTableOp" | "RenameTableOp" | "ExecuteSQLOp" | "BulkInsertOp");
        if on_its_own {
            found.push(Group { kind, table, children: Vec::new() });
            continue;
        }
        match found.last_mut() {
            Some(last) if last.kind == "ModifyTableOps" && last.table == table => last.children.extend(children),
            _ => found.push(Group { kind: "ModifyTableOps", table, children }),
        }
    }
    found
}

fn as_python(ops: &[Op]) -> Obj {
    Obj::list(
        groups(ops)
            .into_iter()
            .map(|g| Obj::tuple(vec![Obj::str(g.kind), Obj::str(&g.table), Obj::list(g.children.into_iter().map(Obj::str).collect())]))
            .collect(),
    )
}

/// Calls env.py's hook, when it gave one; `None` when it did not.
pub fn process(
    py: &mut Interpreter,
    configured: &Configured,
    current: &[String],
    rev_id: &str,
    message: Option<&str>,
    upgrade: &[Op],
    downgrade: &[Op],
) -> Res<Option<Directive>> {
    let Some(hook) = configured.option("process_revision_directives").filter(|v| !matches!(v, Obj::None)).cloned() else {
        return Ok(None);
    };
    let module = py.import("alembic.context")?;
    let process = py.get_attr(&module, "_process_directives")?;
    let revision = Obj::tuple(current.iter().map(|id| Obj::str(id)).collect());
    let message = message.map_or(Obj::None, Obj::str);
    let (upgrade, downgrade) = (as_python(upgrade), as_python(downgrade));
    let answer = py.call(process, vec![hook, revision, Obj::str(rev_id), message, upgrade, downgrade], Vec::new())?;
    if matches!(answer, Obj::None) {
        return Ok(Some(Directive::Skip));
    }
    let rev_id = py.get_item(&answer, Obj::Int(0))?;
    let message = py.get_item(&answer, Obj::Int(1))?;
    let rev_id = py.str_of(&rev_id)?;
    let message = match message {
        Obj::None => None,
        other => Some(py.str_of(&other)?),
    };
    Ok(Some(Directive::Write { rev_id, message }))
}
