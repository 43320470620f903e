for r in [range(10), range(0, 10, 2), range(10, 0, -3), range(5, 5), range(-5, 20, 7)]:
    for sl in [slice(None), slice(1, 3), slice(None, None, -1), slice(-2, None), slice(None, -1, 2), slice(5, 1, -2), slice(100, 200), slice(-100, 3), slice(None, None, 3)]:
        print(r[sl], list(r[sl]) == list(r)[sl], end="; ")
    print()
print(range(0, 10**12)[1:3], range(10**12)[::-1][:2])
