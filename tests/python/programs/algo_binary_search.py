def binary_search(items, target):
    low, high = 0, len(items) - 1
    while low <= high:
        mid = (low + high) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            low = mid + 1
        else:
            high = mid - 1
    return -1

data = list(range(0, 100, 3))
print([binary_search(data, t) for t in (0, 3, 51, 99, 100, -1)])
