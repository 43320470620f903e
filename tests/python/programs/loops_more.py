found = None
for i, name in enumerate(["ann", "bo", "cy"], start=1):
    if name.startswith("b"):
        found = (i, name)
        break
print(found)
n = 10
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
for a, b in zip("xyz", range(3)):
    print(a, b, end="; ")
print()
matrix = [[0] * 3 for _ in range(2)]
matrix[0][1] = 5
print(matrix)
total = 0
for row in [[1, 2], [3, 4]]:
    for value in row:
        if value == 3:
            continue
        total += value
print(total)
count = 0
while True:
    count += 1
    if count >= 5:
        break
print("count", count)
