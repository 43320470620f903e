d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, list(d.keys()), list(d.values()), list(d.items()))
d.update({"d": 4}, e=5)
print(d.pop("a"), d.setdefault("f", 6), d)
del d["b"]
print(d, {k: v * 2 for k, v in d.items() if v > 3}, dict(x=1, y=2), dict([("p", 1)]))
for key, value in d.items():
    print(key, value)
s = {3, 1, 2}
s.add(4)
s.discard(1)
print(sorted(s), 2 in s, len(s), sorted({x % 3 for x in range(10)}), set())
print({1, 2} | {2, 3} == {1, 2, 3}, sorted({1, 2} & {2, 3}), sorted({1, 2} - {2}))
t = (1, 2, 3)
print(t, t[1], len(t), (1,), (), t.index(2), tuple([4, 5]))
counts = {}
for word in "the cat and the hat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
