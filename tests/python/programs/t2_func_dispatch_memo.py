# recursion memoized with a dict, dispatch tables of functions, functions as values, higher-order funcs
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    result = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result
print([fib(i) for i in range(15)], fib(90), len(memo))
def count_paths(r, c, cache=None):
    cache = {} if cache is None else cache
    if r == 0 or c == 0:
        return 1
    if (r, c) not in cache:
        cache[(r, c)] = count_paths(r - 1, c, cache) + count_paths(r, c - 1, cache)
    return cache[(r, c)]
print(count_paths(2, 2), count_paths(10, 10))
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else "div by zero",
    "max": max,
}
for sym, a, b in [("+", 2, 3), ("-", 2, 9), ("*", 4, 4), ("/", 1, 0), ("/", 9, 2), ("max", 3, 8), ("%", 1, 1)]:
    fn = ops.get(sym)
    print(sym, fn(a, b) if fn else f"unknown op {sym!r}")
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
pipeline = compose(str, abs, lambda v: v - 10)
print(repr(pipeline(3)), list(map(pipeline, [0, 20])))
print(list(filter(None, [0, 1, "", "a", None, []])), list(map(len, ["ab", "", "xyz"])))
print(sorted(ops, key=len), [f.__name__ for f in (fib, compose, max)])
def apply_n(f, n, x):
    return x if n == 0 else apply_n(f, n - 1, f(x))
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "done"))
