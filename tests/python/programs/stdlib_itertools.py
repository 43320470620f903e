"""itertools: each tool's output, and the ones tutorials lean on (groupby, chain, product)."""
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("ab"), 5)), list(repeat("x", 3)), list(islice(repeat(0), 2)), list(cycle([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=100)))
print(list(accumulate([])), list(accumulate([], initial=0)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable([[1], [2, 3]])), list(chain()))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(7))), list(filterfalse(None, [0, 1, "", "a"])))
rows = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig")]
for kind, items in groupby(rows, key=lambda r: r[0]):
    print(kind, [name for _, name in items])
print([(k, len(list(g))) for k, g in groupby("aaabccaa")])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
it = groupby("xxyy")
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g1), list(g2))
print(list(groupby([])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)),
      list(islice("abcdefg", 0, None, 2)), list(islice(range(10), 1, 8, 3)))
for args in [(-1,), (1, -2), ("a",), (0, 5, 0)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("ValueError:", e)
print(list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
x, y, z = tee("ab", 3)
print(next(x), list(y), list(x), list(z))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(pairwise("abcd")), list(pairwise("a")))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations("abc", 2)), len(list(permutations(range(4)))))
print(list(combinations("abcd", 2)), list(combinations(range(3), 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ab", 2)))
squares = (n * n for n in count(1))
print(list(takewhile(lambda s: s < 50, squares)))
print(sum(1 for _ in islice(itertools.count(), 1000)))
