balance, years = 1000.0, 0
while balance < 2000:
    balance *= 1.07
    years += 1
print(years, round(balance, 2))
queue = [1, 2, 3]
while queue:
    item = queue.pop()
    if item == 2:
        queue.append(10)
    print(item, end=" ")
print()
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
else:
    print("never")
