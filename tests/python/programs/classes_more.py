class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} has {self.sides} sides"

    @property
    def is_polygon(self):
        return self.sides > 2


class Triangle(Shape):
    sides = 3


class Square(Shape):
    sides = 4

    def __init__(self, size):
        super().__init__("square")
        self.size = size

    def area(self):
        return self.size ** 2


shapes = [Triangle("tri"), Square(3)]
for shape in shapes:
    print(shape.describe(), shape.is_polygon, type(shape).__name__)
print(shapes[1].area(), Shape("line").is_polygon, isinstance(shapes[0], Shape))


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.count


c = Counter()
c()
c()
print(c(), Counter.instances, Counter().count, Counter.instances)
