# Validation layer raising ValueError/TypeError with messages, caught per record in a loop
def validate_age(value):
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"age must be int, got {type(value).__name__}")
    if not 0 <= value <= 150:
        raise ValueError(f"age out of range: {value}")
    return value

def validate_email(value):
    if not isinstance(value, str):
        raise TypeError(f"email must be str, got {type(value).__name__}")
    user, sep, domain = value.partition("@")
    if not sep or not user or "." not in domain:
        raise ValueError(f"invalid email: {value!r}")
    return value.lower()
def validate(record):
    age = record["age"]
    age = int(age) if isinstance(age, str) and age.isdigit() else age
    return {"name": record["name"].strip().title(), "age": validate_age(age), "email": validate_email(record["email"])}

records = [
    {"name": " ann lee ", "age": 34, "email": "Ann@Example.com"},
    {"name": "bob", "age": -3, "email": "bob@x.org"},
    {"name": "cy", "age": "40", "email": "cy@x.org"},
    {"name": "dee", "age": 29, "email": "dee-at-x.org"},
    {"name": "eve", "age": True, "email": "eve@x.org"},
    {"name": "fay", "age": 61.5, "email": None},
    {"name": "gus", "age": 150, "email": "gus@mail.co"},
    {"name": "hal", "age": "4x", "email": "@x.org"},
]
valid, errors = [], []
for i, rec in enumerate(records):
    try:
        valid.append(validate(rec))
    except (TypeError, ValueError) as e:
        errors.append((i, type(e).__name__, str(e)))
print(valid)
for err in errors:
    print(*err, sep=" | ")
print(len(valid), "valid,", len(errors), "invalid")
