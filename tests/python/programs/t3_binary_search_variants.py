# Binary search variants: exact match, lower/upper bounds (insertion points), search on a predicate
def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid
        elif a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

def bound(a, x, right=False):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x or (right and a[mid] == x):
            lo = mid + 1
        else:
            hi = mid
    return lo

def first_true(lo, hi, pred):
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo

a = [1, 3, 3, 3, 5, 8, 13, 21]
print([binary_search(a, x) for x in (1, 5, 21, 4, 0, 100)], binary_search([], 1))
print([(x, bound(a, x), bound(a, x, right=True)) for x in (0, 3, 4, 21, 22)])
print("count of 3:", bound(a, 3, True) - bound(a, 3))
print("isqrt(1000) =", first_true(0, 1000, lambda k: (k + 1) * (k + 1) > 1000))
print("first square >= 500:", first_true(0, 100, lambda k: k * k >= 500) ** 2)
words = sorted(["pear", "apple", "fig", "banana", "cherry"])
print(words, bound(words, "c"), binary_search(words, "fig"), binary_search(words, "grape"))
