def guarded(name):
    print("open", name)
    try:
        yield name + "-1"
        yield name + "-2"
    except KeyError as e:
        print("caught inside", repr(e))
        yield "recovered"
    finally:
        print("close", name)


g = guarded("a")
print(next(g))
print(next(g))
print(list(g))

g = guarded("b")
print(next(g))
g.close()
print("closed b")

g = guarded("c")
print(next(g))
print(g.throw(KeyError("k")))
try:
    next(g)
except StopIteration:
    print("c finished")

g = guarded("d")
next(g)
try:
    g.throw(ValueError("bad"))
except ValueError as e:
    print("escaped", e)


def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


def using():
    with Resource("r1") as r, Resource("r2"):
        yield r.name
        yield "inside"
    yield "after"


print(list(using()))
u = using()
print(next(u))
u.close()


def with_else():
    for i in range(2):
        yield i
    else:
        yield "else"
    try:
        pass
    except Exception:
        yield "never"
    else:
        yield "try-else"
    finally:
        yield "finally"


print(list(with_else()))
