# tuples: count, index, comparison, unpacking, starred unpacking, unpacking errors
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.index(3), t.index(2, 2), len(t), t[1:4], t[::-1])
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99), () < (0,), (1, "a") == (1, "a"))
print((1,), (), tuple("ab"), (1, 2) + (3,), (0,) * 3)
x, y = 10, 20
x, y = y, x
print(x, y)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
a, *mid, z = range(5)
print(first, rest, init, last, a, mid, z)
(p, q), r = (1, 2), 3
print(p, q, r)
for attempt in [(1, 2, 3), (1,), [], "ab", "abc"]:
    try:
        u, v = attempt
        print("ok", u, v)
    except ValueError as e:
        print("ValueError:", e)
try:
    m, n, *o = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    i, j = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 99
except TypeError as e:
    print("TypeError:", e)
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs), max(pairs), [s for _, s in pairs])
nested = ((1, 2), (3, 4))
print(sum(a * b for a, b in nested), (1, [2]) == (1, [2]))
