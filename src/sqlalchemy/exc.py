"""The lab's sqlalchemy.exc and sqlalchemy.orm.exc: SQLAlchemy's exception classes, their
hierarchy and the text they print, with the link to the error's description where SQLAlchemy
gives one. The native modules raise these."""


class SQLAlchemyError(Exception):
    code = None

    def _message(self):
        return str(self.args[0]) if len(self.args) == 1 else (str(self.args) if self.args else "")

    def __str__(self):
        message = self._message()
        if self.code:
            message += f"\n(Background on this error at: https://sqlalche.me/e/21/{self.code})"
        return message


class ArgumentError(SQLAlchemyError):
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


class NoInspectionAvailable(InvalidRequestError):
    pass


class PendingRollbackError(InvalidRequestError):
    pass


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


class NoSuchTableError(InvalidRequestError):
    pass


class StatementError(SQLAlchemyError):
    statement = None
    params = None
    orig = None


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


class SAWarning(RuntimeWarning):
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


def _database_error(name, orig, statement, params):
    """A DBAPIError subclass wrapping the driver's error, as SQLAlchemy words it."""
    cls = globals()[name]
    text = f"(sqlite3.{name}) {orig}\n[SQL: {statement}]"
    if params is not None:
        text += f"\n[parameters: {params}]"
    error = cls(text)
    error.statement = statement
    error.orig = orig
    return error


for _orm_error in (StaleDataError, FlushError, MappedAnnotationError, UnmappedError, DetachedInstanceError,
                   UnmappedInstanceError, UnmappedClassError, ObjectDeletedError):
    _orm_error.__module__ = "sqlalchemy.orm.exc"
