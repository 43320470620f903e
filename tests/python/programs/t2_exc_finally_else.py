# try/except/else/finally ordering, finally with return overriding, nested try with inner/outer finally
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("  except")
        return None
    else:
        print("  else")
        return result
    finally:
        print("  finally", a, b)
print(divide(6, 3), divide(1, 0))
def override():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
def counter():
    n = 1
    try:
        return n
    finally:
        n += 100
print(override(), counter())
def nested(x):
    try:
        try:
            if x == 1: raise KeyError("k")
            if x == 2: raise ValueError("v")
            return "ok"
        except KeyError as e:
            return "inner caught " + repr(e)
        finally:
            print("  inner finally", x)
    except ValueError as e:
        return "outer caught " + str(e)
    finally:
        print("  outer finally", x)
print([nested(x) for x in [0, 1, 2]])
