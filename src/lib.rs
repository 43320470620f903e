//! Alembic Lab's engine: a real SQLite and an imitation of the parts of SQLAlchemy and Alembic that
//! the tutorial touches. Plain Rust that builds natively; `wasm.rs` is the only part that knows JS.
//!
//! Data flows one way: models ([`schema`], [`models`]) → DDL text ([`sql`]) → a SQLite database
//! with an echo log ([`engine`]) → the ORM session ([`session`]) → the seed's `Database` ([`db`]).

pub mod db;
pub mod engine;
pub mod error;
pub mod models;
pub mod schema;
pub mod session;
pub mod sql;
pub mod value;

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
mod wasm;

pub use db::Database;
pub use engine::{LoggedStatement, QueryResult, TableData};
pub use error::{Error, ErrorKind, Result};
pub use session::Instance;
pub use value::Value;
