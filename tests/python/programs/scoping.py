x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()

print(outer(), x)

def broken():
    print(x)
    x = "local"

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
