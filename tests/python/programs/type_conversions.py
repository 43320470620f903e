print(int("  12  "), int("1_000"), float("  2.5 "), str(12) + "!", list("abc"), tuple([1, 2]), set([1, 1, 2]) == {1, 2})
print(bool([]), bool("False"), int(7.9), int(-7.9), round(7.9), float(7), str(None), str(True))
print(list({"a": 1, "b": 2}), list({"a": 1}.items()), dict([("a", 1), ("b", 2)]), list(range(3, 0, -1)))
for bad in ["", "1.5", "abc"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
print(chr(65) + chr(66), [ord(c) for c in "AB"], hex(255), oct(8), bin(5), hex(-1))
