# hasattr/getattr with default/setattr/delattr, vars, dynamic attributes, AttributeError messages
class Config:
    debug = False
    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, value)
    def describe(self):
        return ", ".join(f"{k}={getattr(self, k)!r}" for k in sorted(vars(self)))
c = Config(host="localhost", port=8080)
print(c.describe())
print(hasattr(c, "host"), hasattr(c, "debug"), hasattr(c, "missing"))
print(getattr(c, "port"), getattr(c, "timeout", 30), getattr(c, "debug"))
setattr(c, "timeout", 5)
c.debug = True
print(c.describe(), Config.debug)
delattr(c, "timeout")
del c.debug
print(c.describe(), c.debug)
try:
    delattr(c, "timeout")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    "text".nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    Config.nothing
except AttributeError as e:
    print("AttributeError:", e)
method = getattr(c, "describe")
print(method())
for name in ["upper", "title", "swapcase"]:
    print(getattr("hello World", name)())
print(type(c).__name__, c.__class__.__name__, Config.__name__, isinstance(c, Config))
print(getattr(Config, "debug"), hasattr(Config, "describe"), callable(getattr(c, "describe")))
