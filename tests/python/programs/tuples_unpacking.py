point = (3, 4)
x, y = point
print(x, y, point[0] ** 2 + point[1] ** 2)
a, b = 1, 2
a, b = b, a
print(a, b)
for i, (name, score) in enumerate([("ann", 9), ("bo", 7)]):
    print(i, name, score)
first, second, *others = "hello"
print(first, second, others)
(p, q), r = (1, 2), 3
print(p, q, r)
def min_max(items):
    return min(items), max(items)
low, high = min_max([4, 8, 1])
print(low, high, type(min_max([1])).__name__)
