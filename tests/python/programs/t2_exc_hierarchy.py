# custom exception hierarchies, except tuples, exception args and str(e), ordering of except clauses
class AppError(Exception): pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
class NotFoundError(AppError): pass
def check(value):
    if value is None:
        raise NotFoundError("no value", 404)
    if not isinstance(value, int):
        raise ValidationError("value", f"expected int, got {type(value).__name__}")
    if value < 0:
        raise ValueError("negative", value)
    return 100 // value
for v in [5, None, "x", -3, 0]:
    try:
        print("result", check(v))
    except ValidationError as e:
        print("validation:", e, "| field =", e.field, "| args =", e.args)
    except AppError as e:
        print("app error:", e, e.args, type(e).__name__, isinstance(e, Exception))
    except (ValueError, ZeroDivisionError) as e:
        print("builtin:", type(e).__name__, str(e), repr(e), len(e.args))
print(str(Exception()), repr(Exception()), str(Exception("a")), repr(Exception("a", 2)))
print(str(KeyError("k")), str(ValueError(3)), repr(AppError("boom")))
print(issubclass(ValidationError, AppError), issubclass(KeyError, LookupError))
errors = []
for thunk in [lambda: [][1], lambda: {}["x"], lambda: int("q"), lambda: None.foo, lambda: 1 + "a"]:
    try:
        thunk()
    except (IndexError, KeyError) as e:
        errors.append(("lookup", type(e).__name__))
    except Exception as e:
        errors.append(("other", type(e).__name__))
print(errors)
try:
    raise NotFoundError
except AppError as e:
    print("bare class raised:", repr(e), e.args)
