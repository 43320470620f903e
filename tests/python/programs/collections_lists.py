xs = [3, 1, 2]
xs.append(5)
xs.extend([9, 0])
xs.insert(1, 7)
print(xs, len(xs), xs[0], xs[-1], xs.index(9), xs.count(1))
print(xs.pop(), xs.pop(0), xs)
xs.remove(1)
xs.sort()
print(xs, sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
xs.reverse()
print(xs, list(reversed([1, 2, 3])), [1, 2] + [3], [0] * 3)
a, b, *rest = [1, 2, 3, 4]
first, *middle, last = range(5)
print(a, b, rest, first, middle, last)
nested = [[1, 2], [3, 4]]
nested[0][1] = 20
print(nested, sum([1, 2, 3]), min([5, 2]), max("abc"), any([0, 1]), all([1, 0]))
del xs[0]
print(xs, [i * i for i in range(5)], [x for x in range(10) if x % 3 == 0])
print(list(enumerate("ab")), list(zip([1, 2], "xy")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
