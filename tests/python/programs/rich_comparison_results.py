# A comparison gives whatever the method returns (a query builder's expression, a list), not
# its truth; the reflection runs when the left side says NotImplemented; != without __ne__ is
# the inverse of __eq__; < without any method is a TypeError.
class Col:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return f"{self.name} = {other!r}"

    def __lt__(self, other):
        return [self.name, "<", other]

    def __gt__(self, other):
        return NotImplemented


class Other:
    def __lt__(self, other):
        return "Other.__lt__ as the reflection"


class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.v == other.v


c = Col("age")
print(c == 3, c != 3)
print(3 == c)
print(c < 5, 5 > c)
print(c > Other())
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) != OnlyEq(1))
print((c == None) is None, type(c == None).__name__)
x = OnlyEq(1)
print(x == x, x != None, [x] == [OnlyEq(1)])
try:
    print(OnlyEq(1) < OnlyEq(2))
except TypeError as e:
    print("TypeError:", e)
print(1 < 2 < 3, (c == 1) and "truthy")
