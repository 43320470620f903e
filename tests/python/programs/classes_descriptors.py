# descriptors written in Python (__get__, __set__, __delete__, __set_name__), and __dict__ as the instance's own attributes
class Cached:
    def __init__(self, func):
        self.func = func
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value

class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, cls):
        if obj is None:
            return f"<Positive on {cls.__name__}>"
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.private[1:]} must be positive, got {value}")
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        print("deleting", self.private)
        delattr(obj, self.private)

class Item:
    price = Positive()
    def __init__(self, price):
        self.price = price
    @Cached
    def label(self):
        print("computing the label")
        return f"item at {self.price}"

item = Item(3)
print(item.price, item.label, item.label)
print(Item.price, type(Item.label).__name__)
item.price = 5
print(item.price, item.__dict__)
try:
    item.price = -1
except ValueError as error:
    print("ValueError:", error)
del item.price
print(hasattr(item, "_price"), "label" in item.__dict__)
item.__dict__["price"] = 99
item._price = 7
print(item.price)

class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)
    def __repr__(self):
        return f"Record({vars(self)})"

r = Record(name="Ann", age=3)
print(r.name, r.age, r)
vars(r)["age"] = 4
r.__dict__.pop("name")
print(r.age, hasattr(r, "name"), r)
attrs = r.__dict__
r.city = "Oslo"
print(attrs, attrs is r.__dict__)
r.__dict__.clear()
print(vars(r), hasattr(r, "age"))
