class User:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<User(name={self.name})>"


class Plain:
    pass


u = User("John Doe")
print(u, [u], {"user": u}, (u,), str(u), repr(u), f"{u}", f"{u!r}")
print(repr("x"), str("x"), repr(1.0), repr(True), repr(None), repr([]), repr({}), repr(()))
print(repr(Plain()).startswith("<__main__.Plain object at 0x"), repr(ValueError("bad")), repr(KeyError("k")))
