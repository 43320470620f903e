# __repr__/__str__ interplay, __eq__/__hash__, __lt__ with sorted, objects in sets and dict keys
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return (self.x ** 2 + self.y ** 2) < (other.x ** 2 + other.y ** 2)
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<>"
pts = [Point(3, 4), Point(1, 1), Point(0, 2), Point(1, 1)]
print(pts)
print(pts[0], str(pts[0]), repr(pts[0]), f"{pts[0]} {pts[0]!r}")
print(sorted(pts), min(pts), max(pts))
print(Point(1, 1) == Point(1, 1), Point(1, 1) != Point(2, 1), Point(1, 1) == (1, 1))
print(len(set(pts)), Point(0, 2) in set(pts), pts.count(Point(1, 1)), pts.index(Point(0, 2)))
lookup = {Point(0, 0): "origin"}
print(lookup[Point(0, 0)], lookup.get(Point(9, 9), "none"))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()], {"k": Point(5, 6)}, (Point(7, 8),))
try:
    Point(1, 2) < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
print(Point(2, 2) > Point(1, 1), sorted(pts, reverse=True)[0])
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
