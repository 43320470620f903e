# sort with key/reverse, sorted stability, list comparisons, lambda keys
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 35), ("eve", 30)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
nums = [5, -3, 2, -8, 0, 7]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["pear", "Fig", "apple", "kiwi", "banana"]
words.sort(key=len)
print(words)
print(sorted(words, key=str.lower), sorted(words))
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [2, 1], [[1], [0]] > [[1]])
print(max([[1, 2], [1, 3], [0, 9]]), min(["b", "a", "c"]))
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    print([1, 2] < [1, "x"])
except TypeError as e:
    print("TypeError:", e)
print(sorted("hello world".split(), key=lambda w: w[-1]))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), key=lambda kv: kv[1], reverse=True))
m = [[3, 1], [2, 2], [1, 3]]
print(sorted(m, key=lambda r: r[1]), sorted(m, key=sum))
