# The math functions the lab provides, on ordinary and awkward arguments.
import math
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(), math.gcd(30, 45, 60))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(), math.lcm(2, 3, 4))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**18))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.floor(-2.5), math.ceil(-2.5), math.floor(7), math.sqrt(2), math.fabs(-3), round(math.e, 5), round(math.pi, 5))
for call in [lambda: math.sqrt(-1), lambda: math.isqrt(-1), lambda: math.factorial(-1), lambda: math.floor(float("inf")),
             lambda: math.floor(float("nan")), lambda: math.gcd(1.5, 2)]:
    try:
        call()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __abs__(self):
        return Money(abs(self.cents))
    def __repr__(self):
        return f"Money({self.cents})"
print(abs(Money(-250)), abs(-7), abs(-2.5))
