print(1 + 1, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1)
print(0.1 + 0.2, 1e16, 1.5e-5, 3.0, -0.0, 10 / 4, 1 / 3)
print(True + True, 3 * False, abs(-5), abs(-2.5), round(2.5), round(3.5), round(2.675, 2))
print(divmod(17, 5), divmod(-17, 5), pow(2, 8), max(3, 9, 2), min([4, 1, 8]))
print(int("42"), int("-7"), int(3.99), int("ff", 16), float("1.5"), float(2), str(10), bool(0), bool("x"))
print(1 < 2 < 3, 3 > 2 > 5, 1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 3)
x = 10
x += 5
x *= 2
x -= 1
x //= 4
print(x)
