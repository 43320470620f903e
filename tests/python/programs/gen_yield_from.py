def inner(n):
    for i in range(n):
        print("inner gives", i)
        yield i
    return n * 10


def outer():
    result = yield from inner(2)
    print("inner returned", result)
    yield from ["a", "b"]
    yield from (c.upper() for c in "xy")
    yield "last"


for item in outer():
    print("got", item)


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, iterable):
    for i, x in enumerate(iterable):
        if i >= n:
            return
        yield x


print(list(take(10, fib())))
print(max(take(5, fib())), sorted(take(6, fib()), reverse=True))
print(", ".join(str(x) for x in take(4, fib())))
gens = [take(2, fib()) for _ in range(2)]
print([list(g) for g in gens])


def echo():
    received = None
    while True:
        received = yield received


def relay():
    yield from echo()


r = relay()
next(r)
print(r.send("hello"), r.send(42))


def lazy_print():
    for i in range(3):
        print("producing", i)
        yield i


print([i * 10 for i in lazy_print()])
