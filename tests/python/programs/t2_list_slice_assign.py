# slice assignment, slice deletion, del with indices, extended slices
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[1:1] = [100, 200]
print(a)
a[-2:] = []
print(a)
del a[0]
del a[::2]
print(a)
b = list(range(10))
b[::2] = [0] * 5
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(8))
del c[1:7:2]
print(c)
c[:] = "abc"
print(c)
d = [1, 2, 3]
alias = d
d[:] = [9, 9]
print(alias, d is alias)
e = [1, 2, 3, 4, 5]
e[1:4] = reversed(e[1:4])
print(e)
f = [0, 1, 2, 3, 4, 5]
print(f[::-1], f[4:1:-1], f[-2::-2])
del f[-1]
del f[:2]
print(f)
try:
    del f[10]
except IndexError as e:
    print("IndexError:", e)
