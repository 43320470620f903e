"""__new__ through super(), __delattr__, __class_getitem__, and how functions print."""


class Singleton:
    _instance = None

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating", cls.__name__, args)
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value):
        self.value = value


s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.value)


class Base:
    def __new__(cls, *args):
        obj = object.__new__(cls)
        obj.created_by = "Base"
        return obj


class Child(Base):
    def __new__(cls, *args):
        obj = super().__new__(cls, *args)
        obj.extra = args
        return obj


c = Child(1, 2)
print(c.created_by, c.extra, type(c).__name__)


class Guarded:
    def __init__(self):
        self.keep = 1
        self.temp = 2

    def __delattr__(self, name):
        if name == "keep":
            raise AttributeError(f"cannot delete {name}")
        print("deleting", name)
        object.__delattr__(self, name)


g = Guarded()
del g.temp
try:
    del g.keep
except AttributeError as e:
    print("AttributeError:", e)
print(vars(g))


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], Box[str])


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)


def outer():
    def inner():
        pass
    return inner


class K:
    def method(self):
        pass


print(repr(outer()).split(" at ")[0], repr(K.method).split(" at ")[0], repr(outer).split(" at ")[0])


def f():
    "doc"


f.__name__ = "renamed"
f.__doc__ = "new doc"
f.calls = 0
print(f.__name__, f.__doc__, f.__dict__, repr(f).split(" at ")[0])


print(list[int], dict[str, list["Plain"]], list[int]([1, 2]), list[int].__origin__, type(list[int]).__name__)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    int[3]
except TypeError as e:
    print("TypeError:", e)
