"""A comprehension takes its items one at a time: a generator's prints interleave with its body's."""
def g():
    for i in range(2):
        print("yield", i)
        yield i
r = [print("got", x) for x in g()]
s = {x: print("dict", x) for x in g()}
t = list(print("gen", x) for x in g())
for a, b in zip(g(), g()):
    print("zip", a, b)
for i, x in enumerate(g()):
    print("enum", i, x)
print(sum(x for x in g()))
m = map(lambda x: print("map", x), g())
print("made map")
list(m)
f = filter(lambda x: print("filter", x) or True, g())
print("made filter")
list(f)
pairs = [(x, y) for x in g() for y in g() if x != y]
print(pairs)
nested = [[print("inner", x, y) or y for y in g()] for x in g()]
print(nested)
