# Sets of ints print and iterate in CPython's hash-table order, not the order written.
print({3, 1, 2}, {8, 0}, {0, 8}, {100, 5, -1, 33})
s = set()
for v in [100, 5, -1, 33]:
    s.add(v)
print(s, set(range(20, 0, -3)), {x * 7 for x in range(12)}, {-5, -3, 2 ** 40, 7})
print(list({10, 2, 33, 4}), sorted({10, 2, 33, 4}), {True, 0, 5}, {64, 32, 16, 8, 4, 2, 1})
evens = {n for n in range(30, 0, -1) if n % 2 == 0}
print(evens, len(evens), min(evens), {n % 5 for n in range(100)})
for item in {9, 18, 27}:
    print(item, end=" ")
print()
print(set([1, 1, 2, 3, 5, 8, 13, 21, 34]), {1000, 2000, 3000}, {-1, -2, -3, -4})
print({5, 4, 3, 2, 1}, {40, 30, 20, 10, 0, -10}, {17, 9, 1, 25, 33, 41, 49, 57, 65}, {7, 7, 7, 3})
print({1000000, 999, 12345678, 42, 8}, {2 ** 62, 3, 2 ** 61, -(2 ** 61)}, {i for i in [16, 8, 0, 24]}, {0, 16, 8, 24})
grow = {1, 2, 3}
grow.add(64)
grow.add(9)
grow.update([128, 17])
print(grow, {x % 13 for x in range(40, 0, -3)})
