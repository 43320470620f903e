# List/dict/set comprehensions with conditions and nested loops, plus string methods and slicing
text = "  The quick brown fox jumps over the lazy dog; the dog sleeps.  "
clean = text.strip()
words = clean.replace(";", "").replace(".", "").lower().split()
print(repr(clean[:9]), clean[-7:], clean[::-1][:10], clean[4:20:3], len(clean))
print(words.count("the"), clean.count("the"), clean.lower().count("the"), clean.find("dog"), clean.find("cat"))
print(clean.upper()[:15], clean.title()[:19], clean.startswith("The"), clean.endswith("."), clean.rfind("dog"))
print("-".join(words[:4]), "|".join(w.capitalize() for w in words[-3:]))
print("{0} has {1} words; first={2!r} last={w}".format("text", len(words), words[0], w=words[-1]))
print(clean.split(";"), "a,b,,c".split(","), "a b  c".split(" "), "k=v=w".split("=", 1))
print([w for w in words if len(w) > 4], [w[::-1] for w in words if w.startswith("t")])
lengths = {w: len(w) for w in words}
print(lengths)
print(sorted({w[0] for w in words}), {len(w) for w in words})
pairs = [(x, y) for x in range(1, 4) for y in range(x, 4) if (x + y) % 2 == 0]
print(pairs)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[i] for i, row in enumerate(grid)], [x for row in grid for x in row if x % 2])
transposed = [[row[i] for row in grid] for i in range(3)]
print(transposed, {i: [c for c in "abcdef"[i::2]] for i in range(2)})
print("  pad  ".lstrip() + "|", "xxhixx".strip("x"), "Hello".swapcase(), "a-b-c".rsplit("-", 1))
print("banana".replace("a", "o", 2), "banana".index("n"), "ab" * 3, "%d-%s" % (5, "x"))
print("".join(sorted("hello")), "hello"[1:-1], "hello"[10:], "hello"[-100:2], "hello"[::2])
