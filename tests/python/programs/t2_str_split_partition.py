# string split/rsplit with maxsplit, partition/rpartition, join and join errors
line = "alpha,beta,,gamma,delta"
print(line.split(","))
print(line.split(",", 2))
print(line.rsplit(",", 1))
print(line.rsplit(",", maxsplit=2))
print("  a  b\tc\n d ".split())
print("  a  b  c ".split(None, 1))
print("a b c".rsplit(None, 1))
print("".split(","), "".split())
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))
print("novalue".rpartition("="))
print("-".join(["x", "y", "z"]))
print("".join(reversed("stressed")))
print(", ".join(str(n) for n in range(5)))
try:
    print("-".join(["a", 1, "b"]))
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("a\nb\r\nc\n".splitlines())
print("ab" * 3, 3 * "-", "x" * 0 == "")
print("one two three".split(" ", -1))
parts = "path/to/some/file.txt".rsplit("/", 1)
print(parts[0], "|", parts[1])
name, _, ext = "archive.tar.gz".partition(".")
print(name, ext)
