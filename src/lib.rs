//! Alembic Lab's engine: a real SQLite and an imitation of the parts of SQLAlchemy and Alembic that
//! the tutorial touches. Plain Rust that builds natively; `wasm.rs` is the only part that knows JS.
//!
//! Data flows one way: models ([`schema`], [`models`]) → DDL text ([`sql`]) → a SQLite database
//! with an echo log ([`engine`]) → the ORM session ([`session`]) → the seed's `Database` ([`db`]).

pub mod console;
pub mod databases;
pub mod db;
pub mod encoding;
pub mod engine;
pub mod interp;
pub mod error;
pub mod lab;
pub mod memory;
pub mod migrate;
pub mod models;
pub mod python;
pub mod reflect;
pub mod schema;
pub mod seed_database;
pub mod session;
pub mod sorting;
pub mod sqlalchemy;
pub mod sql;
pub mod value;
pub mod watchdog;

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
pub mod wasm;

pub use db::Database;
pub use engine::{LoggedStatement, QueryResult, TableData};
pub use error::{Error, ErrorKind, Result};
pub use session::Instance;
pub use value::Value;

// Unit tests run in the browser too (`wasm-pack test`), as rusqlite's own tests do.
#[cfg(all(test, target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
