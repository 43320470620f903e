//! Reading the learner's Python: a lexer and parser for the subset that models, revision files
//! and the console use. Nothing is executed; the tree is read by `models` and `migrate::script`.

pub mod ast;
pub mod interactive;
pub mod lexer;
pub mod parser;
pub mod warnings;

pub use ast::*;
pub use parser::{parse_expression, parse_module};
