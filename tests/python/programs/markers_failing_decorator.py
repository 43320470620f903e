def route(path):
    if not path.startswith("/"):
        raise ValueError(f"bad path {path!r}")
    return lambda f: f

@route("home")
def home():
    return "hi"
