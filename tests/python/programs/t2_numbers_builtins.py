# int() parsing and errors, divmod, abs, pow 3 args, min/max key/default, sum start, bool arithmetic
print(int("  42  "), int("-17"), int("+8"), int("0x1f", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("1_000"), int(True), int(7.99), int("\t9\n"))
for bad in ["x", "3.5", "", " ", "12abc", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2))
print(abs(-5), abs(3.5), abs(-0.0), abs(True))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(2, -1), pow(7, -1, 11))
print(min(3, 1, 2), max([4, 9, 2]), min("apple", "fig", key=len), max(["aa", "b", "ccc"], key=len))
print(min([], default="empty"), max([], default=None), max([1, 5, 3], default=0))
print(min([(2, "b"), (1, "z"), (1, "a")]), max({"a": 3, "b": 7}.items(), key=lambda kv: kv[1]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([[1], [2, 3]], []), sum([0.1] * 10), sum(range(101)))
print(True + True, True * 10, False - 1, sum([True, False, True]), True / 2, -True)
print(bool(0), bool(0.0), bool(""), bool([]), bool("0"), bool([0]), bool(-1))
print(int.bit_length(255), (255).bit_length(), hex(255), oct(8), bin(10), hex(-42))
print(round(7 / 3, 3), abs(-7) // 2, 2 ** 10 - 1, 9223372036854775807 // 3)
print(isinstance(True, int), type(3 // 1.0).__name__, 3 == 3.0 == True + 2)
