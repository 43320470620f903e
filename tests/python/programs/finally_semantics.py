def f():
    try:
        return "try"
    finally:
        print("finally runs before the return")

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return "done"

def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "handled"
    finally:
        print("h finally")

print(f())
print(g())
print(h())
