# __str__ vs __repr__: print, str(), repr(), inside containers, f-strings with !r/!s, and fallbacks
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"

class Tag:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"<Tag {self.name}>"

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __repr__(self):
        return f"Money({self.cents})"

p, q = Point(1, 2), Point("a", 2.5)
print(p, q)
print(str(p), repr(p), [p, q], (p,), {"k": p})
print(f"{p} {p!r} {q!s} {q!r}")
t = Tag("b")
print(t, str(t), [t], f"{t}")
m = Money(1205)
print(m, [m], f"total={m}", f"{str(m):>8}|", "%s %r" % (m, m))
print(str([m]) == repr([m]), str("hi"), repr("hi"), [None, True, 1.0, "x", 'it\'s'])
print("{} {!r} {:>4}".format(p, p, "z"), str(Money(7)), repr(Point(None, [1])))
