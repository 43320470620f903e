class Temperature:
    unit = "C"

    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def describe():
        return "a temperature"

    @classmethod
    def freezing(cls):
        return cls(0)


t = Temperature(100)
print(t.fahrenheit, Temperature.describe(), Temperature.freezing().fahrenheit, t.unit)

def shout(func):
    def wrapper(*args):
        return func(*args).upper()
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("ann"))

class A:
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B" + super().who()

class C(A):
    def who(self):
        return "C" + super().who()

class D(B, C):
    def who(self):
        return "D" + super().who()

print(D().who(), [k.__name__ for k in D.__mro__])
