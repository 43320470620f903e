for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("no break")
for i in range(2):
    pass
else:
    print("loop ended")
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
x = 7
if x > 10:
    print("big")
elif x > 5:
    print("medium")
else:
    print("small")
print("yes" if x else "no", 0 or "default", 1 and 2, None or [] or "last")
total = 0
for a in range(3):
    for b in range(3):
        if a == b:
            continue
        total += a * b
print(total, list(range(10, 0, -3)), list(range(2, 8, 2)))
