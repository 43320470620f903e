# set add/discard/remove errors, union/intersection/difference, issubset, set comprehension
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [7, 8])), sorted(a.intersection([2, 3, 9])))
print(sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
s = set()
s.add(5)
s.add(5)
s.add(1)
s.discard(99)
s.discard(1)
print(s, len(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
print({1, 2}.issubset(a), {1, 9}.issubset(a), a.issuperset({1, 2}), {1, 2} <= {1, 2}, {1, 2} < {1, 2})
print(a.isdisjoint({10, 11}), a.isdisjoint(b))
words = ["Apple", "banana", "apple", "Cherry", "banana"]
lowered = {w.lower() for w in words}
print(sorted(lowered), len(lowered))
lengths = {len(w) for w in words}
print(sorted(lengths))
c = set("hello")
c.update("world")
print(sorted(c))
c.intersection_update("lowkey")
print(sorted(c))
c.difference_update({"o"})
print(sorted(c), set() == set(), {1, 2} == {2, 1})
print(sorted({x % 3 for x in range(10)}), {1, 2, 3} - {2}, set([3, 3, 1]))
print(len(set([1, 1.0, True])), 2 in {1, 2}, "x" not in {"y"})
