# Nested functions and closures with nonlocal: counters, running averages, late binding, and scopes
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(10, 5), make_counter()
print(c1(), c1(), c2(), c1(), c2())

def running_average():
    total = n = 0
    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return add
avg = running_average()
print([avg(x) for x in (4, 8, 15, 16, 23, 42)])
late = [lambda x: x * i for i in range(4)]
bound = [lambda x, i=i: x * i for i in range(4)]
print([f(10) for f in late], [f(10) for f in bound])

def outer():
    log, level = [], "outer"
    def middle():
        level = "middle"
        def inner():
            nonlocal level
            level = "inner-set"
            log.append(level)
        inner()
        log.append(level)
    middle()
    log.append(level)
    return log
print(outer())
