def load(path):
    return parse(path.upper())

def parse(text):
    return validate(text.split("."))

def validate(parts):
    if len(parts) != 2:
        raise ValueError(f"expected name.ext, got {parts}")
    return parts

print(load("main.py"))
print(load("README"))
