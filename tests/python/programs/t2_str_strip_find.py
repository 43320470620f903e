# strip variants with chars, startswith/endswith with tuple, find/rfind/index errors, replace count
s = "xxhello worldxx"
print(repr(s.strip("x")), repr(s.lstrip("x")), repr(s.rstrip("x")))
print(repr("  padded \t\n".strip()))
print(repr("www.example.com".strip("cmow.")))
print(repr("...,,,text,,,...".strip(".,")))
fname = "report.csv"
print(fname.startswith(("rep", "doc")), fname.endswith((".txt", ".md")))
print(fname.endswith(".csv"), fname.startswith("port", 2))
t = "the cat sat on the mat"
print(t.find("at"), t.rfind("at"), t.find("dog"), t.rfind("dog"))
print(t.find("at", 6), t.find("at", 6, 9), t.count("at"), t.count("the"))
print(t.index("sat"), t.rindex("the"))
try:
    t.index("dog")
except ValueError as e:
    print("ValueError:", e)
try:
    t.rindex("bird")
except ValueError as e:
    print("ValueError:", e)
print(t.replace("at", "og"))
print(t.replace("at", "og", 2))
print(t.replace("the ", ""))
print("aaaa".replace("a", "b", 0), "aaaa".replace("aa", "b"))
print("hello".replace("", "-"))
print("sat" in t, "dog" not in t, "" in t)
print("abc".removeprefix("ab"), "abc".removesuffix("bc"), "abc".removeprefix("z"))
