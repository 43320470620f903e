class Base:
    def greet(self):
        raise NotImplementedError("subclasses must greet")


class Child(Base):
    pass


try:
    Child().greet()
except NotImplementedError as e:
    print("NotImplementedError:", e)

class WithInit:
    def __init__(self, a, b):
        self.a = a

try:
    WithInit(1)
except TypeError as e:
    print(e)
try:
    Base().missing()
except AttributeError as e:
    print(e)
try:
    Base.nothing
except AttributeError as e:
    print(e)
