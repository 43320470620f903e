import enum
class Status(str, enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"
print(Status.ACTIVE, repr(Status.ACTIVE), Status.ACTIVE == "active", isinstance(Status.ACTIVE, str))
print(Status("banned"), Status.BANNED.value, Status.ACTIVE.upper())
class Color(enum.IntEnum):
    RED = 1
print(Color.RED + 1, isinstance(Color.RED, int), Color.RED == 1)
class Registry(dict):
    def register(self, k, v):
        self[k] = v
        return self
r = Registry()
r.register("a", 1)
print(r, len(r), r["a"], isinstance(r, dict))
class Stack(list):
    def push(self, x): self.append(x)
s = Stack(); s.push(3); s.push(4)
print(s, s[-1], len(s))
class Name(str):
    def shout(self): return self.upper() + "!"
n = Name("ann")
print(n.shout(), n + "x", repr(n))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(a=2)
print(c["a"], c["zz"], "zz" in c, c)
class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.upper())
u = Upper()
u["x"] = 1
print(u, u["X"], u["x"], len(u), list(u), u.get("X"), dict(u))
class Settings(dict):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.frozen = False
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
s = Settings(debug=True, name="lab")
print(s.debug, s.name, s, s.frozen, sorted(s.items()), isinstance(s, dict), type(s).__name__)
class Tags(list):
    def append(self, item):
        super().append(item.lower())
t = Tags(["a"])
t.append("B")
t += ["C"]
print(t, type(t).__name__, t[0], t[-1], len(t), t == ["a", "b", "C"], sorted(t), [x for x in t])
class Email(str):
    def __new__(cls, value):
        if "@" not in value:
            raise ValueError(f"not an email: {value}")
        return super().__new__(cls, value.strip().lower())
    @property
    def domain(self):
        return self.split("@")[1]
e = Email("  Ann@Example.COM ")
print(e, repr(e), e.domain, e == "ann@example.com", len(e), e.upper(), type(e).__name__, isinstance(e, str), str(e), f"<{e}>")
try:
    Email("nope")
except ValueError as exc:
    print("ValueError:", exc)
class Meters(float):
    def __repr__(self):
        return f"Meters({float(self)})"
m = Meters(2.5)
print(m, repr(m), m + 1, m * 2, m > 2, round(m), int(m), f"{m:.2f}", [m])
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(1, 2)
x, y = p
print(p, p.x, x, y, len(p), p == (1, 2), hash(p) == hash((1, 2)), type(p).__name__)
class Flags(set):
    pass
f = Flags([1, 2])
f.add(3)
print(f, 2 in f, len(f), f | {4}, type(f).__name__, Flags.__mro__, Flags.__bases__)
class Id(int):
    pass
i = Id(5)
print(i, i + 1, i * 2, -i, i == 5, [0, 1, 2, 3, 4, 5][i], type(i + 1).__name__, bool(Id(0)), Id("7"), hex(i), range(i))
try:
    class Bad(str, dict):
        pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    class Nope(bool):
        pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    object.__new__(Id)
except TypeError as exc:
    print("TypeError:", exc)
print(e.nothing)
