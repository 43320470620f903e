"""abc.ABC and abstractmethod: a class with abstract methods left cannot be made."""
from abc import ABC, abstractmethod
import abc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name()} of area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0


print(Square(3).describe(), isinstance(Square(1), Shape), issubclass(Square, ABC))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Repository(abc.ABC):
    @abc.abstractmethod
    def get(self, key):
        raise NotImplementedError


class Memory(Repository):
    def __init__(self, **items):
        self.items = items

    def get(self, key):
        return self.items.get(key)


print(Memory(a=1).get("a"), Square.area.__isabstractmethod__ if hasattr(Square.area, "__isabstractmethod__") else "concrete")
