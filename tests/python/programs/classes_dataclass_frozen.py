"""dataclasses: frozen classes, all four orderings, asdict/astuple into nested values, replace."""
from dataclasses import dataclass, field, asdict, astuple, replace, FrozenInstanceError, fields


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)), {p, Point(1, 2)} == {p})
for action in ("set", "delete", "new"):
    try:
        if action == "set":
            p.x = 5
        elif action == "delete":
            del p.y
        else:
            p.z = 1
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(replace(p, y=7), p)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


a, b = Version(1, 2), Version(1, 10, "beta")
print(a < b, a <= b, a > b, a >= b, a == Version(1, 2, "x"), sorted([b, a]))
print(a.__lt__(3))


@dataclass
class Line:
    start: Point
    end: Point
    tags: list = field(default_factory=list)


line = Line(Point(0, 0), Point(3, 4), ["a", ("b", Point(9, 9))])
print(asdict(line))
print(astuple(line))
print([f.name for f in fields(line)])
try:
    asdict(Line)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass(order=True)
    class Bad:
        x: int
        def __lt__(self, other):
            return True
except TypeError as e:
    print("TypeError:", e)
