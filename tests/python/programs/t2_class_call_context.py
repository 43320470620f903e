# __call__ objects, __enter__/__exit__ context managers, exception suppression, nested with
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.factor
triple = Multiplier(3)
print(triple(4), triple("ab"), list(map(triple, [1, 2])), triple.calls, callable(triple), callable(5))
class Tracker:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        label = exc_type.__name__ if exc_type else None
        print("exit", self.name, label, exc)
        return self.suppress
with Tracker("a") as t:
    print("inside", t.name)
with Tracker("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Tracker("loud"):
        {}["k"]
except KeyError as e:
    print("caught outside:", repr(e))
with Tracker("outer", True), Tracker("inner"):
    print("both open")
    1 / 0
print("after nested")
for i in range(3):
    with Tracker(f"loop{i}", suppress=True):
        if i == 1:
            continue
        print("body", i)
