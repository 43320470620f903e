matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x * y for x in [1, 2] for y in [10, 100]])
print({n: n ** 2 for n in range(4)}, {c for c in "hello"} == set("helo"))
words = ["apple", "bob", "kayak", "dog"]
print([w for w in words if w == w[::-1]] if False else [w for w in words if len(w) > 3])
print(sum(len(w) for w in words), sorted(words, key=len), max(words, key=len))
