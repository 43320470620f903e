class Tags(list):
    pass
try:
    {Tags(): 1}
except TypeError as e:
    print(e)
try:
    hash(Tags())
except TypeError as e:
    print(e)
class N(int):
    def __add__(self, other):
        return N(int(self) + int(other) + 100)
print(N(1) + 2, 2 + N(1), N(1) - 1, sum([N(1), N(2)]))
class S(str):
    def __len__(self):
        return 42
print(len(S("ab")), bool(S("")), S("x") * 3, "%s!" % S("y"), S("a") in ["a"], S("abc")[1:], list(S("ab")))
class D(dict):
    def __iter__(self):
        return iter(["fake"])
d = D(a=1)
print(list(d), d["a"], len(d), dict(d), {**d})
print(sorted([S("b"), S("a")]), max(N(3), 5), min([N(9), N(4)]), divmod(N(7), 2), N(7) // 2, N(7) % 3, N(2) ** 3)
print(str(N(5)), repr(N(5)), f"{N(5):03d}", "{:>4}".format(S("ab")), S("a,b").split(","), ",".join(S("xy")))
def options(**kw):
    return kw
class Config(dict):
    pass
print(options(**Config(debug=True)), Config(a=1) == {"a": 1}, Config(a=1) | {"b": 2}, type(Config(a=1) | {"b": 2}).__name__)
c = Config(a=1)
c |= {"b": 2}
print(c, type(c).__name__, c.copy(), type(c.copy()).__name__)
