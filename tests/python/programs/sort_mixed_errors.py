# A sort that meets values it cannot compare fails on the pair CPython's timsort compares first.
cases = [[1, "a"], ["a", 1], [3, 1, "x", 2], [None, 2, 1], [1, 2, 3, None], [5, 4, 3, "z", 1],
         [(1, "a"), (1, 2)], [[1], (1,)], [2.5, "b", 1]]
for case in cases:
    for reverse in (False, True):
        try:
            print(sorted(case, reverse=reverse))
        except TypeError as e:
            print(case, reverse, "->", e)
class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  {self.n} < {other.n}?")
        return self.n < other.n
    def __repr__(self):
        return f"L{self.n}"
print(sorted([Loud(3), Loud(1), Loud(2), Loud(5), Loud(4)]))
print(sorted([Loud(1), Loud(2), Loud(3)], reverse=True))
words = ["pear", "Fig", "apple", "fig", "Date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
