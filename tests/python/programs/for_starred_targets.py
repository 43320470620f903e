rows = [("users", "id", "name"), ("posts", "id"), ("tags",)]
for table, *columns in rows:
    print(table, columns)

for *init, last in ["abc", "de"]:
    print(init, last)

pairs = {first: rest for first, *rest in rows}
print(pairs)
print([middle for _, *middle, _ in [(1, 2, 3, 4), (5, 6)]])

try:
    for a, *b in [1]:
        pass
except TypeError as error:
    print("TypeError:", error)

try:
    for a, *b, c in [(1,)]:
        pass
except ValueError as error:
    print("ValueError:", error)
