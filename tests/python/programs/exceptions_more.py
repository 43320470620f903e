def parse(value):
    try:
        return int(value)
    except ValueError:
        return None
    finally:
        pass

print([parse(v) for v in ["1", "x", "3"]])

class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

try:
    raise AppError(404, "not found")
except AppError as e:
    print(e.code, e, e.args)

errors = []
for value in [1, 0, "a", None]:
    try:
        10 / value
    except ZeroDivisionError:
        errors.append("zero")
    except TypeError as e:
        errors.append(type(e).__name__)
print(errors)

try:
    raise KeyError("k")
except LookupError as e:
    print("lookup:", repr(e), str(e))

def nested():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e

try:
    nested()
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
