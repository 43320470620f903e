# unpacking, slices of lists and ranges, slice objects and slice.indices
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *_ = "hello"
print(first)
l = list(range(10))
print(l[2:8:2], l[::-3], l[-3:], l[:-7], l[100:], l[::-1][:2])
l[1:3] = ["a", "b", "c"]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
s = slice(1, 5, 2)
print(l[s], s, s.indices(20))
m = [[0] * 3 for _ in range(2)]
m[0][0] = 1
print(m)
t = (1,)
print(t, type(t).__name__, (1), ())
a = b = []
a.append(1)
print(a is b, b)
i, j = 1, 2
i, j = j, i
print(i, j)
for s in [slice(1, 5, 2), slice(None), slice(-3, None), slice(None, None, -1), slice(10, -10, -2), slice(-100, 100), slice(5, 1)]:
    print(s, s.indices(7), s.indices(0), list(range(7))[s] == [list(range(7))[i] for i in range(*s.indices(7))])
for bad in [(slice(0, 1, 0), 3), (slice(1), -1)]:
    try:
        bad[0].indices(bad[1])
    except ValueError as e:
        print("ValueError:", e)
print(range(10)[2:8:3], range(10)[::-2], range(0, 20, 4)[-2:])
