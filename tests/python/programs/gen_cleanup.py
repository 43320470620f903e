def get_db():
    print("open session")
    try:
        yield "session"
    finally:
        print("close session")


db = next(get_db())
print("got", db)


def numbers(label):
    try:
        for i in range(10):
            yield i
    finally:
        print(label, "cleaned up")


for n in numbers("loop"):
    if n == 2:
        break
print("after the loop")

g = numbers("deleted")
next(g)
del g
print("after del")

g = numbers("rebound")
next(g)
g = None
print("after rebinding")


def use():
    local = numbers("local")
    next(local)
    return "returned"


print(use())


class Resource:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0])


def managed():
    with Resource():
        yield 1
        yield 2


m = managed()
print(next(m))
m = None
never_started = numbers("never started")
del never_started
kept = numbers("kept to the end")
next(kept)
print("end of program")
