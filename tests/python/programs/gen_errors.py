def broken(n):
    yield 1
    yield 10 / n


g = broken(0)
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("raised from the generator:", e)
print(next(g, "exhausted after the error"))


def leaks():
    yield 1
    raise StopIteration("leak")


try:
    list(leaks())
except RuntimeError as e:
    print("RuntimeError:", e)

new = broken(1)
try:
    new.send(5)
except TypeError as e:
    print("TypeError:", e)


def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def last():
    yield "a"
    yield int("x")


for item in last():
    print(item)
