//! The one error type of the lab.
//!
//! Every failure a learner can meet is an [`Error`]: a [`ErrorKind`] (the Python exception class the
//! real tools would raise) and the message those tools print. The page shows both, and the wasm layer
//! turns them into a JS `Error` whose `name` is the kind and whose `message` is the message.

use std::fmt;

/// The exception class a real SQLAlchemy / sqlite3 / Python run would raise for the same mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `AttributeError`, e.g. the seed's `update_user` with a field `User` does not have.
    AttributeError,
    /// `TypeError`, e.g. a value of the wrong type or an unknown keyword argument.
    TypeError,
    /// `ValueError`, e.g. an id that is not a whole number.
    ValueError,
    /// `sqlalchemy.orm.exc.UnmappedInstanceError`: `session.delete(None)`.
    UnmappedInstanceError,
    /// `sqlalchemy.exc.PendingRollbackError`: the session's last flush failed.
    PendingRollbackError,
    /// `sqlalchemy.exc.IntegrityError`: SQLite refused a constraint.
    IntegrityError,
    /// `sqlalchemy.exc.OperationalError`: SQLite refused the statement (no such table, syntax …).
    OperationalError,
    /// `sqlite3.ProgrammingError`: misuse of the driver, e.g. two statements in one `execute`.
    ProgrammingError,
    /// `SyntaxError`: Python the lab cannot read, with the line and column.
    SyntaxError,
    /// `NameError`: a name the file never defined or imported.
    NameError,
    /// `ImportError`: a name a module does not define.
    ImportError,
    /// `sqlalchemy.exc.ArgumentError`: a model SQLAlchemy itself would refuse.
    ArgumentError,
    /// `sqlalchemy.orm.exc.MappedAnnotationError`: a `Mapped[...]` type SQLAlchemy cannot map.
    MappedAnnotationError,
    /// `NotImplementedError`: something Alembic refuses on SQLite (outside batch mode).
    NotImplementedError,
    /// `alembic.util.exc.CommandError`: a revision file or command Alembic rejects.
    CommandError,
    /// `sqlite3.DatabaseError`: bytes that are not a SQLite database.
    DatabaseError,
    /// `FileNotFoundError`: a project file that is not there.
    FileNotFoundError,
    /// `sqlalchemy.exc.NoSuchModuleError`: a database URL whose dialect is unknown.
    NoSuchModuleError,
    AssertionError,
    /// argparse's exit after a usage error (status 2).
    SystemExit,
    /// Something the real tool does that the lab cannot do; the message says so plainly.
    NotAvailable,
    /// The lab stopped something that ran past its budget; the message says what and why.
    LabLimit,
    /// An uncaught exception of a program the lab's Python ran (see [`Error::python`]).
    PythonException,
}

impl ErrorKind {
    /// The class name as Python prints it on a traceback's last line.
    pub fn qualified_name(self) -> &'static str {
        match self {
            ErrorKind::AttributeError => "AttributeError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::UnmappedInstanceError => "sqlalchemy.orm.exc.UnmappedInstanceError",
            ErrorKind::PendingRollbackError => "sqlalchemy.exc.PendingRollbackError",
            ErrorKind::IntegrityError => "sqlalchemy.exc.IntegrityError",
            ErrorKind::OperationalError => "sqlalchemy.exc.OperationalError",
            ErrorKind::ProgrammingError => "sqlite3.ProgrammingError",
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::NameError => "NameError",
            ErrorKind::ImportError => "ImportError",
            ErrorKind::ArgumentError => "sqlalchemy.exc.ArgumentError",
            ErrorKind::MappedAnnotationError => "sqlalchemy.orm.exc.MappedAnnotationError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::CommandError => "alembic.util.exc.CommandError",
            ErrorKind::FileNotFoundError => "FileNotFoundError",
            ErrorKind::DatabaseError => "sqlite3.DatabaseError",
            ErrorKind::NoSuchModuleError => "sqlalchemy.exc.NoSuchModuleError",
            ErrorKind::SystemExit => "SystemExit",
            ErrorKind::AssertionError => "AssertionError",
            ErrorKind::NotAvailable => "NotAvailable",
            ErrorKind::LabLimit => "LabLimit",
            ErrorKind::PythonException => "Exception",
        }
    }

    /// The short class name (`IntegrityError`), used as a JS `Error`'s `name`.
    pub fn name(self) -> &'static str {
        let qualified = self.qualified_name();
        qualified.rsplit('.').next().unwrap_or(qualified)
    }
}

/// A failure, worded as the real tool words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    /// The class of an exception the lab's Python raised (`ZeroDivisionError`), which the kinds
    /// above do not all name; the page shows it as the JS error's name.
    python_class: Option<String>,
    /// The exception this one was raised from (`raise … from`): its qualified class and message,
    /// as Alembic's CommandError is from the revision map's error.
    cause: Option<Box<(String, String)>>,
    /// The whole traceback of an error that came up through the learner's Python (env.py), for
    /// `alembic --raiseerr`, which shows it rather than `FAILED:`.
    traceback: Option<String>,
}

/// The lab's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), python_class: None, cause: None, traceback: None }
    }

    /// The same error, raised from `class: message`.
    pub fn caused_by(mut self, class: &str, message: impl Into<String>) -> Self {
        self.cause = Some(Box::new((class.to_string(), message.into())));
        self
    }

    /// The same error, with the traceback Python printed for it.
    pub fn with_traceback(mut self, traceback: impl Into<String>) -> Self {
        self.traceback = Some(traceback.into());
        self
    }

    pub fn cause(&self) -> Option<(&str, &str)> {
        self.cause.as_deref().map(|(class, message)| (class.as_str(), message.as_str()))
    }

    /// What Python prints when the error goes uncaught: the traceback it came up with, or — for
    /// an error raised in library code, whose frames the lab does not show — the headers, the
    /// exception it was raised from, and its last line.
    pub fn uncaught_text(&self) -> String {
        if let Some(traceback) = &self.traceback {
            return traceback.trim_end().to_string();
        }
        let mut text = String::new();
        if let Some((class, message)) = self.cause() {
            text.push_str(&format!(
                "Traceback (most recent call last):\n{class}: {message}\n\nThe above exception was the direct cause of the following exception:\n\n"
            ));
        }
        text + "Traceback (most recent call last):\n" + &self.traceback_line()
    }

    /// An exception a Python program raised and did not catch: its class and its traceback text.
    pub fn python(class: &str, traceback: impl Into<String>) -> Self {
        Error { kind: ErrorKind::PythonException, message: traceback.into(), python_class: Some(class.to_string()), cause: None, traceback: None }
    }

    /// The Python class name of the error, for the page.
    pub fn class_name(&self) -> &str {
        self.python_class.as_deref().unwrap_or_else(|| self.kind.name())
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message alone, e.g. `NOT NULL constraint failed: users.name`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The last line of the traceback Python would print, e.g.
    /// `sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: users.name`.
    pub fn traceback_line(&self) -> String {
        if self.kind == ErrorKind::PythonException {
            // The message is the whole traceback: the exception is its last part, from the line
            // that names its class (a SQLAlchemy message goes on with `[SQL: …]` lines).
            let lines: Vec<&str> = self.message.lines().collect();
            let class = self.class_name();
            let start = lines
                .iter()
                .rposition(|l| l.starts_with(&format!("{class}:")) || *l == class)
                .unwrap_or(lines.len().saturating_sub(1));
            return lines[start..].join("\n");
        }
        if matches!(self.kind, ErrorKind::NotAvailable | ErrorKind::LabLimit) {
            // The lab's own words, not a Python exception: said as they are.
            return self.message.clone();
        }
        if self.message.is_empty() {
            // A bare `raise X` / failed `assert`: Python prints the class alone.
            return self.kind.qualified_name().to_string();
        }
        format!("{}: {}", self.kind.qualified_name(), self.detail())
    }

    /// The message as SQLAlchemy words it, naming the driver's own exception for database errors:
    /// `(sqlite3.IntegrityError) NOT NULL constraint failed: users.name`.
    pub fn detail(&self) -> String {
        let driver = match self.kind {
            ErrorKind::IntegrityError => "(sqlite3.IntegrityError) ",
            ErrorKind::OperationalError => "(sqlite3.OperationalError) ",
            _ => "",
        };
        format!("{driver}{}", self.message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for Error {}

/// SQLite's own words, classified as the Python driver classifies them: constraint failures are
/// `IntegrityError`, driver misuse is `ProgrammingError`, everything else `OperationalError`.
impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::Error as E;
        let classify = |code: rusqlite::ffi::Error, text: String| {
            let kind = if code.code == rusqlite::ErrorCode::ConstraintViolation {
                ErrorKind::IntegrityError
            } else {
                ErrorKind::OperationalError
            };
            Error::new(kind, text)
        };
        match err {
            E::SqliteFailure(code, message) => {
                let text = message.unwrap_or_else(|| code.to_string());
                classify(code, text)
            }
            // SQLite's message alone, as Python's sqlite3 reports it (rusqlite appends the SQL).
            E::SqlInputError { error, msg, .. } => classify(error, msg),
            E::MultipleStatement => Error::new(
                ErrorKind::ProgrammingError,
                "You can only execute one statement at a time.",
            ),
            other => Error::new(ErrorKind::OperationalError, other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn traceback_line_names_the_driver_for_database_errors() {
        let err = Error::new(ErrorKind::IntegrityError, "NOT NULL constraint failed: users.name");
        assert_eq!(
            err.traceback_line(),
            "sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: users.name"
        );
        assert_eq!(err.kind().name(), "IntegrityError");
    }

    #[test]
    fn traceback_line_of_a_python_error_is_plain() {
        let err = Error::new(ErrorKind::AttributeError, "User does not have attribute email");
        assert_eq!(err.traceback_line(), "AttributeError: User does not have attribute email");
        assert_eq!(err.to_string(), "AttributeError: User does not have attribute email");
    }

    #[test]
    fn sqlite_errors_are_classified_like_the_python_driver() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let syntax: Error = conn.execute("SELEC 1", []).unwrap_err().into();
        assert_eq!(syntax.kind(), ErrorKind::OperationalError);
        assert_eq!(syntax.message(), "near \"SELEC\": syntax error");

        conn.execute("CREATE TABLE t (x INTEGER NOT NULL)", []).unwrap();
        let not_null: Error = conn.execute("INSERT INTO t VALUES (NULL)", []).unwrap_err().into();
        assert_eq!(not_null.kind(), ErrorKind::IntegrityError);
        assert_eq!(not_null.message(), "NOT NULL constraint failed: t.x");
    }
}
