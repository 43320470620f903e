# ends with an uncaught TypeError: missing 1 required positional argument when calling a function
def make_greeting(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"
def scale(x, factor):
    return x * factor
print(make_greeting("Ann"))
print(make_greeting("Bob", punctuation="?"))
print(scale(3, 4), scale("ab", 2))
try:
    make_greeting()
except TypeError as e:
    print("caught:", e)
values = [scale(v, 10) for v in range(3)]
print(values)
print(scale(5))
