from collections import defaultdict, Counter, OrderedDict, namedtuple, deque
import collections

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, dict(groups), groups["z"], len(groups), groups.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()), isinstance(counts, dict))
plain = defaultdict()
try:
    plain["x"]
except KeyError as exc:
    print("KeyError", exc)
print(defaultdict(lambda: "?", a="x")["b"], repr(defaultdict(set)))

c = Counter("abracadabra")
print(c, c["a"], c["zzz"], c.most_common(2), "zzz" in c, c.total())
c.update("aaz")
c.update({"b": 10})
print(c.most_common(3), sorted(c.elements())[:6])
c.subtract(a=100)
print(c["a"], Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5), Counter(a=2, b=1) & Counter(a=1, b=5), Counter(a=1) | Counter(a=4, b=1))
print(Counter(["x", "y", "x"]), Counter(), Counter({"k": 2}) == {"k": 2}, list(Counter("cba")))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([("x", 1), ("y", 2)])
od2.move_to_end("y", last=False)
print(od2, od2 == OrderedDict([("y", 2), ("x", 1)]), od2 == OrderedDict([("x", 1), ("y", 2)]), od2 == {"x": 1, "y": 2})

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=9), Point._make([5, 6]), p == (1, 2), tuple(p))
x, y = p
print(x + y, len(p), isinstance(p, tuple), type(p).__name__, Point.__name__, hash(p) == hash((1, 2)))
Row = namedtuple("Row", "id name score", defaults=[0])
print(Row(1, "ann"), Row(2, "bob", 5).score, Row._fields, Row._field_defaults)
try:
    Point(1)
except TypeError as exc:
    print("TypeError", exc)
try:
    p.x = 5
except AttributeError as exc:
    print("AttributeError", exc)

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, d.maxlen, len(d), d[0], d[-1], list(d))
d.rotate(1)
print(d, d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([9])
print(d, 7 in d, d.count(7), deque("abc"), deque())
q = deque()
q.append("job1")
q.append("job2")
while q:
    print("run", q.popleft())
try:
    q.pop()
except IndexError as exc:
    print("IndexError", exc)
print(collections.Counter("aab").most_common(1))
