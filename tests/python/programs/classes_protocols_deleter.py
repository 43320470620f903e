# __getattr__, __call__, __contains__, __iter__, __len__, __getitem__ on one class; a property with setter and deleter; dir() of an instance
class Config:
    def __init__(self):
        self._data = {"a": 1}
    def __getattr__(self, name):
        if name in self._data:
            return self._data[name]
        raise AttributeError(f"no setting {name}")
    def __call__(self, x):
        return x * 2
    def __contains__(self, item):
        return item in self._data
    def __iter__(self):
        yield from self._data
    def __len__(self):
        return len(self._data)
    def __getitem__(self, k):
        return self._data[k]
c = Config()
print(c.a, c(4), "a" in c, "b" in c, list(c), len(c), c["a"], getattr(c, "zz", "default"), hasattr(c, "zz"))
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleted")
t = Temp()
t.celsius = 25
print(t.celsius)
del t.celsius
print(sorted(dir(t))[-3:], [n for n in dir(t) if not n.startswith("__")])
