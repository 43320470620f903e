# int/float division, floor division and modulo with negatives, round half-even, float repr
print(7 / 2, 6 / 3, -7 / 2, 1 / 3, 2 / 3)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7.5 // 2, -7.5 // 2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.5 % 2, -7.5 % 2, 5 % 1.5)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e16, 1e15, 1.5e-5, 0.0001, 1e22, 123456789.0)
print(1.0, 2.50, 100.0 / 3, 3.0 * 1.1, -0.0, 1e300 * 10, float("inf"), -float("inf"))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(123.456, -1), round(1234, -2))
print(round(5), round(7.0), type(round(7.0)).__name__, round(7.0, 1))
print(10 ** 2, 10 ** -2, 2 ** 0.5, (-8) ** 2, -8 ** 2, 2 ** 62)
print(int(3.9), int(-3.9), float(7), 7 == 7.0, 1 / 4 + 1 / 4)
for x in [0, 1, -1, 3]:
    try:
        print(10 / x, 10 // x, 10 % x)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    print(5.0 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(3 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(float("3.25"), float("  -1e3 "), float("nan") == float("nan"), 3 * 0.1)
print(repr(2.0 ** 53), 9007199254740993.0, 0.1 * 3, 1 - 0.9, 100 * 1.1)
print(int(10 / 3 * 3), 10 / 4 * 4, 22 / 7)
