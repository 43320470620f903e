# dict methods: get, setdefault, pop with default, popitem, update with kwargs, fromkeys, KeyError
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "missing"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    print(d["nope"])
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    print({(1, 2): 0}[(3, 4)])
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
d.update(a=-1)
print(d)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print(dict.fromkeys("abc"), dict.fromkeys(["p", "q"], 0))
shared = dict.fromkeys(["k1", "k2"], [])
shared["k1"].append(1)
print(shared)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print("a" in d, 1 in d, "c" not in d, len(d))
print(dict(one=1, two=2), dict([("k", "v")]), dict(zip("ab", [1, 2])))
m = {"a": 1} | {"b": 2, "a": 3}
print(m, {**m, "c": 4})
