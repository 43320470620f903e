# enumerate start, zip unequal lengths, reversed(range), negative-step ranges, nested comprehensions, zip(*m)
names = ["ann", "bob", "cy"]
scores = [90, 85, 77, 60]
for i, n in enumerate(names, start=1):
    print(i, n)
print(list(zip(names, scores)), list(zip("ab", range(10), [True, False, None])))
print(list(reversed(range(5))), list(range(10, 0, -3)), list(range(0, -5, -1)), list(range(5, 5)))
print(list(range(2, 11, 2))[::-1], range(1, 10, 2)[2], len(range(0, 100, 7)), 7 in range(0, 10, 7))
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
flat = [v for row in [[1, 2], [3], [], [4, 5]] for v in row if v % 2]
print(flat)
matrix = [[1, 2, 3], [4, 5, 6]]
t = [list(col) for col in zip(*matrix)]
print(t, list(zip(*t)) == [tuple(r) for r in matrix])
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5 != 6, 0 < x < 3, "a" < "b" < "c")
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1 / 0, [] and "x", "x" or 1 / 0)
print(None or 0 or "last", not [], not 0.0, (1 and 2) or 3)
print(any(n > 80 for n in scores), all(n > 60 for n in scores), any([]), all([]))
print(sum(1 for _ in range(10) if _ % 3 == 0), max(range(7), key=lambda n: -abs(n - 3)))
pairs = dict(zip(names, scores))
print(pairs, list(enumerate("xyz", 10)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(sorted(zip(scores, names), reverse=True)[:2], list(reversed("abc")), list(reversed([1, 2])))
