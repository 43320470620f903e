def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"

def total(*args, **kwargs):
    return sum(args), sorted(kwargs.items())

def kwonly(a, *, b, c=3):
    return a + b + c

print(greet("Ann"), greet("Bo", greeting="Hi"), greet(greeting="Hey", name="Cy"))
print(total(1, 2, 3, x=1, y=2), kwonly(1, b=2), kwonly(1, b=2, c=10))
square = lambda x: x * x
print(square(7), list(map(lambda p: p[0], [(1, 2), (3, 4)])), sorted([(2, "b"), (1, "a")], key=lambda p: p[0]))

def counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c = counter()
c()
c()
print(c())
value = 1
def change():
    global value
    value = 99
change()
print(value)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(12)])
args = (1, 2)
opts = {"greeting": "Yo"}
print(greet(*["Dee"], **opts), total(*args))
