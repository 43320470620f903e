//! The SQLite connection, with SQLAlchemy's `echo=True` built in.
//!
//! Every statement the lab runs on the learner's behalf goes through [`Engine::execute`] or
//! [`Engine::query`] and is recorded with its bound parameters, in order, so the page can show the
//! SQL each step ran. Reads the page makes for drawing ([`Engine::tables`]) are not recorded.

use std::collections::VecDeque;

use rusqlite::fallible_iterator::FallibleIterator;
use rusqlite::{params_from_iter, Batch, Connection};
use serde::Serialize;

use crate::error::Result;
use crate::value::Value;
use crate::watchdog::Watchdog;

/// How many statements the log keeps when nobody takes it; older ones are dropped first.
const LOG_CAPACITY: usize = 10_000;

/// The largest text or blob one value may hold in the lab's SQLite (SQLite's own default is a
/// billion bytes, more than a page can hold).
pub const MAX_VALUE_BYTES: i32 = 16 * 1024 * 1024;

/// Rows free SQL hands back at most; the rest is left unread (`truncated`), so a huge SELECT
/// cannot exhaust the page's memory.
pub const MAX_RESULT_ROWS: usize = 100_000;

/// One line of the echo log: the SQL text and its parameters. `params` is `None` for SQLAlchemy's
/// transaction markers (`BEGIN (implicit)`, `COMMIT`, `ROLLBACK`), which bind nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoggedStatement {
    pub sql: String,
    pub params: Option<Vec<Value>>,
}

/// Column names and rows of a query; `truncated` when more rows were left unread.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub truncated: bool,
}

/// A table as the page draws it: its `CREATE` text from `sqlite_master`, columns and rows (all of
/// them, or one window of them), and how many rows it has in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableData {
    pub name: String,
    pub sql: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    #[serde(rename = "rowCount")]
    pub row_count: i64,
    /// Columns with their types and keys, foreign keys and indexes: shown even with no rows.
    pub schema: crate::table_schema::TableSchema,
}

/// A SQLite database in memory, with its echo log.
pub struct Engine {
    // Declared first, so the connection (and its progress handler) goes before the watchdog.
    conn: Connection,
    log: VecDeque<LoggedStatement>,
    /// Stops any statement that runs past its budget.
    watchdog: Box<Watchdog>,
    /// Which of the learner's connections began the open transaction (as one SQLite file lets
    /// one writer at a time); `None` when none did.
    pub transaction_owner: Option<u64>,
    /// A migration step is running through Python's sqlite3: a write (`INSERT`, `UPDATE`,
    /// `DELETE`, `REPLACE`) outside a transaction first sends the driver's `BEGIN`; DDL before it
    /// takes effect at once, as it does for Alembic on SQLite.
    pub driver_begins: bool,
    /// The driver connection a migration runs on enforces foreign keys: env.py's engine ran a
    /// `connect` listener that turned `PRAGMA foreign_keys` on (else they are off, as Python's
    /// sqlite3 leaves them).
    pub driver_foreign_keys: bool,
}

/// What one statement of the learner's SQLAlchemy did: the rows it returned (a SELECT, or
/// `RETURNING`), how many rows it changed, and the rowid of the last row it inserted.
#[derive(Debug, Clone, Default)]
pub struct Ran {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub rowcount: i64,
    pub lastrowid: i64,
}

impl Engine {
    /// A new, empty in-memory database with foreign keys enforced (as on both of the lab's builds).
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
        // Defensive mode: SQL cannot rewrite sqlite_master by hand (`PRAGMA writable_schema`), the
        // one way free SQL could leave a schema SQLite itself cannot read back.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        // One plan per statement, whatever its bound values: otherwise a statement whose plan
        // read a bound value (`LIMIT ?`, as every `Query.first()` has) is expired each time the
        // statement cache clears its bindings, and SQLite prepares it again on every run.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        // One value of at most MAX_VALUE_BYTES: a `zeroblob(10^9)` is SQLite's own "string or
        // blob too big" at once, not a gigabyte the page cannot hold.
        // SAFETY: the handle is the open connection's.
        unsafe {
            rusqlite::ffi::sqlite3_limit(conn.handle(), rusqlite::ffi::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
        }
        let watchdog = Watchdog::install(&conn);
        Ok(Engine { conn, log: VecDeque::new(), watchdog, transaction_owner: None, driver_begins: false, driver_foreign_keys: false })
    }

    /// How long one statement may run before the lab stops it (milliseconds).
    pub fn set_statement_budget_ms(&self, budget: f64) {
        self.watchdog.set_budget_ms(budget);
    }

    pub fn statement_budget_ms(&self) -> f64 {
        self.watchdog.budget_ms()
    }

    /// Records a line that runs no SQL of its own, like `BEGIN (implicit)` or `COMMIT`.
    pub fn log_marker(&mut self, text: &str) {
        self.record(text.to_string(), None);
    }

    fn record(&mut self, sql: String, params: Option<Vec<Value>>) {
        if self.log.len() == LOG_CAPACITY {
            self.log.pop_front();
        }
        self.log.push_back(LoggedStatement { sql, params });
    }

    /// Records a statement that is sent but refused before it runs.
    pub fn log_statement(&mut self, sql: &str, params: &[Value]) {
        self.record(sql.to_string(), Some(params.to_vec()));
    }

    /// Runs one statement with bound parameters and records it. Returns the number of rows changed.
    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        self.record(sql.to_string(), Some(params.to_vec()));
        if has_no_statement(sql) {
            // Python's sqlite3 runs an empty or comment-only string as nothing at all.
            return Ok(0);
        }
        if self.driver_begins && !self.in_transaction() && is_write(sql) {
            self.run_cached("BEGIN")?;
        }
        self.watchdog.arm();
        let outcome = self.execute_now(sql, params);
        self.watchdog.explain(outcome)
    }

    fn execute_now(&self, sql: &str, params: &[Value]) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        if stmt.column_count() == 0 {
            return Ok(stmt.execute(params_from_iter(params))?);
        }
        // A statement that also returns rows (`INSERT … RETURNING`): step it to the end.
        let mut rows = stmt.query(params_from_iter(params))?;
        while rows.next()?.is_some() {}
        drop(rows);
        Ok(usize::try_from(self.conn.changes()).unwrap_or(usize::MAX))
    }

    /// Runs any one statement with bound parameters and records it: its rows if it has any,
    /// and what it changed.
    pub fn run(&mut self, sql: &str, params: &[Value]) -> Result<Ran> {
        self.record(sql.to_string(), Some(params.to_vec()));
        self.watchdog.arm();
        let outcome = self.conn.prepare_cached(sql).map_err(Into::into).and_then(|mut stmt| {
            let read = read_all(&mut stmt, params, MAX_RESULT_ROWS)?;
            Ok(read)
        });
        let read = self.watchdog.explain(outcome)?;
        let changed = read.columns.is_empty() || sql.trim_start().get(..6).is_some_and(|w| !w.eq_ignore_ascii_case("select"));
        let rowcount = if changed { i64::try_from(self.conn.changes()).unwrap_or(i64::MAX) } else { -1 };
        Ok(Ran { columns: read.columns, rows: read.rows, rowcount, lastrowid: self.conn.last_insert_rowid() })
    }

    /// The names of a statement's parameters in order, as written (`:name`, or empty for `?`):
    /// what a driver needs to bind a dict of values by name.
    pub fn parameter_names(&self, sql: &str) -> Result<Vec<String>> {
        let stmt = self.conn.prepare_cached(sql)?;
        Ok((1..=stmt.parameter_count()).map(|i| stmt.parameter_name(i).unwrap_or("").to_string()).collect())
    }

    /// The driver's own transaction statements (`BEGIN`, `COMMIT`, `ROLLBACK`), which Python's
    /// sqlite3 sends without SQLAlchemy logging them: run, not recorded.
    pub fn driver(&mut self, sql: &str) -> Result<()> {
        self.run_cached(sql)
    }

    /// Whether a transaction is open on the database.
    pub fn in_transaction(&self) -> bool {
        !self.conn.is_autocommit()
    }

    /// Runs one query with bound parameters and records it.
    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<QueryResult> {
        self.record(sql.to_string(), Some(params.to_vec()));
        self.watchdog.arm();
        let outcome = self.conn.prepare_cached(sql).map_err(Into::into).and_then(|mut stmt| read_all(&mut stmt, params, usize::MAX));
        self.watchdog.explain(outcome)
    }

    /// Runs `body` inside one SQLite transaction: all of its statements take effect, or none do.
    /// This is the lab's guarantee that a failed step leaves the database exactly as it was.
    pub fn atomically<T>(&mut self, body: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.begin_step()?;
        let outcome = body(self);
        self.end_step(outcome.is_ok())?;
        outcome
    }

    /// Opens a step that [`Engine::end_step`] keeps or undoes as a whole — what [`Engine::atomically`]
    /// does, for a step whose statements come from elsewhere between the two calls (a migration's
    /// Python).
    pub fn begin_step(&mut self) -> Result<()> {
        self.run_cached("SAVEPOINT lab_step")
    }

    pub fn end_step(&mut self, keep: bool) -> Result<()> {
        // Free SQL may have ended the transaction itself (COMMIT, ROLLBACK): nothing left to end.
        if self.conn.is_autocommit() {
            return Ok(());
        }
        if !keep {
            self.run_cached("ROLLBACK TO lab_step")?;
        }
        self.run_cached("RELEASE lab_step")
    }

    /// Runs a statement of the lab's own (not recorded), prepared once and kept.
    fn run_cached(&self, sql: &str) -> Result<()> {
        self.watchdog.arm();
        let outcome = self.conn.prepare_cached(sql).and_then(|mut stmt| stmt.execute([])).map(|_| ()).map_err(Into::into);
        self.watchdog.explain(outcome)
    }

    /// The rowid of the last row inserted, as SQLAlchemy reads a new primary key on SQLite.
    pub fn last_insert_rowid(&self) -> i64 {
        self.conn.last_insert_rowid()
    }

    /// Free SQL from the learner (one or more statements separated by `;`). All statements run in
    /// one transaction, or none take effect; the result is the last statement's rows. A runaway
    /// statement is stopped by the watchdog.
    pub fn exec(&mut self, sql: &str) -> Result<QueryResult> {
        self.record(sql.trim().to_string(), Some(Vec::new()));
        // Free SQL in the page enforces foreign keys (the learner's Python turns them off, as
        // Python's sqlite3 leaves them).
        if !self.in_transaction() {
            self.set_foreign_keys(true)?;
        }
        self.atomically(|engine| engine.exec_statements(sql))
    }

    fn exec_statements(&mut self, sql: &str) -> Result<QueryResult> {
        let mut last = QueryResult::default();
        let mut batch = Batch::new(&self.conn, sql);
        loop {
            self.watchdog.arm();
            let next = batch.next().map_err(Into::into);
            let Some(mut stmt) = self.watchdog.explain(next)? else { break };
            last = self.watchdog.explain(read_all(&mut stmt, &[], MAX_RESULT_ROWS))?;
        }
        Ok(last)
    }

    /// One value of a table, whole: the `row`-th row (in the order the page draws them) of
    /// `column`, for downloading a value the page was handed cut.
    pub fn cell(&self, table: &str, column: &str, row: usize) -> Result<Value> {
        let sql = format!(
            "SELECT {} FROM {} LIMIT 1 OFFSET {row}",
            crate::sql::quote_identifier(column),
            crate::sql::quote_identifier(table)
        );
        let found = self.inspect(&sql)?;
        Ok(found.rows.into_iter().next().and_then(|r| r.into_iter().next()).unwrap_or(Value::Null))
    }

    /// A query the lab makes to look at the schema (reflection), not recorded in the log.
    pub fn inspect(&self, sql: &str) -> Result<QueryResult> {
        self.watchdog.arm();
        let outcome = self.conn.prepare(sql).map_err(Into::into).and_then(|mut stmt| read_all(&mut stmt, &[], usize::MAX));
        self.watchdog.explain(outcome)
    }

    /// Whether SQLite enforces foreign keys on this connection now.
    pub fn foreign_keys_enforced(&self) -> Result<bool> {
        // Read from the connection's flags, not with `PRAGMA foreign_keys`: a pragma statement
        // is prepared anew each time it runs, and the drivers ask before every statement.
        Ok(self.conn.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY)?)
    }

    /// Turns foreign key enforcement on or off (only takes effect outside a transaction). Setting
    /// the pragma expires every prepared statement, which SQLite then prepares again on its next
    /// step, so it is set only when it changes: the drivers ask for their setting before each
    /// statement, and re-preparing was about a sixth of a seed `Database` call.
    pub fn set_foreign_keys(&self, on: bool) -> Result<()> {
        if self.foreign_keys_enforced()? != on {
            self.conn.execute_batch(if on { "PRAGMA foreign_keys = ON" } else { "PRAGMA foreign_keys = OFF" })?;
        }
        Ok(())
    }

    /// Whether a table exists (in the main schema), without recording anything.
    pub fn has_table(&self, name: &str) -> Result<bool> {
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |row| row.get(0),
        )?;
        Ok(count > 0)
    }

    /// Every table in `sqlite_master` order (SQLite's internal `sqlite_*` tables left out), with
    /// its rows in rowid order. Not recorded: this is the page looking, not the learner acting.
    pub fn tables(&self) -> Result<Vec<TableData>> {
        self.tables_window(|_| 0, usize::MAX)
    }

    /// Like [`Engine::tables`], with at most `limit` rows of each table, starting at `offset(name)`
    /// (in rowid order); `row_count` still counts them all. This keeps drawing a 100,000-row table
    /// as cheap as drawing one page of it.
    pub fn tables_window(&self, offset: impl Fn(&str) -> usize, limit: usize) -> Result<Vec<TableData>> {
        self.watchdog.arm();
        let outcome = self.read_tables(offset, limit);
        self.watchdog.explain(outcome)
    }

    fn read_tables(&self, offset: impl Fn(&str) -> usize, limit: usize) -> Result<Vec<TableData>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
        )?;
        let listed = stmt
            .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut tables = Vec::with_capacity(listed.len());
        for (name, sql) in listed {
            let quoted = crate::sql::quote_always(&name);
            let row_count: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {quoted}"), [], |r| r.get(0))?;
            let sql_limit = i64::try_from(limit).unwrap_or(-1);
            let start = i64::try_from(offset(&name)).unwrap_or(0);
            let mut select = self.conn.prepare(&format!("SELECT * FROM {quoted} LIMIT {sql_limit} OFFSET {start}"))?;
            let QueryResult { columns, rows, .. } = read_all(&mut select, &[], usize::MAX)?;
            let schema = crate::table_schema::table_schema(self, &name)?;
            tables.push(TableData { name, sql: sql.unwrap_or_default(), columns, rows, row_count, schema });
        }
        Ok(tables)
    }

    /// The database as the bytes of a SQLite file (what the sqlite3 CLI opens).
    pub fn serialize(&mut self) -> Result<Vec<u8>> {
        Ok(self.conn.serialize(rusqlite::MAIN_DB)?.to_vec())
    }

    /// Replaces the database with the SQLite file in `bytes`; refuses anything that is not one.
    pub fn deserialize(&mut self, bytes: &[u8]) -> Result<()> {
        if !bytes.is_empty() && !bytes.starts_with(b"SQLite format 3\0") {
            return Err(crate::error::Error::new(
                crate::error::ErrorKind::DatabaseError,
                "file is not a database",
            ));
        }
        self.conn.flush_prepared_statement_cache();
        self.conn.deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), false)?;
        // A file is only trusted once SQLite has read its schema and checked its pages: a damaged
        // file is refused here, not discovered by some later step.
        self.watchdog.arm();
        let checked = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
            .and_then(|_| self.conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)));
        let verdict = self.watchdog.explain(checked.map_err(Into::into))?;
        // Names and schema text that are not UTF-8 cannot be shown or queried safely.
        let schema = self.inspect("SELECT CAST(name AS BLOB), CAST(sql AS BLOB) FROM sqlite_master")?;
        let readable = schema.rows.iter().flatten().all(|v| match v {
            Value::Blob(bytes) => std::str::from_utf8(bytes).is_ok(),
            _ => true,
        });
        if verdict != "ok" || !readable {
            return Err(crate::error::Error::new(crate::error::ErrorKind::DatabaseError, "database disk image is malformed"));
        }
        Ok(())
    }

    /// The newest statement recorded (the one that failed, after a failure).
    pub fn last_logged(&self) -> Option<&LoggedStatement> {
        self.log.back()
    }

    /// The statements recorded since the last call, oldest first.
    pub fn take_log(&mut self) -> Vec<LoggedStatement> {
        self.log.drain(..).collect()
    }
}

/// Steps a statement, collecting its column names and up to `limit` rows.
fn read_all(stmt: &mut rusqlite::Statement<'_>, params: &[Value], limit: usize) -> Result<QueryResult> {
    // Every name is UTF-8: free SQL cannot rewrite the schema (defensive mode) and a file whose
    // schema is not UTF-8 is refused on the way in, so rusqlite's panic on such a name is unreachable.
    let columns: Vec<String> = stmt.column_names().map(String::from).collect();
    let width = columns.len();
    let mut rows = Vec::new();
    let mut cursor = stmt.query(params_from_iter(params))?;
    while let Some(row) = cursor.next()? {
        if rows.len() == limit {
            return Ok(QueryResult { columns, rows, truncated: true });
        }
        rows.push((0..width).map(|i| Ok(Value::from(row.get_ref(i)?))).collect::<Result<Vec<_>>>()?);
    }
    Ok(QueryResult { columns, rows, truncated: false })
}

/// Whether Python's sqlite3 opens a transaction before this statement.
pub fn is_write(sql: &str) -> bool {
    let word: String = sql.trim_start().chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_ascii_uppercase();
    matches!(word.as_str(), "INSERT" | "UPDATE" | "DELETE" | "REPLACE")
}

/// Whether SQL text holds no statement: only blanks, `--` and `/* */` comments, and semicolons.
pub fn has_no_statement(sql: &str) -> bool {
    let mut rest = sql;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else {
            return rest.is_empty();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use crate::error::ErrorKind;

    #[test]
    fn a_cached_statement_is_not_prepared_again_for_new_values_or_a_driver_asking_for_its_foreign_keys() {
        // `Query.first()`'s `LIMIT ? OFFSET ?` once made SQLite prepare the statement on every
        // run (its plan read the bound value), and so did setting `PRAGMA foreign_keys` to the
        // value it already had, which the drivers do before each statement.
        let mut engine = Engine::open_in_memory().unwrap();
        engine.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x)", &[]).unwrap();
        let sql = "SELECT t.id, t.x FROM t WHERE t.id = ? LIMIT ? OFFSET ?";
        for id in 1..=5 {
            engine.execute("INSERT INTO t (x) VALUES (?)", &[Value::from("a")]).unwrap();
            engine.set_foreign_keys(false).unwrap();
            engine.run(sql, &[Value::Integer(id), Value::Integer(1), Value::Integer(0)]).unwrap();
            assert!(!engine.foreign_keys_enforced().unwrap());
        }
        let stmt = engine.conn.prepare_cached(sql).unwrap();
        assert_eq!(stmt.get_status(rusqlite::StatementStatus::RePrepare), 0);
        assert_eq!(stmt.get_status(rusqlite::StatementStatus::Run), 5);
    }

    #[test]
    fn statements_are_logged_with_their_parameters_in_order() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.log_marker("BEGIN (implicit)");
        engine.execute("CREATE TABLE t (x)", &[]).unwrap();
        engine.execute("INSERT INTO t (x) VALUES (?)", &[Value::from("a")]).unwrap();
        let log = engine.take_log();
        assert_eq!(log.len(), 3);
        assert_eq!(log[0], LoggedStatement { sql: "BEGIN (implicit)".into(), params: None });
        assert_eq!(log[2].params, Some(vec![Value::from("a")]));
        assert!(engine.take_log().is_empty(), "taking the log empties it");
    }

    #[test]
    fn the_log_keeps_only_the_newest_statements() {
        let mut engine = Engine::open_in_memory().unwrap();
        for _ in 0..LOG_CAPACITY + 5 {
            engine.log_marker("COMMIT");
        }
        assert_eq!(engine.take_log().len(), LOG_CAPACITY);
    }

    #[test]
    fn atomically_undoes_everything_when_the_body_fails() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.execute("CREATE TABLE t (x NOT NULL)", &[]).unwrap();
        let failed = engine.atomically(|e| {
            e.execute("INSERT INTO t VALUES (1)", &[])?;
            e.execute("INSERT INTO t VALUES (NULL)", &[])
        });
        assert_eq!(failed.unwrap_err().kind(), ErrorKind::IntegrityError);
        assert!(engine.tables().unwrap()[0].rows.is_empty());
    }

    #[test]
    fn exec_runs_several_statements_and_returns_the_last_result() {
        let mut engine = Engine::open_in_memory().unwrap();
        let result = engine
            .exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2.5), ('three'), (NULL), (x'00ff'); SELECT x FROM t;")
            .unwrap();
        assert_eq!(result.columns, ["x"]);
        assert_eq!(
            result.rows,
            vec![
                vec![Value::Integer(1)],
                vec![Value::Real(2.5)],
                vec![Value::from("three")],
                vec![Value::Null],
                vec![Value::Blob(vec![0, 255])]
            ]
        );
    }

    #[test]
    fn a_failing_exec_changes_nothing_and_reports_sqlites_words() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.exec("CREATE TABLE t (x)").unwrap();
        let err = engine.exec("INSERT INTO t VALUES (1); INSERT INTO nowhere VALUES (2)").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OperationalError);
        assert_eq!(err.message(), "no such table: nowhere");
        assert!(engine.tables().unwrap()[0].rows.is_empty());
        let err = engine.exec("SELEC 1").unwrap_err();
        assert_eq!(err.message(), "near \"SELEC\": syntax error");
    }

    #[test]
    fn exec_survives_transaction_statements_typed_by_the_learner() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.exec("CREATE TABLE t (x)").unwrap();
        // A COMMIT or ROLLBACK ends the lab's own transaction early; that is harmless.
        engine.exec("COMMIT").unwrap();
        engine.exec("INSERT INTO t VALUES (1); COMMIT").unwrap();
        engine.exec("INSERT INTO t VALUES (2); ROLLBACK").unwrap();
        let err = engine.exec("BEGIN").unwrap_err();
        assert_eq!(err.message(), "cannot start a transaction within a transaction");
        assert_eq!(engine.exec("SELECT count(*) FROM t").unwrap().rows, vec![vec![Value::Integer(1)]]);
    }

    #[test]
    fn a_runaway_query_is_interrupted_and_the_engine_keeps_working() {
        let mut engine = Engine::open_in_memory().unwrap();
        let err = engine
            .exec("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
            .unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::LabLimit);
        assert_eq!(err.message(), "the lab stopped this statement after 0.5 s: an endless query?");
        assert_eq!(engine.exec("SELECT 1 + 1").unwrap().rows, vec![vec![Value::Integer(2)]]);
    }

    #[test]
    fn every_statement_is_watched_even_one_a_trigger_makes_endless() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.set_statement_budget_ms(100.0);
        engine
            .exec(
                "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('kept'); \
                 CREATE TRIGGER slow BEFORE INSERT ON users BEGIN \
                 SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c); END",
            )
            .unwrap();
        let err = engine.execute("INSERT INTO users (name) VALUES (?)", &[Value::from("Ann")]).unwrap_err();
        assert_eq!(err.message(), "the lab stopped this statement after 0.1 s: an endless query?");
        let err = engine.query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c", &[]).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::LabLimit);
        let rows = engine.inspect("SELECT name FROM users").unwrap().rows;
        assert_eq!(rows, vec![vec![Value::from("kept")]], "the stopped INSERT left nothing behind");
        let err = engine.execute("SELECT 1", &[]).map(|_| ());
        assert!(err.is_ok(), "the engine keeps working");
    }

    #[test]
    fn a_huge_result_is_cut_at_the_row_limit() {
        let mut engine = Engine::open_in_memory().unwrap();
        let sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c LIMIT 100005";
        let result = engine.exec(sql).unwrap();
        assert_eq!(result.rows.len(), MAX_RESULT_ROWS);
        assert!(result.truncated);
        assert!(!engine.exec("SELECT 1").unwrap().truncated);
    }

    #[test]
    fn a_window_of_a_big_table_reads_only_its_rows() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.exec("CREATE TABLE t (x); WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 100000) INSERT INTO t SELECT n FROM c").unwrap();
        let window = engine.tables_window(|_| 200, 200).unwrap();
        assert_eq!((window[0].row_count, window[0].rows.len()), (100_000, 200));
        assert_eq!(window[0].rows[0], vec![Value::Integer(201)]);
    }

    #[test]
    fn tables_lists_sqlite_master_order_and_skips_sqlite_internals() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.exec("CREATE TABLE b (x INTEGER PRIMARY KEY AUTOINCREMENT); CREATE TABLE a (y); INSERT INTO b DEFAULT VALUES").unwrap();
        let names: Vec<String> = engine.tables().unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["b", "a"]);
        assert!(engine.has_table("a").unwrap());
        assert!(!engine.has_table("c").unwrap());
    }

    #[test]
    fn empty_and_comment_only_sql_runs_as_nothing() {
        for blank in ["", "  ", "-- nothing to do", "/* a */ ; -- b\n", ";"] {
            assert!(has_no_statement(blank), "{blank:?}");
        }
        assert!(!has_no_statement("-- x\nSELECT 1"));
        let mut engine = Engine::open_in_memory().unwrap();
        assert_eq!(engine.execute("-- nothing to do", &[]).unwrap(), 0);
    }

    #[test]
    fn no_value_may_outgrow_the_page() {
        let mut engine = Engine::open_in_memory().unwrap();
        let err = engine.exec("SELECT zeroblob(135000000)").unwrap_err();
        assert_eq!(err.message(), "string or blob too big");
        let big = engine.exec("SELECT length(zeroblob(16000000))").unwrap();
        assert_eq!(big.rows, vec![vec![Value::Integer(16_000_000)]], "up to 16 MB is fine");
    }

    #[test]
    fn a_schema_that_is_not_utf8_never_gets_in() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)").unwrap();
        let rewrite = "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE TABLE t (' || CAST(x'ff' AS TEXT) || ' INTEGER)' WHERE name = 't'";
        let err = engine.exec(rewrite).unwrap_err();
        assert_eq!(err.message(), "table sqlite_master may not be modified", "free SQL cannot rewrite the schema");
        // A file whose schema was damaged that way (made here with defensive mode off) is refused.
        engine.conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, false).unwrap();
        engine.exec(rewrite).unwrap();
        let bytes = engine.serialize().unwrap();
        let mut fresh = Engine::open_in_memory().unwrap();
        assert_eq!(fresh.deserialize(&bytes).unwrap_err().message(), "database disk image is malformed");
    }

    #[test]
    fn a_cell_comes_whole_for_download() {
        let mut engine = Engine::open_in_memory().unwrap();
        engine.exec("CREATE TABLE \"my t\" (x, \"y z\"); INSERT INTO \"my t\" VALUES (1, zeroblob(5000)), (2, 'two')").unwrap();
        assert_eq!(engine.cell("my t", "y z", 0).unwrap(), Value::Blob(vec![0; 5000]));
        assert_eq!(engine.cell("my t", "y z", 1).unwrap(), Value::from("two"));
        assert_eq!(engine.cell("my t", "y z", 9).unwrap(), Value::Null);
        assert!(engine.cell("nope", "x", 0).is_err());
    }
}
