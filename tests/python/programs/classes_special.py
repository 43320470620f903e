class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, item):
        return item in self.items


p = Point(1, 2) + Point(3, 4)
print(p, p == Point(4, 6), p != Point(0, 0), sorted([Point(2, 1), Point(1, 5)]))
b = Bag("abc")
print(len(b), list(b), b[1], "b" in b, "z" in b, bool(Bag([])))
for item in b:
    print(item)
