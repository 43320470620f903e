//! `with op.batch_alter_table("users") as batch_op:` — the block's operations are collected and
//! run together when it ends, as Alembic's batch does (recreating the table by "move and copy"
//! when SQLite cannot ALTER it in place). A block left by an exception runs nothing.

use std::cell::RefCell;

use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};
use crate::migrate::ops::{BatchOptions, Op};
use crate::sqlalchemy::convert::{method, native};
use crate::sqlalchemy::schema::TableObj;

use super::op::{self, Args, OPERATIONS};
use super::Runtime;

/// The batch's context manager, and (entered) its `batch_op`.
pub struct BatchContext {
    runtime: Runtime,
    table: String,
    pub ops: RefCell<Vec<Op>>,
    options: RefCell<BatchOptions>,
}

/// `op.batch_alter_table(table_name, recreate=, naming_convention=, copy_from=, table_args=)`.
pub fn begin(py: &mut Interpreter, runtime: &Runtime, call: &Args) -> Res<Obj> {
    let table = match call.required(py, "table_name")? {
        Obj::Str(name) => name.to_string(),
        other => {
            let shown = py.repr_of(&other)?;
            return py.error("TypeError", format!("batch_alter_table() needs the table's name, got {shown}"));
        }
    };
    let mut options = BatchOptions::default();
    if let Some(recreate) = call.keyword("recreate") {
        match recreate {
            Obj::Str(s) if matches!(&**s, "auto" | "always" | "never") => options.recreate = Some(s.to_string()),
            _ => return py.error("ValueError", "recreate may be one of 'auto', 'always', or 'never'."),
        }
    }
    if let Some(convention) = call.keyword("naming_convention").filter(|c| !matches!(c, Obj::None)) {
        for (key, template) in crate::sqlalchemy::statement::dict_items(py, convention)? {
            match template {
                Obj::Str(t) => options.naming_convention.push((key, t.to_string())),
                other => {
                    let shown = py.repr_of(&other)?;
                    return py.error("TypeError", format!("naming_convention templates must be strings, got {shown}"));
                }
            }
        }
    }
    if let Some(copy_from) = call.keyword("copy_from").filter(|c| !matches!(c, Obj::None)) {
        match copy_from.native::<TableObj>() {
            Some(t) => options.copy_from = Some(t.to_schema()),
            None => {
                let shown = py.repr_of(copy_from)?;
                return py.error("TypeError", format!("copy_from must be a sa.Table, got {shown}"));
            }
        }
    }
    if let Some(args) = call.keyword("table_args") {
        options.table_args = op::constraints_of(py, args)?;
    }
    if let Some(kwargs) = call.keyword("table_kwargs").filter(|c| !matches!(c, Obj::None)) {
        let kwargs = crate::sqlalchemy::statement::dict_items(py, kwargs)?;
        options.sqlite_autoincrement = crate::sqlalchemy::schema::table_options(py, &kwargs)?;
    }
    for unsupported in ["schema", "partial_reordering", "reflect_args", "reflect_kwargs"] {
        if call.keyword(unsupported).is_some_and(|v| !matches!(v, Obj::None) && py.truthy(v).unwrap_or(true)) {
            return py.stop_not_available(&format!("batch_alter_table({unsupported}=...)"));
        }
    }
    Ok(native(BatchContext { runtime: runtime.clone(), table, ops: RefCell::new(Vec::new()), options: RefCell::new(options) }))
}

impl Native for BatchContext {
    fn type_name(&self) -> &str {
        "BatchOperations"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<alembic.operations.base.BatchOperations object at {:#x}>", crate::interp::object::identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        let Some((name, _)) = OPERATIONS.iter().find(|(n, _)| *n == name) else { return Ok(None) };
        if matches!(*name, "create_table" | "drop_table" | "rename_table" | "bulk_insert" | "batch_alter_table") {
            return Ok(None);
        }
        Ok(Some(method(this, name, move |py, this, args, kwargs| {
            let Some(batch) = this.native::<BatchContext>() else { return Ok(Obj::None) };
            let runtime = batch.runtime.clone();
            op::call(py, &runtime, name, Some((&batch.table, batch)), args, kwargs)
        })))
    }
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        if error.is_some() {
            return Ok(false);
        }
        let ops = std::mem::take(&mut *self.ops.borrow_mut());
        let options = self.options.borrow().clone();
        self.runtime.submit(py, "batch_alter_table", Op::Batch { table: self.table.clone(), ops, options })?;
        Ok(false)
    }
}
