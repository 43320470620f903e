# Shape class hierarchy with area/perimeter using math.pi and round(), and a NotImplementedError base
import math

class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")
    def perimeter(self):
        raise NotImplementedError
    def describe(self):
        return f"{type(self).__name__}: area={round(self.area(), 2)} perimeter={round(self.perimeter(), 2)}"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r
class Rectangle(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rectangle):
    def __init__(self, side): super().__init__(side, side)
class Triangle(Shape):
    def __init__(self, *sides): self.sides = sides
    def perimeter(self):
        return sum(self.sides)
for s in [Circle(1), Circle(2.5), Rectangle(3, 4.5), Square(2), Triangle(3, 4, 5)]:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print(f"cannot describe: {e}; perimeter={s.perimeter()}")
print(isinstance(Square(1), Rectangle), issubclass(Square, Shape), Square(3).area(), round(Circle(0.5).area(), 4))
try:
    Shape().perimeter()
except NotImplementedError as e:
    print("base:", repr(e), str(e) == "")
