# raise ... from ..., __cause__/__context__, bare raise re-raise caught outside, raise from None
class ConfigError(Exception): pass
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e
try:
    parse_port("80x")
except ConfigError as e:
    print("error:", e, "| cause:", type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")
try:
    implicit()
except RuntimeError as e:
    print(e, "| cause:", e.__cause__, "| context:", repr(e.__context__))
def hidden():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
try:
    hidden()
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def logger(fn, arg):
    try:
        return fn(arg)
    except Exception as e:
        print("log:", type(e).__name__, e)
        raise
for arg in ["12", "zz"]:
    try:
        print("got", logger(int, arg))
    except ValueError as e:
        print("outer caught:", e)
