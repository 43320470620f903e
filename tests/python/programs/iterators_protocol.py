# iterators written in Python (__iter__ returning self, __next__, StopIteration), generators closed, send(), one-shot iterators
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")
g = gen()
print(next(g))
g.close()
print(list(gen()))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)])
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(0))
e = enumerate(["a", "b"])
print(next(e), list(e))
z = zip(range(3), "ab")
print(list(z), list(z))
m = map(lambda x: x * 2, [1, 2])
print(list(m), list(m))
print(list(filter(lambda s: s.strip(), ["a", " ", "b"])), all(x > 0 for x in []), any(x for x in [0, "", None]))
for x in Countdown(2):
    print("for", x)
print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)], sorted(Countdown(3)), max(Countdown(5)), dict(zip("ab", Countdown(2))))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "end"))
class Bad:
    def __iter__(self): return 5
try:
    list(Bad())
except TypeError as e:
    print(e)

# iterators that never end, walked lazily; iter() and next() on them
class Counter:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
for x in Counter():
    if x > 3:
        break
    print(x)
c = Counter()
print(next(c), next(c), iter(c) is c, next(iter(c)))
class Bag:
    def __init__(self, *items): self.items = items
    def __iter__(self):
        yield from self.items
b = Bag(1, 2, 3)
it = iter(b)
print(type(it).__name__, next(it), list(it), list(b), [x * 2 for x in b], dict.fromkeys(b))
class Finite:
    def __init__(self): self.n = 3
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(next(Finite()), next(Finite(), "d"), list(zip(Finite(), "abc")), sum(Finite()))
f = Finite()
print(list(f), next(f, "exhausted"))
def g():
    yield from Finite()
print(list(g()))
class NoNext:
    def __iter__(self): return NoNext()
for bad in ["iter(NoNext())", "list(NoNext())", "next(Bag())"]:
    try:
        eval(bad)
    except TypeError as e:
        print(e)
