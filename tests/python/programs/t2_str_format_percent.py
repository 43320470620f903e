# str.format with indices and names, attribute/index access, %-formatting with tuples and dicts
print("{} + {} = {}".format(2, 3, 5))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age} years".format(name="Ann", age=31))
print("{0[1]} {1[key]}".format([10, 20], {"key": "val"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{0:.3f} {0:10.1f} {0:e}".format(2 / 3))
print("{:,} {:08.2f} {:+d} {:%}".format(9876543, -3.14159, 5, 0.125))
print("{!r} {!s}".format("txt", "txt"))
print("{{}} {}".format("braces"))
data = {"user": "kim", "n": 4}
print("{user} has {n} items".format(**data))
print("{0}-{0}-{0}".format("ha"), "{:*^9}".format("mid"))
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError:", e)
try:
    print("{missing}".format(present=1))
except KeyError as e:
    print("KeyError:", e)
print("%s is %d years and %.2f m" % ("Bob", 42, 1.8))
print("%5s|%-5s|%05d|%x|%o|%e|%r" % ("ab", "cd", 42, 255, 8, 1234.5, "q"))
print("%(name)s scored %(score)3d%%" % {"name": "Zed", "score": 97})
print("%s" % "single", "%s" % (1,), "%s %s" % ("a", [1, 2]))
print("%s" % ((1, 2),), "%.1f%%" % 12.345, "%+.3d" % 7, "%c" % 65)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
row = ("apple", 3, 0.5)
print("%-10s%4d%8.2f" % row, "{:<10}{:>4}{:>8.2f}".format(*row))
