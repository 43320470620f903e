class Session:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


with Session("one") as s:
    print("inside", s.name)

try:
    with Session("two"), Session("three"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated:", e)


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return True


with Quiet():
    raise KeyError("swallowed")
print("after quiet")
