# decorators: simple wrappers, decorators with arguments, stacking order, registration decorators
def trace(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"trace: {fn.__name__}{args} -> {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    return wrapper
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
def tag(name):
    return lambda fn: lambda *args: f"<{name}>{fn(*args)}</{name}>"
@trace
def add(a, b):
    return a + b
@tag("b")
@tag("i")
def text(s):
    return s.upper()
@trace
@repeat(2)
def double(x):
    return x * 2
print(add(2, 3), add.__name__, repeat(3)(str.title)("hi bo"))
print(text("bold"), double(7))
registry = {}
def register(key):
    def deco(fn):
        registry[key] = fn
        return fn
    return deco
@register("sq")
def square(x): return x * x
register("neg")(lambda x: -x)
print(sorted(registry), registry["sq"](9), registry["neg"](4), square(3))
