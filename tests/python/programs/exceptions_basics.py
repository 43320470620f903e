def risky(n):
    if n == 0:
        raise ValueError("n must not be zero")
    return 10 / n

for n in [2, 0]:
    try:
        print(risky(n))
    except ValueError as e:
        print("caught:", e, repr(e))
    else:
        print("no error")
    finally:
        print("finally", n)

try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    1 / 0
except (TypeError, ZeroDivisionError) as e:
    print(type(e).__name__, e)

class NotFound(Exception):
    pass

try:
    raise NotFound("user 7")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, NotFound))

try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("wrapped")
except RuntimeError as e:
    print(e)

def clean():
    try:
        return "from try"
    finally:
        print("cleanup ran")
print(clean())
