# dataclasses: generated __init__, __repr__, __eq__ and ordering, field defaults and factories,
# __post_init__, asdict, and the errors Python gives.
from dataclasses import dataclass, field, asdict, fields
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1, 2)
print(p, p == Point(1, 2), p == Point(2, 1), Point(5), asdict(p), [f.name for f in fields(p)])
@dataclass(order=True)
class Version:
    major: int
    minor: int
    def __post_init__(self):
        self.label = f"v{self.major}.{self.minor}"
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1, 2).label)
for bad in [lambda: Point(), lambda: Point(1, 2, [], 4), lambda: Point(1, z=3), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    {Point(1, 2)}
except TypeError as e:
    print("TypeError:", e)
