//! Alembic's side: operations as data, their Python text, revision files, and running operations
//! on SQLite (including batch mode's "move and copy").

pub mod apply;
pub mod check;
pub mod cli;
pub mod command;
pub mod compare;
pub mod mako;
pub mod ops;
pub mod reference;
pub mod render;
pub mod revision;
pub mod runner;
pub mod script;
