# center/ljust/rjust/zfill, title/capitalize/swapcase/upper/lower, is* predicates
w = "cat"
print("[" + w.center(9) + "]", "[" + w.center(8, "*") + "]")
print("[" + w.ljust(6, ".") + "]", "[" + w.rjust(6, ".") + "]")
print("[" + w.ljust(2) + "]", "[" + "abcd".center(2) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(5), "12345".zfill(3))
text = "hello wORLD of python's 3rd-party libs"
print(text.title())
print(text.capitalize())
print(text.swapcase())
print(text.upper())
print(text.lower())
for s in ["123", "12a", "", "abc", "ABC def", " \t\n", "3.5", "Hello"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(),
          s.isupper(), s.islower(), s.istitle())
print("Hello World".istitle(), "hello".isidentifier(), "2x".isidentifier())
print("straße".upper(), "ÀÉÎ".lower())
print("tab\there".expandtabs(4))
