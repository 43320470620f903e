import json
from collections import defaultdict, Counter, OrderedDict, namedtuple, deque

Point = namedtuple("Point", "x, y")
groups = defaultdict(list, {"a": [1]})
groups["b"].append(2)
print(json.dumps(groups), json.dumps(Counter("aab")), json.dumps(OrderedDict(z=1, a=2)), json.dumps(Point(1, 2)), json.dumps({"p": Point(3, 4)}))
c = Counter(red=3, blue=3, green=1)
print(max(c, key=c.get), sorted(c), c.most_common(), Counter(a=1, b=0) == Counter(a=1), c == Counter(blue=3, red=3, green=1))
print(Point, type(Point(1, 2)), Point.__mro__, repr(Point.x)[:30])
d = deque(range(5))
print(*d, list(reversed(d)), d == deque([0, 1, 2, 3, 4]), d == [0, 1, 2, 3, 4], bool(deque()))
try:
    Point(1, 2)._replace(z=3)
except ValueError as exc:
    print("ValueError", exc)
try:
    namedtuple("Bad", ["ok", "_no"])
except ValueError as exc:
    print("ValueError", exc)
try:
    namedtuple("Bad", "a a")
except ValueError as exc:
    print("ValueError", exc)
print(namedtuple("R", "a b", rename=True)(1, 2), Point._make((7, 8)), Point(*[1, 2]), Point(x=1, y=2) < Point(1, 3))
stack = defaultdict(lambda: defaultdict(int))
stack["x"]["y"] += 2
print(stack["x"]["y"], dict(stack["x"]), len(stack))
o = OrderedDict.fromkeys("abc", 0)
print(o, type(o).__name__, o.get("a"), o.setdefault("d", 9), o, OrderedDict(sorted({"b": 1, "a": 2}.items())))
words = "the cat and the hat and the bat".split()
freq = Counter(words)
for word, n in freq.most_common(3):
    print(f"{word:>5} {n}")
print(freq["the"] / freq.total(), sum(freq.values()), len(freq), freq.keys() == {"the", "cat", "and", "hat", "bat"})
print({"a": 1}.keys() == {"a"}, {"a": 1}.keys() == {"a": 2}.keys(), {"a": 1}.items() == {("a", 1)}, {"a"} == {"a": 1}.keys())
