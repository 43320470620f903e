"""functools as tutorials use it: a decorator with wraps, partial, reduce, caches, ordering."""
import functools
from functools import wraps, partial, reduce, lru_cache, cache, total_ordering, cached_property, cmp_to_key


def timed(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args}")
        return fn(*args, **kwargs)
    return wrapper


@timed
def area(w, h=2):
    """Width times height."""
    return w * h


print(area(3), area(3, h=4))
print(area.__name__, area.__doc__, area.__qualname__, area.__module__)
print(area.__wrapped__(5))
print(repr(area).split(" at ")[0])


def repeat(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate


@repeat(3)
def hello(name):
    return f"hi {name}"


print(hello("ann"), hello.__name__)

double = partial(lambda x, y: x * y, 2)
print(double(21), double.args, double.keywords)
int2 = partial(int, base=2)
print(int2("1010"), int2.func, int2.keywords)
p2 = partial(partial(max, 1), 5)
print(p2(3), p2.args)
print(repr(partial(max, 1, key=abs)))

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def square(n):
    print("computing", n)
    return n * n


for n in [1, 2, 1, 3, 2, 1]:
    square(n)
print(square.cache_info())
hits, misses, maxsize, size = square.cache_info()
print(hits, misses, maxsize, size)


@lru_cache
def plain(x):
    return x + 1


@cache
def cached(x, *, y=0):
    print("cached", x, y)
    return x + y


print(plain(1), plain(1), plain.cache_info())
print(cached(1), cached(1), cached(1, y=2), cached.cache_info())


class Account:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=None)
    def total(self, extra):
        print("total for", self.n)
        return self.n + extra

    @cached_property
    def report(self):
        print("building report")
        return f"account {self.n}"


a = Account(10)
print(a.total(1), a.total(1), a.report, a.report, "report" in vars(a))
del a.report
print(a.report)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 <= v2, v1 > v2, v1 >= v2, v1 >= Version(1, 2), sorted([v2, v1]), max(v1, v2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)


def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


print(sorted(["pear", "fig", "apple", "kiwi"], key=cmp_to_key(by_length_then_alpha)))
