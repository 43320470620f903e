a = [1, 2, 3]
b = a
c = a[:]
b.append(4)
print(a, b, c, a is b, a is c, a == b)
d = {"k": [1]}
e = dict(d)
e["k"].append(2)
print(d, e)
x = None
print(x is None, x == None, [] is [], x is not None)
def mutate(items):
    items.append("added")
    items = ["rebound"]
    return items
original = ["start"]
print(mutate(original), original)
