# for/else with break, while/else, continue in nested loops, breaking out of nested loops
def find_first_even(nums):
    for i, n in enumerate(nums):
        if n % 2 == 0:
            print("found", n, "at", i)
            break
    else:
        print("no even number in", nums)
for nums in ([1, 3, 4, 5], [1, 3, 5], []):
    find_first_even(nums)
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
k = 0
while k < 3:
    k += 1
else:
    print("while finished normally, k =", k)
while True:
    k += 1
    if k % 7: continue
    if k > 30: break
    print("multiple of 7:", k)
grid = [[1, 2, 3], [4, -5, 6], [7, 8, -9]]
print([[v for v in row if v >= 0] for row in grid])
target, pos = 6, None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == target:
            pos = (r, c)
            break
    if pos:
        break
print("pos", pos, "r", r, "c", c)
