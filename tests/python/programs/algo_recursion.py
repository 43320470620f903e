def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

def hanoi(n, source="A", target="C", spare="B", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, source, spare, target, moves)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source, moves)
    return moves

print(factorial(10), factorial(20), gcd(48, 36), flatten([1, [2, [3, [4]], 5]]), len(hanoi(5)), hanoi(2))
