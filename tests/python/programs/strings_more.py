text = "  Alembic Lab: learn migrations  "
clean = text.strip()
print(clean.lower().replace(":", ""), clean.split(":")[0], clean.count("a"), clean.index("Lab"))
print("-".join(str(n) for n in range(5)), "abc".upper().lower(), "MiXeD".swapcase(), "hello world".title())
print("a1b2".isalnum(), " ".isspace(), "ABC".isupper(), "abc".islower(), "x".rjust(3, "."), "ab".rfind("b"))
print("one,two;three".replace(";", ",").split(","), "k=v".partition("="), "a\tb".split("\t"))
print(len(""), "" == "", str(3.0), str(-0.5), str([1, "2"]), str((1, "2")), str({"a": "b"}))
name, age = "Ann", 30
print("Name: %s, Age: %d" % (name, age), "%x" % 255, "%05.1f" % 3.14159, "%r" % "q")
print("{:>10}|{:<10}|{:^10}|".format("a", "b", "c"), "{0} {0} {1}".format("x", "y"), "{!r}".format("z"))
