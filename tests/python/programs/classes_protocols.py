class Base:
    """Doc of Base."""
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __lt__(self, other):
        return self.name < other.name
    @classmethod
    def make(cls, n):
        return cls(n)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
class Child(Base):
    def __init__(self, name, age=0):
        super().__init__(name)
        self.age = age
    def __eq__(self, other):
        return isinstance(other, Child) and (self.name, self.age) == (other.name, other.age)
    __hash__ = None
print(Child.make("x"), Base.count, Base.helper(4), Child("a").upper, Base.__doc__, Child.__mro__)
print(sorted([Child("b"), Child("a")]), Child("a") == Child("a"), Child("a") != Child("b"), Child.__name__, Child.__qualname__)
print(vars(Child("v", 3)), hasattr(Child("a"), "age"), getattr(Child("a"), "zzz", "dflt"), isinstance(Child("a"), Base))
try:
    hash(Child("a"))
except TypeError as e:
    print("TypeError:", e)
class Meta:
    def __getattr__(self, name):
        return f"dyn:{name}"
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
    def __len__(self):
        return 3
    def __bool__(self):
        return False
    def __contains__(self, x):
        return x == 1
    def __call__(self, *a, **k):
        return (a, k)
    def __iter__(self):
        return iter([1, 2])
    def __getitem__(self, i):
        return i * 10
m = Meta()
m.v = 5
print(m.v, m.missing, len(m), bool(m), 1 in m, 2 in m, m(1, x=2), list(m), m[3])
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2).x)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __mul__(self, o): return Num(self.v * o)
    def __neg__(self): return Num(-self.v)
    def __repr__(self): return f"Num({self.v})"
    def __format__(self, spec): return format(self.v, spec)
    def __int__(self): return self.v
    def __index__(self): return self.v
print(Num(1) + Num(2), 5 + Num(1), sum([Num(1), Num(2)]), -Num(3), Num(2) * 3, f"{Num(7):>4}", int(Num(9)), [0, 1, 2][Num(1)])
print(str(Base), repr(Base("q")), Base("q").__class__.__name__, type(Base("q")) is Base, Child.__bases__)
e = ValueError("a", 1)
print(e.args, str(e), repr(e), repr(KeyError("k")), str(KeyError("k")))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except MyErr as err:
    print(err, err.code, err.args, repr(err))
