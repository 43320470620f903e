# An uncaught exception raised while handling another prints both tracebacks, oldest first;
# a bare raise re-raises the exception being handled.
def parse(text):
    return int(text)

def load(text):
    try:
        return parse(text)
    except ValueError:
        raise
try:
    load("x")
except ValueError as e:
    print("re-raised:", e, e.__context__, e.__cause__, e.__suppress_context__)
def read(path):
    try:
        return {"a": 1}[path]
    except KeyError as e:
        raise LookupError(f"no file {path}") from e
try:
    read("b")
except LookupError as e:
    print(repr(e.__cause__), e.__suppress_context__)
def config():
    try:
        read("c")
    except LookupError:
        return undefined_name
config()
