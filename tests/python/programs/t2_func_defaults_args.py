# mutable default pitfall, None default idiom, *args/**kwargs forwarding, keyword-only args, arg errors
def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket
def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(append_bad(1), append_bad(2), append_bad(3, []), append_bad(4))
print(append_good(1), append_good(2), append_bad.__defaults__)
def report(title, *values, sep=", ", **meta):
    body = sep.join(str(v) for v in values)
    extras = " ".join(f"{k}={meta[k]}" for k in sorted(meta))
    return f"{title}: {body} [{extras}]"
def forward(*args, **kwargs):
    print("forwarding", args, sorted(kwargs.items()))
    return report(*args, **kwargs)
print(report("nums", 1, 2, 3))
print(forward("mix", "a", "b", sep="|", user="kim", level=2))
print(report(*["only"]), report("d", *range(3), **{"x": 1}))
def area(width, height, *, unit="cm"):
    return f"{width * height}{unit}^2"
print(area(2, 3), area(2, height=5, unit="m"), area(height=1, width=4))
for call in [lambda: area(1, 2, "mm"), lambda: area(1), lambda: area(1, 2, color="red"),
             lambda: area(1, 2, width=3), lambda: report()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def pos_only(a, b, /, c=0):
    return a + b + c
print(pos_only(1, 2), pos_only(1, 2, c=3))
try:
    pos_only(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
def stamp(n, when=len("abc") * 10):
    return n + when
print(stamp(1), stamp(1, 0), (lambda *a, **k: (a, k))(1, z=2))
