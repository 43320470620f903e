//! Alembic Lab's engine: a real SQLite, a small Python interpreter ([`interp`]) that runs the
//! learner's files, and the parts of SQLAlchemy ([`sqlalchemy`]) and Alembic ([`migrate`]) they
//! use, written natively. Plain Rust that builds natively; `wasm.rs` is the only part that knows JS.
//!
//! Data flows one way: the learner's Python → `sqlalchemy` (MetaData, expressions, Session) →
//! SQL text ([`sql`]) → a SQLite database with an echo log ([`engine`], shared by name through
//! [`databases`]); the page reads the databases and files the [`lab`] keeps.

pub mod alembic;
pub mod databases;
pub mod encoding;
pub mod engine;
pub mod interp;
pub mod error;
pub mod fast_hash;
pub mod lab;
pub mod memory;
pub mod migrate;
pub mod naming;
pub mod python;
pub mod reflect;
pub mod schema;
pub mod seed_database;
pub mod sorted_map;
pub mod sorting;
pub mod sqlalchemy;
pub mod sql;
pub mod table_schema;
pub mod value;
pub mod watchdog;

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
pub mod wasm;

pub use engine::{LoggedStatement, QueryResult, TableData};
pub use error::{Error, ErrorKind, Result};
pub use sorted_map::{Files, SortedMap};
pub use value::Value;

// Unit tests run in the browser too (`wasm-pack test`), as rusqlite's own tests do.
#[cfg(all(test, target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
