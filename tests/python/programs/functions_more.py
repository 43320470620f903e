def apply(func, *args, **kwargs):
    return func(*args, **kwargs)

def describe(name, *, title="Dr."):
    return f"{title} {name}"

print(apply(max, 3, 7), apply(describe, "Who", title="Mr."), apply(sorted, [3, 1], reverse=True))

def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply

double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), [f(1) for f in (double, triple)])

def defaults(a, items=None):
    if items is None:
        items = []
    items.append(a)
    return items

print(defaults(1), defaults(2))

def memo(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), fib.__name__ if hasattr(fib, "__name__") else "wrapper")
print((lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
