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
