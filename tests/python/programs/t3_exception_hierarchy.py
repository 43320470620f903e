# Custom exception hierarchy with isinstance/issubclass checks and except-clause ordering
class AppError(Exception):
    pass

class DatabaseError(AppError):
    def __init__(self, table, msg):
        super().__init__(f"[{table}] {msg}")
        self.table = table

class NotFound(DatabaseError):
    pass

class PermissionDenied(AppError):
    pass

def risky(n):
    errors = [NotFound("users", "id 7 missing"), DatabaseError("orders", "locked"),
              PermissionDenied("admin only"), KeyError("cfg"), ValueError("bad"), IndexError()]
    raise errors[n]

for n in range(6):
    try:
        risky(n)
    except NotFound as e:
        print("NotFound:", e, e.table, isinstance(e, DatabaseError), isinstance(e, AppError))
    except DatabaseError as e:
        print("DatabaseError:", e.args, type(e).__name__)
    except AppError as e:
        print("AppError:", e, isinstance(e, DatabaseError), isinstance(e, Exception))
    except LookupError as e:
        print("LookupError:", repr(e), str(e), type(e).__name__)
    except Exception as e:
        print("other:", type(e).__name__, e)

print(issubclass(NotFound, AppError), issubclass(KeyError, LookupError), issubclass(AppError, ValueError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(IndexError, LookupError))
e = NotFound("t", "m")
print(e.args, str(e), repr(e))
