//! `sqlalchemy.orm`: declarative mapping, relationships, the Session and its Query.

pub mod aliased;
pub mod collection;
pub mod column_property;
pub mod deferred;
pub mod evaluator;
pub mod loader;
pub mod mapper;
pub mod query;
pub mod relationship;
pub mod savepoint;
pub mod session;
pub mod unit_of_work;
pub mod writeonly;
