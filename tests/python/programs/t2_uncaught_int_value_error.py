# ends with an uncaught ValueError from int() while parsing a list of user-entered strings
raw = ["12", " 7 ", "-3", "+40", "4.5", "100"]
def parse_all(items):
    out = []
    for s in items:
        out.append(int(s))
        print("parsed", repr(s), "->", out[-1])
    return out
try:
    print(int("seven"))
except ValueError as e:
    print("caught:", e)
print(sum(parse_all(raw)))
