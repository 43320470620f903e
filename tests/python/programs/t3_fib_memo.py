# Fibonacci: plain recursion with call counting, memo dict, mutable-default cache, and iteration
calls = {"plain": 0, "memo": 0}

def fib_plain(n):
    calls["plain"] += 1
    return n if n < 2 else fib_plain(n - 1) + fib_plain(n - 2)

memo = {0: 0, 1: 1}
def fib_memo(n):
    calls["memo"] += 1
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]

def fib_default(n, cache={}):
    if n < 2:
        return n
    if n not in cache:
        cache[n] = fib_default(n - 1) + fib_default(n - 2)
    return cache[n]

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print([fib_plain(i) for i in range(10)], calls["plain"])
calls["plain"] = 0
fib_plain(15)
print("plain calls for 15:", calls["plain"])
print(fib_memo(90), calls["memo"], len(memo))
print(fib_memo(50), calls["memo"])
print(fib_default(80), fib_default(10), fib_default(1))
print(all(fib_iter(i) == fib_memo(i) for i in range(91)))
print([n for n in range(1, 40) if fib_iter(n) % 7 == 0], sorted(memo)[-3:])
