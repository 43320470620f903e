# Operator overloading: __add__ __sub__ __neg__ __abs__ __bool__ __len__ __contains__ __iter__ __eq__
import math

class Vec:
    def __init__(self, *coords):
        self.coords = list(coords)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.coords, other.coords)])
    def __sub__(self, other):
        return self + (-other)
    def __neg__(self):
        return Vec(*[-a for a in self.coords])
    def __abs__(self):
        return math.sqrt(sum(a * a for a in self.coords))
    def __bool__(self):
        return any(self.coords)
    def __len__(self):
        return len(self.coords)
    def __contains__(self, value):
        return value in self.coords
    def __iter__(self):
        return iter(self.coords)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.coords == other.coords
    def __repr__(self):
        return f"Vec{tuple(self.coords)}"

a, b, zero = Vec(3, 4), Vec(1, -2), Vec(0, 0)
print(a + b, a - b, -a, abs(a), abs(b - b))
print(bool(a), bool(zero), len(a), 4 in a, 5 in a, list(a), sum(a), max(b))
x, y = a
print(x, y, [c * 2 for c in a], sorted(Vec(3, 1, 2)))
print(a == Vec(3, 4), a != b, a - b + b == a, "yes" if zero else "no")
print(Vec(1) + Vec(2), repr(Vec()), bool(Vec()), len(Vec()))
for label, v in [("a", a), ("zero", zero)]:
    if v:
        print(label, "is truthy with norm", abs(v))
    else:
        print(label, "is falsy")
