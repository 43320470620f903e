# keys/values/items views, dict comprehension, iteration order after delete and re-insert
d = {"one": 1, "two": 2, "three": 3}
ks, vs, its = d.keys(), d.values(), d.items()
print(ks, vs, its)
d["four"] = 4
print(list(ks), list(vs), len(its))
del d["one"]
d["one"] = 11
print(list(d))
d["two"] = 22
print(d)
print(("two", 22) in its, "three" in ks, 3 in vs)
print(sorted(ks & {"two", "five", "one"}), sorted(ks - {"two"}))
squares = {n: n * n for n in range(6) if n % 2 == 0}
print(squares)
inverted = {v: k for k, v in d.items()}
print(inverted)
for k, v in d.items():
    print(f"{k:>6} -> {v}")
try:
    for k in d:
        if k == "two":
            del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
for k in list(d):
    if d[k] > 10:
        del d[k]
print(d, list(reversed({"a": 1, "b": 2, "c": 3})))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == ["a", "b"])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
