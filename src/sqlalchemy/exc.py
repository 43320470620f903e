"""The lab's sqlalchemy.exc and sqlalchemy.orm.exc: SQLAlchemy's exception classes, their
hierarchy and the text they print, with the link to the error's description where SQLAlchemy
gives one. The native modules raise these."""


class SQLAlchemyError(Exception):
    code = None

    def _message(self):
        return str(self.args[0]) if len(self.args) == 1 else (str(self.args) if self.args else "")

    def _code_str(self):
        return f"(Background on this error at: https://sqlalche.me/e/21/{self.code})" if self.code else ""

    def __str__(self):
        message = self._message()
        if self.code:
            message = f"{message} {self._code_str()}"
        return message


class ArgumentError(SQLAlchemyError):
    pass


class ObjectNotExecutableError(ArgumentError):
    pass


class NoSuchModuleError(ArgumentError):
    pass


class NoForeignKeysError(ArgumentError):
    pass


class AmbiguousForeignKeysError(ArgumentError):
    pass


class CompileError(SQLAlchemyError):
    pass


class InvalidRequestError(SQLAlchemyError):
    pass


class AmbiguousColumnError(InvalidRequestError):
    pass


class UnboundExecutionError(InvalidRequestError):
    pass


class NoInspectionAvailable(InvalidRequestError):
    pass


class PendingRollbackError(InvalidRequestError):
    # The lab raises it for one reason only: a flush failed and rollback() is due.
    code = "7s2a"


class ResourceClosedError(InvalidRequestError):
    pass


class NoSuchColumnError(InvalidRequestError, KeyError):
    pass


class NoResultFound(InvalidRequestError):
    pass


class MultipleResultsFound(InvalidRequestError):
    pass


class NoReferenceError(InvalidRequestError):
    pass


class NoReferencedTableError(NoReferenceError):
    pass


class NoSuchTableError(InvalidRequestError):
    pass


class StatementError(SQLAlchemyError):
    """An error running a statement: the message, then `[SQL: …]`, `[parameters: …]` and the
    link, each on its own line."""
    statement = None
    params = None
    orig = None
    _params_text = None

    def __str__(self):
        details = [self._message()]
        if self.statement:
            details.append(f"[SQL: {self.statement}]")
            if self._params_text:
                details.append(f"[parameters: {self._params_text}]")
        if self.code:
            details.append(self._code_str())
        return "\n".join(details)


class DBAPIError(StatementError):
    code = "dbapi"


class InterfaceError(DBAPIError):
    code = "rvf5"


class DatabaseError(DBAPIError):
    code = "4xp6"


class DataError(DatabaseError):
    code = "9h9h"


class OperationalError(DatabaseError):
    code = "e3q8"


class IntegrityError(DatabaseError):
    code = "gkpj"


class InternalError(DatabaseError):
    code = "2j85"


class ProgrammingError(DatabaseError):
    code = "f405"


class NotSupportedError(DatabaseError):
    code = "tw8g"


class SAWarning(Exception):
    pass


# sqlalchemy.orm.exc


class StaleDataError(SQLAlchemyError):
    pass


class FlushError(SQLAlchemyError):
    pass


class MappedAnnotationError(ArgumentError):
    pass


class UnmappedError(InvalidRequestError):
    pass


class DetachedInstanceError(SQLAlchemyError):
    code = "bhk3"


class UnmappedInstanceError(UnmappedError):
    pass


class UnmappedClassError(UnmappedError):
    pass


class ObjectDeletedError(InvalidRequestError):
    pass


class LoaderStrategyException(InvalidRequestError):
    pass


def _database_error(name, orig, statement, params):
    """A DBAPIError subclass wrapping the driver's error, as SQLAlchemy words it."""
    cls = {"IntegrityError": IntegrityError, "OperationalError": OperationalError, "ProgrammingError": ProgrammingError,
           "InterfaceError": InterfaceError, "DataError": DataError}[name]
    error = cls(f"(sqlite3.{name}) {orig}")
    error.statement = statement
    error.params = params
    error._params_text = repr(params) if params else None
    import sqlite3
    error.orig = getattr(sqlite3, "ProgrammingError" if name == "InterfaceError" else name)(orig)
    # Raised from the driver's error, as SQLAlchemy does: a traceback shows both.
    error.__cause__ = error.orig
    error.orig.__lab_library_frames__ = True
    return error


def _driver_error(orig):
    """The DBAPIError SQLAlchemy raises for a driver error that came from no statement of its
    own (one an event listener's driver call raised while the pool connected)."""
    name = type(orig).__name__
    cls = {"IntegrityError": IntegrityError, "OperationalError": OperationalError, "ProgrammingError": ProgrammingError,
           "InterfaceError": InterfaceError, "DataError": DataError}.get(name, DBAPIError)
    error = cls(f"(sqlite3.{name}) {orig}")
    error.statement = None
    error.params = None
    error._params_text = None
    error.orig = orig
    return error


def _statement_error(message, statement, params, code):
    """A StatementError: an error found before the statement reached the database."""
    error = StatementError(message)
    error.statement = statement
    error.params = params
    error._params_text = repr(params) if params else None
    error.code = code
    return error


def _missing_parameter(name, statement, params, group=None):
    """A bindparam() the execution gave no value (in the `group`th row of an executemany):
    StatementError, raised from InvalidRequestError."""
    in_group = "" if group is None else f", in parameter group {group}"
    cause = InvalidRequestError(f"A value is required for bind parameter {name!r}{in_group}")
    cause.code = "cd3x"
    error = _statement_error(f"(sqlalchemy.exc.InvalidRequestError) {cause._message()}", statement, params, "cd3x")
    error.orig = cause
    error.__cause__ = cause
    cause.__lab_library_frames__ = True
    return error


for _orm_error in (StaleDataError, FlushError, MappedAnnotationError, UnmappedError, DetachedInstanceError,
                   UnmappedInstanceError, UnmappedClassError, ObjectDeletedError, LoaderStrategyException):
    _orm_error.__module__ = "sqlalchemy.orm.exc"
