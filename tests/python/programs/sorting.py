people = [("ann", 31), ("bo", 25), ("cy", 31), ("di", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(["b", "a", "C"]), sorted(["b", "a", "C"], key=str.lower), sorted([3, 1, 2], reverse=True))
nums = [5, 3, 8, 1]
nums.sort()
print(nums, sorted("hello"), sorted({3: "c", 1: "a"}), min(people, key=lambda p: p[1]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
