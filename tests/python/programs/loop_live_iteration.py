# A for loop sees a list as it changes, shares an iterator with next(), and walks huge ranges lazily.
items = [1, 2, 3]
for x in items:
    if x < 3:
        items.append(x * 10)
print(items)
numbers = [1, 2, 3, 4, 5, 6]
for n in numbers:
    if n % 2 == 0:
        numbers.remove(n)
print(numbers)
it = iter(["a", "b", "c", "d", "e"])
for first in it:
    print(first, next(it, "-"))
total = 0
for i in range(10**15, 10**15 + 3):
    total += i % 1000
print(total)
for i in range(10**12):
    if i == 4:
        break
print("stopped at", i)
for i in range(5, 0, -2):
    print(i, end=" ")
print()
def find(rows, wanted):
    for row in rows:
        for cell in row:
            if cell == wanted:
                return row.index(cell)
    return -1
print(find([[1, 2], [3, 4]], 4), find([], 1))
