//! The part of SQLAlchemy's ORM `Session` the seed's `Database` class uses: `add` + `commit`,
//! `get`, attribute changes flushed on commit, `delete`, and `rollback`.
//!
//! It follows the real session closely enough that the SQL log matches `echo=True` line for line:
//! the session begins a transaction lazily (`BEGIN (implicit)`), objects loaded in the current
//! transaction are served from its identity map without SQL, `commit` expires them all, and a flush
//! that fails leaves the session needing `rollback()` (`PendingRollbackError`), as it does for real.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::models::MappedClass;
use crate::sql::quote_identifier;
use crate::value::Value;

/// An instance of a mapped class as plain data: `{ "id": 1, "name": "John Doe" }` in column order.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    pub fields: Vec<(String, Value)>,
}

impl Instance {
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.iter().find(|(name, _)| name == field).map(|(_, value)| value)
    }
}

impl Serialize for Instance {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (name, value) in &self.fields {
            map.serialize_entry(name, &crate::value::Whole(value))?;
        }
        map.end()
    }
}

/// An object in the identity map: the values last read from or written to the database, and the
/// values it has now (they differ when an attribute was set and not yet flushed).
#[derive(Debug, Clone)]
struct Loaded {
    committed: Vec<Value>,
    current: Vec<Value>,
}

/// The session state for one mapped class.
#[derive(Debug)]
pub struct Session {
    class: MappedClass,
    /// The statements that never change for this class, written once.
    sql: ClassSql,
    /// Whether the session has begun a transaction (`BEGIN (implicit)` was logged).
    in_transaction: bool,
    /// Objects loaded in the current transaction and not expired, by primary key.
    identity: BTreeMap<i64, Loaded>,
    /// The flush error that put the session in the "needs rollback" state, if any.
    pending_rollback: Option<Error>,
}

/// The SELECT / DELETE text SQLAlchemy writes for a class, e.g.
/// `SELECT users.id, users.name \nFROM users \nWHERE users.id = ?`.
#[derive(Debug)]
struct ClassSql {
    select_by_pk: String,
    delete_by_pk: String,
    where_pk: String,
}

impl ClassSql {
    fn new(class: &MappedClass, pk_column: &str) -> Self {
        let table = quote_identifier(&class.table.name);
        let columns: Vec<String> =
            class.table.columns.iter().map(|c| format!("{table}.{}", quote_identifier(&c.name))).collect();
        let where_pk = format!("WHERE {table}.{} = ?", quote_identifier(pk_column));
        ClassSql {
            select_by_pk: format!("SELECT {} \nFROM {table} \n{where_pk}", columns.join(", ")),
            delete_by_pk: format!("DELETE FROM {table} {where_pk}"),
            where_pk,
        }
    }
}

impl Session {
    /// A session for `class`, whose table must have a single-column primary key.
    pub fn new(class: MappedClass) -> Result<Self> {
        let pk: Vec<&str> = class.table.primary_key().map(|c| c.name.as_str()).collect();
        let [pk_column] = pk.as_slice() else {
            return Err(Error::new(
                ErrorKind::ValueError,
                format!("{} needs a single-column primary key to be loaded by id", class.class_name),
            ));
        };
        let sql = ClassSql::new(&class, pk_column);
        Ok(Session { class, sql, in_transaction: false, identity: BTreeMap::new(), pending_rollback: None })
    }

    pub fn class(&self) -> &MappedClass {
        &self.class
    }

    fn pk_index(&self) -> usize {
        self.class.table.columns.iter().position(|c| c.primary_key).unwrap_or(0)
    }

    fn column_index(&self, name: &str) -> Option<usize> {
        self.class.table.columns.iter().position(|c| c.name == name)
    }

    fn instance(&self, values: &[Value]) -> Instance {
        let names = self.class.table.columns.iter().map(|c| c.name.clone());
        Instance { fields: names.zip(values.iter().cloned()).collect() }
    }

    fn check_usable(&self) -> Result<()> {
        match &self.pending_rollback {
            None => Ok(()),
            Some(original) => Err(Error::new(
                ErrorKind::PendingRollbackError,
                format!(
                    "This Session's transaction has been rolled back due to a previous exception during \
                     flush. To begin a new transaction with this Session, first issue Session.rollback(). \
                     Original exception was: {}",
                    original.detail()
                ),
            )),
        }
    }

    fn begin(&mut self, engine: &mut Engine) {
        if !self.in_transaction {
            engine.log_marker("BEGIN (implicit)");
            self.in_transaction = true;
        }
    }

    /// Ends the transaction: every object is expired, as `expire_on_commit` does.
    fn end(&mut self) {
        self.in_transaction = false;
        self.identity.clear();
    }

    /// `session.add(obj); session.commit()` for a new object built from keyword arguments, as
    /// `User(name="John Doe")` is. Unknown keywords fail like the declarative constructor does.
    pub fn add_and_commit(&mut self, engine: &mut Engine, kwargs: Vec<(String, Value)>) -> Result<Instance> {
        self.check_usable()?;
        let mut values = vec![Value::Null; self.class.table.columns.len()];
        for (key, value) in kwargs {
            let index = self.column_index(&key).ok_or_else(|| {
                Error::new(
                    ErrorKind::TypeError,
                    format!("'{key}' is an invalid keyword argument for {}", self.class.class_name),
                )
            })?;
            values[index] = value;
        }
        let pk = self.pk_index();
        // SQLAlchemy leaves an autoincrement primary key out of the INSERT when it has no value.
        let inserted: Vec<usize> =
            (0..values.len()).filter(|&i| i != pk || values[pk] != Value::Null).collect();
        let table = quote_identifier(&self.class.table.name);
        let sql = if inserted.is_empty() {
            format!("INSERT INTO {table} DEFAULT VALUES")
        } else {
            let names: Vec<String> =
                inserted.iter().map(|&i| quote_identifier(&self.class.table.columns[i].name)).collect();
            let marks = vec!["?"; inserted.len()].join(", ");
            format!("INSERT INTO {table} ({}) VALUES ({marks})", names.join(", "))
        };
        let params: Vec<Value> = inserted.iter().map(|&i| values[i].clone()).collect();
        self.begin(engine);
        // The unit of work runs pending UPDATEs before INSERTs.
        let mut writes: Vec<PendingWrite> = self.dirty_updates().into_iter().map(|(_, w)| w).collect();
        writes.push(PendingWrite { sql, params });
        let outcome = run_writes(engine, &writes).map(|()| engine.last_insert_rowid());
        let rowid = self.finish_flush(engine, outcome)?;
        if values[pk] == Value::Null {
            values[pk] = Value::Integer(rowid);
        }
        Ok(self.instance(&values))
    }

    /// `session.get(Class, pk)`: from the identity map when loaded in this transaction, else a
    /// SELECT (which begins the transaction). `None` when no row has that key.
    pub fn get(&mut self, engine: &mut Engine, pk: i64) -> Result<Option<Instance>> {
        self.check_usable()?;
        if let Some(loaded) = self.identity.get(&pk) {
            return Ok(Some(self.instance(&loaded.current)));
        }
        self.begin(engine);
        let found = engine.query(&self.sql.select_by_pk, &[Value::Integer(pk)])?;
        let Some(row) = found.rows.into_iter().next() else {
            return Ok(None);
        };
        let instance = self.instance(&row);
        self.identity.insert(pk, Loaded { committed: row.clone(), current: row });
        Ok(Some(instance))
    }

    /// `setattr(obj, key, value)` on a loaded object; flushed on the next commit. An unknown
    /// attribute is the seed's `AttributeError`.
    pub fn set_attribute(&mut self, pk: i64, key: &str, value: Value) -> Result<()> {
        let index = self.column_index(key);
        match (self.identity.get_mut(&pk), index) {
            (Some(loaded), Some(index)) => {
                loaded.current[index] = value;
                Ok(())
            }
            _ => Err(Error::new(ErrorKind::AttributeError, format!("User does not have attribute {key}"))),
        }
    }

    /// `session.commit()`: flushes pending attribute changes, then COMMIT.
    pub fn commit(&mut self, engine: &mut Engine) -> Result<()> {
        self.check_usable()?;
        if !self.in_transaction {
            return Ok(()); // nothing was begun, so nothing reaches the database
        }
        let writes: Vec<PendingWrite> = self.dirty_updates().into_iter().map(|(_, w)| w).collect();
        let outcome = run_writes(engine, &writes);
        self.finish_flush(engine, outcome)
    }

    /// `session.delete(obj); session.commit()` for the object with that key, which must be loaded.
    pub fn delete_and_commit(&mut self, engine: &mut Engine, pk: i64) -> Result<()> {
        self.check_usable()?;
        if !self.identity.contains_key(&pk) {
            return Err(Error::new(
                ErrorKind::UnmappedInstanceError,
                "Class 'builtins.NoneType' is not mapped",
            ));
        }
        self.begin(engine);
        let mut writes: Vec<PendingWrite> =
            self.dirty_updates().into_iter().filter(|(dirty_pk, _)| *dirty_pk != pk).map(|(_, w)| w).collect();
        writes.push(PendingWrite { sql: self.sql.delete_by_pk.clone(), params: vec![Value::Integer(pk)] });
        let outcome = run_writes(engine, &writes);
        self.finish_flush(engine, outcome)
    }

    /// `session.rollback()`: ends the transaction (logging ROLLBACK if one was begun and is still
    /// live) and clears the "needs rollback" state.
    pub fn rollback(&mut self, engine: &mut Engine) {
        if self.in_transaction && self.pending_rollback.is_none() {
            engine.log_marker("ROLLBACK");
        }
        self.pending_rollback = None;
        self.end();
    }

    /// COMMIT after a good flush; after a failed one, ROLLBACK and the "needs rollback" state.
    fn finish_flush<T>(&mut self, engine: &mut Engine, outcome: Result<T>) -> Result<T> {
        match outcome {
            Ok(value) => {
                engine.log_marker("COMMIT");
                self.end();
                Ok(value)
            }
            Err(err) => {
                engine.log_marker("ROLLBACK");
                self.end();
                self.pending_rollback = Some(err.clone());
                Err(err)
            }
        }
    }

    /// The UPDATE statements a flush would run: one per changed object, setting only the changed
    /// columns, in table column order, each with the primary key the row had.
    fn dirty_updates(&self) -> Vec<(i64, PendingWrite)> {
        let table = quote_identifier(&self.class.table.name);
        let mut updates = Vec::new();
        for (&pk, loaded) in &self.identity {
            let changed: Vec<usize> =
                (0..loaded.current.len()).filter(|&i| loaded.current[i] != loaded.committed[i]).collect();
            if changed.is_empty() {
                continue;
            }
            let sets: Vec<String> = changed
                .iter()
                .map(|&i| format!("{}=?", quote_identifier(&self.class.table.columns[i].name)))
                .collect();
            let mut params: Vec<Value> = changed.iter().map(|&i| loaded.current[i].clone()).collect();
            params.push(Value::Integer(pk));
            let sql = format!("UPDATE {table} SET {} {}", sets.join(", "), self.sql.where_pk);
            updates.push((pk, PendingWrite { sql, params }));
        }
        updates
    }
}

/// One statement a flush will run.
#[derive(Debug)]
struct PendingWrite {
    sql: String,
    params: Vec<Value>,
}

/// A flush's statements, all or none. One statement is atomic in SQLite by itself, so the
/// savepoint is paid for only when there are several.
fn run_writes(engine: &mut Engine, writes: &[PendingWrite]) -> Result<()> {
    match writes {
        [] => Ok(()),
        [one] => engine.execute(&one.sql, &one.params).map(|_| ()),
        many => engine.atomically(|engine| {
            for write in many {
                engine.execute(&write.sql, &write.params)?;
            }
            Ok(())
        }),
    }
}
