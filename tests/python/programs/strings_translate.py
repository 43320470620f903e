# str.maketrans and translate, format_map, isascii, isprintable
table = str.maketrans("lo", "01")
print(table, "Hello".translate(table), "Hello".translate(str.maketrans("", "", "l")), "abc".translate({97: "AA", 98: None}))
print("a-b".translate(str.maketrans({"-": "_", "a": None})), "x".maketrans("x", "y"), "{n}:{v}".format_map({"n": "a", "v": 1}))
print("abc".isascii(), "é".isascii(), "ab c".isprintable(), "a\n".isprintable(), "".isprintable())
for bad in ['str.maketrans("ab", "c")', 'str.maketrans("ab")', 'str.maketrans({"ab": 1})', '"a".translate({97: 1.5})']:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
