values = [0, 1, -1, 0.0, "", "a", [], [0], {}, {"a": 1}, set(), None, (), (0,)]
print([bool(v) for v in values])
print(not [], not [1], [] or "empty", "x" and "y", 0 and 1/0)
class Empty:
    def __len__(self):
        return 0
class Truthy:
    pass
print(bool(Empty()), bool(Truthy()))
if []:
    print("no")
elif {}:
    print("no")
else:
    print("all falsy")
