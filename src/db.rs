//! The seed's `Database` class: an engine, a session and `Base.metadata`, with the tutorial's
//! methods. Each method runs the SQL real SQLAlchemy runs for it, in the same order, and fails the
//! way the seed's Python fails, so what the learner sees here is what their own machine will show.
//!
//! ```
//! use alembic_lab::{Database, Value};
//!
//! let mut db = Database::open("sqlite.db")?;
//! db.create_tables()?;
//! let john = db.create_user(vec![("name".into(), Value::from("John Doe"))])?;
//! assert_eq!(john.get("id"), Some(&Value::Integer(1)));
//! let user = db.get_user(1)?.expect("John is there");
//! assert_eq!(db.repr(&user), "<User(name=John Doe)>");
//! let err = db.update_user(1, vec![("email".into(), Value::from("x"))]).unwrap_err();
//! assert_eq!(err.to_string(), "AttributeError: User does not have attribute email");
//! # Ok::<(), alembic_lab::Error>(())
//! ```

use crate::engine::{Engine, LoggedStatement, QueryResult, TableData};
use crate::error::Result;
use crate::models::{seed_user, MappedClass};
use crate::schema::{MetaData, SqlType};
use crate::session::{Instance, Session};
use crate::sql::{create_index, create_table, drop_table};
use crate::value::Value;

/// The seed's `Database` class as state: `Base.metadata` and its session. It runs on an engine it
/// is handed, so the lab's console and alembic can share one named database.
pub struct DatabaseState {
    metadata: MetaData,
    session: Session,
}

impl DatabaseState {
    /// A `Database` whose `Base.metadata` holds `metadata` and whose methods use `class`.
    pub fn new(metadata: MetaData, class: MappedClass) -> Result<Self> {
        Ok(DatabaseState { metadata, session: Session::new(class)? })
    }

    /// The mapped class the seed's methods use (`User`).
    pub fn class(&self) -> &MappedClass {
        self.session.class()
    }

    /// `Base.metadata.create_all(engine)`: checks each table in dependency order, then creates the
    /// missing ones, each followed by its indexes, in one transaction. Existing tables are left
    /// alone, as `create_all` does.
    pub fn create_tables(&mut self, engine: &mut Engine) -> Result<()> {
        engine.log_marker("BEGIN (implicit)");
        let outcome = engine.atomically(|engine| {
            let mut missing = Vec::new();
            for table in self.metadata.sorted_tables() {
                if !table_exists(engine, &table.name)? {
                    missing.push(table);
                }
            }
            for table in missing {
                engine.execute(&create_table(table), &[])?;
                for index in &table.indexes {
                    engine.execute(&create_index(&table.name, index), &[])?;
                }
            }
            Ok(())
        });
        end_engine_transaction(engine, outcome)
    }

    /// `Base.metadata.drop_all(engine)`: checks the tables in dependency order, then drops those
    /// that exist in reverse order (their indexes go with them); never fails because one is absent.
    pub fn drop_tables(&mut self, engine: &mut Engine) -> Result<()> {
        engine.log_marker("BEGIN (implicit)");
        let outcome = engine.atomically(|engine| {
            let mut present = Vec::new();
            for table in self.metadata.sorted_tables() {
                if table_exists(engine, &table.name)? {
                    present.push(table);
                }
            }
            for table in present.into_iter().rev() {
                engine.execute(&drop_table(&table.name), &[])?;
            }
            Ok(())
        });
        end_engine_transaction(engine, outcome)
    }

    /// `create_user(User(**fields))`: `session.add(user)` then `session.commit()`.
    pub fn create_user(&mut self, engine: &mut Engine, fields: Vec<(String, Value)>) -> Result<Instance> {
        self.session.add_and_commit(engine, fields)
    }

    /// `get_user(user_id)`: `session.get(User, user_id)`; `None` when there is no such user.
    pub fn get_user(&mut self, engine: &mut Engine, user_id: i64) -> Result<Option<Instance>> {
        self.session.get(engine, user_id)
    }

    /// `update_user(user_id, **fields)`: loads the user, sets each field (an unknown field, or no
    /// such user, is `AttributeError: User does not have attribute <key>`), then commits.
    pub fn update_user(&mut self, engine: &mut Engine, user_id: i64, fields: Vec<(String, Value)>) -> Result<Option<Instance>> {
        let user = self.session.get(engine, user_id)?;
        for (key, value) in fields {
            self.session.set_attribute(user_id, &key, value)?;
        }
        let updated = user.and_then(|_| self.session_snapshot(engine, user_id));
        self.session.commit(engine)?;
        Ok(updated)
    }

    /// The object's values as they are in the session now (before commit expires them).
    fn session_snapshot(&mut self, engine: &mut Engine, user_id: i64) -> Option<Instance> {
        // Served from the identity map: no SQL is recorded.
        self.session.get(engine, user_id).ok().flatten()
    }

    /// `delete_user(user_id)`: loads the user and deletes it; with no such user the seed calls
    /// `session.delete(None)`, which raises `UnmappedInstanceError`.
    pub fn delete_user(&mut self, engine: &mut Engine, user_id: i64) -> Result<()> {
        self.session.get(engine, user_id)?;
        self.session.delete_and_commit(engine, user_id)
    }

    /// `db.session.rollback()`: the way out of `PendingRollbackError`.
    pub fn rollback(&mut self, engine: &mut Engine) {
        self.session.rollback(engine);
    }

}

/// The seed's `Database(db_path)`: one SQLite database in memory, named as the file would be.
pub struct Database {
    name: String,
    engine: Engine,
    state: DatabaseState,
}

impl Database {
    /// `Database("sqlite.db")` with the seed's `User` model.
    pub fn open(name: &str) -> Result<Self> {
        Self::with_model(name, seed_user())
    }

    /// A database whose `Base.metadata` holds one mapped class.
    pub fn with_model(name: &str, class: MappedClass) -> Result<Self> {
        Ok(Database {
            name: name.to_string(),
            engine: Engine::open_in_memory()?,
            state: DatabaseState::new(MetaData::new(vec![class.table.clone()]), class)?,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The type of a column of the `User` model, `None` when the model has no such column.
    pub fn column_type(&self, column: &str) -> Option<&SqlType> {
        self.state.class().table.column(column).map(|c| &c.sql_type)
    }

    /// `Base.metadata.create_all(engine)`.
    pub fn create_tables(&mut self) -> Result<()> {
        self.state.create_tables(&mut self.engine)
    }

    /// `Base.metadata.drop_all(engine)`.
    pub fn drop_tables(&mut self) -> Result<()> {
        self.state.drop_tables(&mut self.engine)
    }

    /// `create_user(User(**fields))`.
    pub fn create_user(&mut self, fields: Vec<(String, Value)>) -> Result<Instance> {
        self.state.create_user(&mut self.engine, fields)
    }

    /// `get_user(user_id)`.
    pub fn get_user(&mut self, user_id: i64) -> Result<Option<Instance>> {
        self.state.get_user(&mut self.engine, user_id)
    }

    /// `update_user(user_id, **fields)`.
    pub fn update_user(&mut self, user_id: i64, fields: Vec<(String, Value)>) -> Result<Option<Instance>> {
        self.state.update_user(&mut self.engine, user_id, fields)
    }

    /// `delete_user(user_id)`.
    pub fn delete_user(&mut self, user_id: i64) -> Result<()> {
        self.state.delete_user(&mut self.engine, user_id)
    }

    /// `db.session.rollback()`.
    pub fn rollback(&mut self) {
        self.state.rollback(&mut self.engine);
    }

    /// Every user, by id, read without recording anything (for drawing the table).
    pub fn users(&self) -> Result<Vec<Instance>> {
        let table = &self.state.class().table;
        if !self.engine.has_table(&table.name)? {
            return Ok(Vec::new());
        }
        let quoted = crate::sql::quote_identifier(&table.name);
        let order = table.primary_key().next().map_or_else(|| "rowid".to_string(), |c| crate::sql::quote_identifier(&c.name));
        let found = self.engine.inspect(&format!("SELECT * FROM {quoted} ORDER BY {order}"))?;
        Ok(found
            .rows
            .into_iter()
            .map(|row| Instance { fields: found.columns.iter().cloned().zip(row).collect() })
            .collect())
    }

    /// `print(user)`: the model's `__repr__`.
    pub fn repr(&self, instance: &Instance) -> String {
        self.state.class().repr(&instance.fields)
    }

    /// Every table with its `CREATE` text and rows, in `sqlite_master` order.
    pub fn tables(&self) -> Result<Vec<TableData>> {
        self.engine.tables()
    }

    /// The SQL run since the last call, with parameters, like `echo=True` prints it.
    pub fn take_sql_log(&mut self) -> Vec<LoggedStatement> {
        self.engine.take_log()
    }

    /// Free SQL: SQLite's own answer, or its own error message.
    pub fn exec(&mut self, sql: &str) -> Result<QueryResult> {
        self.engine.exec(sql)
    }
}

/// The check `create_all` and `drop_all` make before touching a table: `PRAGMA main.table_info`,
/// then `PRAGMA temp.table_info` when the table is not in main.
fn table_exists(engine: &mut Engine, name: &str) -> Result<bool> {
    let quoted = crate::sql::quote_always(name);
    if !engine.query(&format!("PRAGMA main.table_info({quoted})"), &[])?.rows.is_empty() {
        return Ok(true);
    }
    Ok(!engine.query(&format!("PRAGMA temp.table_info({quoted})"), &[])?.rows.is_empty())
}

fn end_engine_transaction(engine: &mut Engine, outcome: Result<()>) -> Result<()> {
    engine.log_marker(if outcome.is_ok() { "COMMIT" } else { "ROLLBACK" });
    outcome
}
