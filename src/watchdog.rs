//! The statement watchdog: SQLite's progress handler, installed on every connection the lab opens,
//! stops any statement that runs longer than its budget — free SQL, a revision's `op.execute`, a
//! trigger fired by an INSERT, the lab's own reads. Without it one endless query (a recursive CTE
//! with no end, a trigger that loops) would freeze the page for good. SQLite undoes what the
//! stopped statement did, and the error says plainly that the lab stopped it.

use std::cell::Cell;
use std::os::raw::{c_int, c_void};

use rusqlite::Connection;

use crate::error::{Error, ErrorKind, Result};

/// How long one statement may run, by default: well under a second, so a learner's action
/// always answers.
pub const DEFAULT_BUDGET_MS: f64 = 500.0;

/// SQLite virtual-machine steps between two looks at the clock.
const STEPS_PER_CHECK: c_int = 10_000;

/// Milliseconds from a fixed point: the browser's clock in the page, the system's natively.
pub fn now_ms() -> f64 {
    #[cfg(target_family = "wasm")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_family = "wasm"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

/// The deadline of the statement running now, and whether the watchdog stopped it.
#[derive(Debug)]
pub struct Watchdog {
    budget_ms: Cell<f64>,
    deadline: Cell<f64>,
    tripped: Cell<bool>,
}

impl Watchdog {
    /// A watchdog installed on `conn`. It must outlive the handler: the connection's owner keeps
    /// both, and the box keeps the watchdog's address fixed.
    pub fn install(conn: &Connection) -> Box<Watchdog> {
        let watchdog =
            Box::new(Watchdog { budget_ms: Cell::new(DEFAULT_BUDGET_MS), deadline: Cell::new(f64::NAN), tripped: Cell::new(false) });
        let pointer: *const Watchdog = &*watchdog;
        // SAFETY: the handler reads the boxed watchdog, which lives as long as the `Engine` that
        // owns both it and the connection; the connection (and with it the handler) is dropped
        // first, as `Engine` declares it first.
        unsafe {
            rusqlite::ffi::sqlite3_progress_handler(conn.handle(), STEPS_PER_CHECK, Some(check), pointer.cast_mut().cast::<c_void>());
        }
        watchdog
    }

    /// Sets how long a statement may run.
    pub fn set_budget_ms(&self, budget: f64) {
        self.budget_ms.set(if budget.is_finite() && budget > 0.0 { budget } else { DEFAULT_BUDGET_MS });
    }

    pub fn budget_ms(&self) -> f64 {
        self.budget_ms.get()
    }

    /// Starts the clock for the statements about to run. The clock is read lazily, at the first
    /// progress check: a short statement (most of them) never costs a clock read.
    pub fn arm(&self) {
        self.tripped.set(false);
        self.deadline.set(f64::NAN);
    }

    /// An error the watchdog caused, in words that say so; any other error as it is.
    pub fn explain<T>(&self, outcome: Result<T>) -> Result<T> {
        outcome.map_err(|err| {
            if self.tripped.replace(false) {
                let seconds = seconds_text(self.budget_ms.get());
                Error::new(ErrorKind::LabLimit, format!("the lab stopped this statement after {seconds} s: an endless query?"))
            } else {
                err
            }
        })
    }
}

/// Milliseconds as seconds (`500` → `0.5`), with integers only: formatting an `f64` would pull
/// Rust's float printer (about 15 KB) into the page.
fn seconds_text(milliseconds: f64) -> String {
    let ms = milliseconds.round().max(0.0) as u64;
    let (whole, part) = (ms / 1000, ms % 1000);
    if part == 0 {
        return whole.to_string();
    }
    let part = format!("{part:03}");
    format!("{whole}.{}", part.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn budgets_read_as_seconds() {
        assert_eq!(seconds_text(500.0), "0.5");
        assert_eq!(seconds_text(100.0), "0.1");
        assert_eq!(seconds_text(2000.0), "2");
        assert_eq!(seconds_text(1250.0), "1.25");
        assert_eq!(seconds_text(7.0), "0.007");
    }
}

/// SQLite's progress callback: a non-zero answer interrupts the running statement.
unsafe extern "C" fn check(watchdog: *mut c_void) -> c_int {
    // SAFETY: `watchdog` is the boxed `Watchdog` that `install` registered with this connection.
    let watchdog = unsafe { &*watchdog.cast::<Watchdog>() };
    let now = now_ms();
    if watchdog.deadline.get().is_nan() {
        // First check of this statement: the budget counts from here.
        watchdog.deadline.set(now + watchdog.budget_ms.get());
        return 0;
    }
    if now > watchdog.deadline.get() {
        watchdog.tripped.set(true);
        return 1;
    }
    0
}
