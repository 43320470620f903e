# Quicksort (list-comprehension and in-place Lomuto) and stable mergesort implementations
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return (quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot]
            + quicksort([x for x in xs if x > pivot]))

def quicksort_inplace(a, lo=0, hi=None):
    if hi is None:
        hi = len(a) - 1
    if lo >= hi:
        return
    pivot, i = a[hi], lo
    for j in range(lo, hi):
        if a[j] <= pivot:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    quicksort_inplace(a, lo, i - 1)
    quicksort_inplace(a, i + 1, hi)

def mergesort(xs, key=lambda v: v):
    if len(xs) <= 1:
        return list(xs)
    mid = len(xs) // 2
    left, right = mergesort(xs[:mid], key), mergesort(xs[mid:], key)
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j]); j += 1
        else:
            out.append(left[i]); i += 1
    return out + left[i:] + right[j:]

data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0]
print(quicksort(data), data)
b = data[:]; quicksort_inplace(b); print(b, b == sorted(data))
print(mergesort(data), mergesort([]), mergesort(["pear", "fig", "apple", "kiwi"], key=len))
print(quicksort(list("tutorial")), mergesort([(2, "b"), (1, "z"), (2, "a")], key=lambda p: p[0]))
