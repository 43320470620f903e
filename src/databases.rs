//! The lab's named SQLite databases, shared by everything that opens one: the alembic commands,
//! the page's views, and the learner's Python (`create_engine("sqlite:///sqlite.db")`), so that a
//! name means one database, as a file on disk would. Each database is borrowed only for the
//! statement that uses it, never while Python runs.

use std::cell::{RefCell, RefMut};
use crate::sorted_map::SortedMap;
use std::rc::Rc;

use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};

/// One database, shared.
pub type SharedEngine = Rc<RefCell<Engine>>;

/// The databases of one lab, by name.
#[derive(Clone, Default)]
pub struct Databases {
    by_name: Rc<RefCell<SortedMap<String, SharedEngine>>>,
    budget_ms: Rc<std::cell::Cell<f64>>,
}

impl Databases {
    pub fn new(budget_ms: f64) -> Databases {
        let databases = Databases::default();
        databases.budget_ms.set(budget_ms);
        databases
    }

    /// The database a name opens (`sqlite.db`), created empty on first use, as SQLite creates a file.
    pub fn open(&self, name: &str) -> Result<SharedEngine> {
        if let Some(engine) = self.by_name.borrow().get(name) {
            return Ok(engine.clone());
        }
        let engine = Engine::open_in_memory()?;
        engine.set_statement_budget_ms(self.budget_ms.get());
        let engine = Rc::new(RefCell::new(engine));
        self.by_name.borrow_mut().insert(name.to_string(), engine.clone());
        Ok(engine)
    }

    /// The database a name opens, if anything has opened it yet.
    pub fn get(&self, name: &str) -> Option<SharedEngine> {
        self.by_name.borrow().get(name).cloned()
    }

    /// Forgets a database, as deleting its file does.
    pub fn remove(&self, name: &str) {
        self.by_name.borrow_mut().remove(name);
    }

    /// The database, borrowed for one use; a database already in use (a statement that calls back
    /// into Python which opens it again) is an error, not a crash.
    pub fn borrow(engine: &SharedEngine) -> Result<RefMut<'_, Engine>> {
        engine.try_borrow_mut().map_err(|_| Error::new(ErrorKind::OperationalError, "database is locked"))
    }

    pub fn names(&self) -> Vec<String> {
        self.by_name.borrow().keys().cloned().collect()
    }

    pub fn all(&self) -> Vec<(String, SharedEngine)> {
        self.by_name.borrow().iter().map(|(n, e)| (n.clone(), e.clone())).collect()
    }

    /// Puts `engine` under `name`, in place of what was there: whoever holds that database (an
    /// engine the learner's Python made) now sees the new one, as a file replaced on disk.
    pub fn insert(&self, name: &str, engine: Engine) {
        engine.set_statement_budget_ms(self.budget_ms.get());
        let existing = self.by_name.borrow().get(name).cloned();
        match existing {
            Some(shared) => match shared.try_borrow_mut() {
                Ok(mut slot) => *slot = engine,
                Err(_) => {
                    self.by_name.borrow_mut().insert(name.to_string(), Rc::new(RefCell::new(engine)));
                }
            },
            None => {
                self.by_name.borrow_mut().insert(name.to_string(), Rc::new(RefCell::new(engine)));
            }
        }
    }

    /// Replaces every database at once (restoring a snapshot).
    pub fn replace_all(&self, engines: SortedMap<String, Engine>) {
        self.by_name.borrow_mut().retain(|name, _| engines.contains_key(name));
        for (name, engine) in engines {
            self.insert(&name, engine);
        }
    }

    pub fn set_statement_budget_ms(&self, budget: f64) {
        self.budget_ms.set(budget);
        for engine in self.by_name.borrow().values() {
            if let Ok(engine) = engine.try_borrow() {
                engine.set_statement_budget_ms(budget);
            }
        }
    }
}
