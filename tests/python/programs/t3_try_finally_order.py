# try/except/else/finally execution order traces, nested handlers, and finally with continue
trace = []
def attempt(x):
    try:
        trace.append(f"try {x}")
        result = 10 // x
    except ZeroDivisionError as e:
        trace.append(f"except {e}")
        return "div0"
    else:
        trace.append("else")
        return result
    finally:
        trace.append("finally")
for v in (2, 0):
    trace.clear()
    print(attempt(v), trace)

def nested():
    try:
        try:
            print("inner try")
            raise KeyError("k")
        except ValueError:
            print("never")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
        return "from except"
    finally:
        print("outer finally")
print(nested())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
