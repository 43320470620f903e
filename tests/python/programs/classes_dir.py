# dir() of instances and classes written in Python, and of an exception
class A:
    x = 1
    def f(self): pass
class B(A):
    def __init__(self): self.y = 2
print(dir(A()))
print(dir(B()))
print(dir(B))
class E(Exception): pass
print([n for n in dir(E()) if not n.startswith("__")])
