//! `Session.begin_nested()`: a SAVEPOINT inside the session's transaction. As SQLAlchemy's, it
//! flushes what is pending first, and sends `SAVEPOINT sa_savepoint_N` only when the session next
//! needs its connection (a flush, a query); `commit()` (or the end of its `with` block) flushes and
//! sends `RELEASE SAVEPOINT`, `rollback()` (or an exception, a failed flush included) sends
//! `ROLLBACK TO SAVEPOINT`, expunges the objects added since and expires those it updated, and
//! the session's transaction goes on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::interp::native::Native;
use crate::interp::object::{identity, Obj};
use crate::interp::{Interpreter, Res};

use super::super::convert::{method, native};
use super::session::SessionCore;

/// One `begin_nested()` level.
pub struct Savepoint {
    /// `sa_savepoint_N`, once sent.
    pub name: RefCell<Option<String>>,
    /// The session's pending objects when it began: those added later go on rollback.
    pub new_before: Vec<usize>,
    /// How many objects the transaction had inserted and updated when it began.
    pub inserted_at: usize,
    pub updated_at: usize,
    pub active: Cell<bool>,
}

/// The `SessionTransaction` that `begin_nested()` returns.
pub struct NestedTransaction {
    pub session: Rc<SessionCore>,
    pub savepoint: Rc<Savepoint>,
}

impl Native for NestedTransaction {
    fn type_name(&self) -> &str {
        "SessionTransaction"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.orm.session.SessionTransaction object at {:#x}>", identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "nested" => Some(Obj::Bool(true)),
            "is_active" => Some(Obj::Bool(self.savepoint.active.get())),
            "commit" | "rollback" => {
                let commit = name == "commit";
                Some(method(this, if commit { "commit" } else { "rollback" }, move |py, this, _, _| {
                    if let Some(t) = this.native::<NestedTransaction>() {
                        if !t.savepoint.active.get() {
                            return super::super::convert::raise(py, "sqlalchemy.exc", "ResourceClosedError", "This transaction is closed");
                        }
                        if commit { t.session.release_savepoint(py, &t.savepoint)? } else { t.session.rollback_savepoint(py, &t.savepoint)? }
                    }
                    Ok(Obj::None)
                }))
            }
            _ => None,
        })
    }
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        if self.savepoint.active.get() {
            match error {
                None => self.session.release_savepoint(py, &self.savepoint)?,
                Some(_) => self.session.rollback_savepoint(py, &self.savepoint)?,
            }
        }
        Ok(false)
    }
}

/// What `connection.begin_nested()` returns: the SAVEPOINT sent at once, as Core does.
pub struct ConnectionSavepoint {
    pub conn: Rc<super::super::engine::Conn>,
    pub name: String,
    pub active: Cell<bool>,
}

impl ConnectionSavepoint {
    fn end(&self, py: &mut Interpreter, commit: bool) -> Res<()> {
        if self.active.replace(false) {
            self.conn.end_savepoint(py, &self.name, commit)?;
        }
        Ok(())
    }
}

impl Native for ConnectionSavepoint {
    fn type_name(&self) -> &str {
        "NestedTransaction"
    }
    fn repr(&self, _py: &mut Interpreter, this: &Obj) -> Res<String> {
        Ok(format!("<sqlalchemy.engine.base.NestedTransaction object at {:#x}>", identity(this)))
    }
    fn get_attr(&self, _py: &mut Interpreter, this: &Obj, name: &str) -> Res<Option<Obj>> {
        Ok(match name {
            "is_active" => Some(Obj::Bool(self.active.get())),
            "commit" | "rollback" => {
                let commit = name == "commit";
                Some(method(this, if commit { "commit" } else { "rollback" }, move |py, this, _, _| {
                    if let Some(t) = this.native::<ConnectionSavepoint>() {
                        t.end(py, commit)?;
                    }
                    Ok(Obj::None)
                }))
            }
            _ => None,
        })
    }
    fn enter(&self, _py: &mut Interpreter, this: &Obj) -> Option<Res<Obj>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, py: &mut Interpreter, _this: &Obj, error: Option<&Obj>) -> Res<bool> {
        self.end(py, error.is_none())?;
        Ok(false)
    }
}

/// `connection.begin_nested()`.
pub fn connection_begin_nested(py: &mut Interpreter, conn: &Rc<super::super::engine::Conn>) -> Res<Obj> {
    let name = conn.savepoint(py)?;
    Ok(native(ConnectionSavepoint { conn: conn.clone(), name, active: Cell::new(true) }))
}
