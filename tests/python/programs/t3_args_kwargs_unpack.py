# Default/keyword arguments, *args/**kwargs parameters, and unpacking at call sites with f(*xs, **kw)
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

def collect(a, b=2, *args, c=3, **kwargs):
    return f"a={a} b={b} args={args} c={c} kwargs={kwargs}"

def total(*nums, start=0):
    return start + sum(nums)

def append_to(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

def show(*args, **kwargs):
    print(len(args), args, sorted(kwargs.items()))

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Dee"))
print(collect(1))
print(collect(1, 5, 6, 7, c=8, d=9, e=10))
xs, kw = [10, 20, 30], {"c": "C", "z": "Z"}
print(collect(*xs, **kw))
print(collect(0, *xs[1:], x=1, **{"y": 2}))
print(total(*xs), total(*xs, *range(3), start=100), total())
opts = {"greeting": "Yo", "punct": "!!"}
print(greet("Eve", **opts), greet(*["Fay", "Hey"]), append_to(1), append_to(2), append_to(3, [0]))
show()
show(*"abc", *[1], **{"k": 1}, j=2)
for bad in (lambda: greet("x", name="y"), lambda: collect(), lambda: total(1, begin=2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
