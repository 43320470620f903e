# the math module: its functions and constants, and CPython's errors (domain, range, arguments)
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.trunc(7))
print(math.gcd(12, 18), math.lcm(4, 6), math.isqrt(17), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.perm(4), math.prod([1, 2, 3]), math.prod([0.5, 4], start=2))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.log(100, 10), math.log(8, 2), math.log(math.e), math.log2(8), math.log10(1000), math.exp(1), math.exp(-1))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1), math.degrees(math.pi), math.radians(180))
print(math.copysign(3, -0.0), math.fabs(-4), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(5, math.inf), math.pow(2, 10), math.pow(2, 0.5), math.pow(1, math.nan))
print(math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.floor(3), math.ceil(True))
for expression in ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.exp(1000)", "math.pow(0, -1)", "math.pow(10, 400)", "math.acos(2)",
                   "math.fmod(1, 0)", "math.factorial(-1)", "math.comb(-1, 2)", "math.floor(math.inf)", "math.trunc(math.nan)",
                   "math.fsum([math.inf, -math.inf])", "math.log(10, 1)", "math.sqrt('x')", "math.isclose(1, 2, rel_tol=-1)", "math.sin(math.inf)",
                   "math.sqrt(4, 2)", "math.hypot('a')", "math.perm(3, -1)", "math.log10(0)"]:
    try:
        print(expression, eval(expression))
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as error:
        print(expression, type(error).__name__, error)
print(math.sqrt, repr(math.floor))
for expression in ["math.sqrt()", "math.floor(1, 2)", "math.fsum()", "math.isqrt(1, 2)", "math.atan2(1)", "math.pow(1, 2, 3)", "math.comb(1)",
                   "math.log()", "math.log(1, 2, 3)", "math.perm()", "math.perm(1, 2, 3)", "math.isclose(1)", "math.prod()"]:
    try:
        eval(expression)
    except TypeError as error:
        print(expression, error)
