# GCD/LCM (iterative and recursive, checked against math.gcd) and prime factorization
import math

def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def gcd_rec(a, b):
    return a if b == 0 else gcd_rec(b, a % b)

def lcm(a, b):
    return a // gcd(a, b) * b if a and b else 0

def factorize(n):
    factors, d = {}, 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors

def fmt(factors):
    return " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in factors.items())

for a, b in [(48, 18), (17, 5), (0, 9), (-12, 30), (1071, 462)]:
    print(a, b, gcd(a, b), gcd_rec(a, b), math.gcd(a, b), lcm(a, b))
for n in [2, 12, 97, 360, 1001, 65536, 999999937, 600851475143]:
    print(n, "=", fmt(factorize(n)))
nums = [12, 18, 30, 42]
g, l = nums[0], nums[0]
for x in nums[1:]:
    g, l = gcd(g, x), lcm(l, x)
print("gcd:", g, "lcm:", l, "coprime pairs:", [(a, b) for a in range(2, 7) for b in range(a + 1, 8) if gcd(a, b) == 1][:6])
