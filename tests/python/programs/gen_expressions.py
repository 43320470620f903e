data = [1, 5, 10]
if any((big := x) > 4 for x in data):
    print("big", big)
def check(x):
    print("checking", x)
    return x > 1
print(any(check(x) for x in data))
print(next((x for x in data if x > 3), None), next((x for x in data if x > 99), "none"))
g = (x * x for x in range(3))
print(type(g).__name__, list(g), list(g))
print(sum(x for x in range(100000)), max(len(w) for w in "a bb ccc".split()))
print(sorted((y, x) for x in range(3) for y in "ab" if x != 1))
print(dict((k, v) for k, v in zip("ab", (1, 2))), sorted(set(c for c in "hello")), tuple(i for i in range(3)))
def outer():
    n = 10
    return list(n + i for i in range(3))
print(outer())
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
def lazy():
    gen = (1 / x for x in [1, 0])
    print("made")
    return next(gen), gen
first, rest = lazy()
print(first)
try:
    next(rest)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(" ".join(str(i) for i in range(5)), ",".join(f"{k}={v}" for k, v in {"a": 1}.items()))
