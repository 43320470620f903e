# Bitwise operators on ints, bools and sets, and the errors for the rest.
print(3 ^ 5, 1 << 4, 256 >> 2, ~7, 6 & 3, 6 | 3)
print(True ^ True, True | False, True & 1)
print(sorted({1, 2} ^ {2, 3}), sorted({1, 2} | {3}), sorted({1, 2} & {2}), sorted({1, 2} - {2}))
x = 12
x ^= 5
x <<= 2
x >>= 1
print(x)
for left, right in [(None, 1), ("a", 2), ([1], 1)]:
    for name, op in [("^", lambda a, b: a ^ b), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b)]:
        try:
            op(left, right)
        except TypeError as e:
            print(name, e)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
print(1 >> 100, -1 >> 3)
