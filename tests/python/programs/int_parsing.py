# int() of strings in every base, with prefixes, signs, underscores, and the errors.
cases = [("10", 1), ("10", 37), ("10", -1), ("10", 0), ("z", 36), ("11", 2), ("0x1f", 0), ("0b11", 0), ("0o7", 0),
         ("  12 ", 0), ("012", 0), ("000", 0), ("0_0", 0), ("1_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10),
         ("0x1f", 16), ("0x_1f", 16), ("0x", 16), ("-0x1f", 0), ("+42", 10), ("- 4", 10), ("", 10), ("ff", 16),
         ("FF", 16), ("0b2", 0), ("9223372036854775807", 10), ("-9223372036854775808", 10), ("12", 8), ("0o17", 8),
         ("1e3", 10), ("3.5", 10)]
for text, base in cases:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, "ValueError:", e)
for value in [3.9, -3.9, True, "7"]:
    try:
        print(int(value, 10))
    except TypeError as e:
        print("TypeError:", e)
print(int(" -17 "), int("0"), int(-0.5))
