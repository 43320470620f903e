numbers = ["1", "2", "three"]
total = 0
for n in numbers:
    total += int(n)
print(total)
