# list methods: insert, pop with index, remove errors, index, count, copy, extend, clear
items = [3, 1, 4, 1, 5]
items.insert(0, 9)
items.insert(100, 7)
items.insert(-1, 8)
print(items)
print(items.pop(), items.pop(0), items.pop(-2), items)
items.append([2, 6])
items.extend((5, 3))
items.extend("ab")
print(items, len(items))
print(items.index(1), items.index(1, 2), items.count(1), items.count(99))
items.remove(1)
print(items)
try:
    items.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    items.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].pop(5)
except IndexError as e:
    print("IndexError:", e)
c = items.copy()
c.clear()
print(c, items[:3])
nested = [[0] * 3 for _ in range(2)]
nested[0][1] = 5
bad = [[0] * 3] * 2
bad[0][1] = 5
print(nested, bad)
items.reverse()
print(items, [1, 2] * 2, [1] + [2, 3])
