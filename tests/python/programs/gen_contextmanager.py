from contextlib import contextmanager, suppress


class Session:
    def __init__(self):
        self.log = []

    def commit(self):
        print("commit")

    def rollback(self):
        print("rollback")

    def close(self):
        print("close")


@contextmanager
def session_scope():
    """Provide a transactional scope around a series of operations."""
    session = Session()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


with session_scope() as s:
    print("working with", type(s).__name__)

try:
    with session_scope() as s:
        raise ValueError("bad row")
except ValueError as e:
    print("caught", e)


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield
    print(f"</{name}>")


with tag("h1"):
    print("title")

with suppress(KeyError):
    {}["missing"]
print("suppressed")


@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")


with swallow():
    1 / 0
print("after swallow", session_scope.__name__)


@contextmanager
def never_yields():
    if False:
        yield


try:
    with never_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
