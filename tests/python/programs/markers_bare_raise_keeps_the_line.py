def load(text):
    try:
        return int(text)
    except ValueError:
        print("cannot read", repr(text))
        raise

load("x1")
