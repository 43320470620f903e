squares = (n * n for n in range(5))
print(sum(squares), list(n for n in "abc"), any(c.isdigit() for c in "ab1"), tuple(x for x in [1, 2]))
print(sorted((len(w), w) for w in ["bb", "a", "ccc"]), max((x % 5 for x in range(12))), min(x for x in [3, 1, 2]))
pairs = {(i, j) for i in range(2) for j in range(2)}
print(sorted(pairs), dict((k, k * 2) for k in range(3)))
