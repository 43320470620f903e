def countdown(n):
    print("starting at", n)
    while n > 0:
        yield n
        n -= 1
    print("done")


gen = countdown(3)
print(type(gen).__name__)
print(next(gen))
print(next(gen))
for value in gen:
    print("loop", value)
print(list(countdown(2)))
print(sum(x * x for x in countdown(3)))
print(next(countdown(0), "empty"))


def squares():
    i = 0
    while True:
        i += 1
        yield i * i


for s in squares():
    if s > 30:
        break
    print(s, end=" ")
print()

total = 0
for i, s in enumerate(squares()):
    total += s
    if i == 9:
        break
print("sum of ten squares", total)


def with_return():
    yield 1
    return "finished"


g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration", stop.value)
try:
    next(g)
except StopIteration as stop:
    print("again", stop.value)


def accumulate():
    total = 0
    while True:
        received = yield total
        if received is None:
            break
        total += received
    yield "closing with " + str(total)


acc = accumulate()
print(next(acc))
print(acc.send(5))
print(acc.send(7))
print(acc.send(None))


def pairs(items):
    for i, item in enumerate(items):
        if i % 2:
            yield i, item
        else:
            continue
    else:
        yield "end", None


print(dict(pairs("abcdef")))
print([p for p in pairs("xy")])
print(iter(g) is g)
