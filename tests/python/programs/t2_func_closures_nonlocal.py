# closures capturing loop variables (late binding), default-arg binding fix, nonlocal counters
funcs = [lambda: i for i in range(3)]
fixed = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs], [f() for f in fixed])
adders = []
for n in range(1, 4):
    def add(x):
        return x + n
    adders.append(add)
print([a(100) for a in adders])
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    return increment, reset
inc, reset = make_counter(10)
print(inc(), inc(), inc(5))
reset()
other, _ = make_counter()
print(inc(), other(), inc(), other())
def make_accumulator():
    history = []
    def acc(v):
        history.append(v)
        return sum(history), len(history)
    return acc
acc = make_accumulator()
print(acc(5), acc(10), acc(-3))
def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner()
print(outer())
