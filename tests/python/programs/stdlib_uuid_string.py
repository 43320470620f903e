import random
import string
import uuid

print(string.ascii_lowercase, string.digits, string.ascii_letters[20:30], len(string.punctuation), len(string.printable), string.hexdigits)
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
random.seed(1)
print("".join(random.choices(string.ascii_lowercase + string.digits, k=12)))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.version, u.urn, u == uuid.UUID("{12345678123456781234567812345678}"), len({u, uuid.UUID(u.hex)}))
print(uuid.UUID(int=255), uuid.UUID("12345678123456781234567812345678", version=4), uuid.UUID(hex="0" * 32) < u)
new = uuid.uuid4()
text = str(new)
print(type(new).__name__, len(text), text.count("-"), text[14], text[19] in "89ab", new.version, uuid.UUID(text) == new, new != uuid.uuid4())
for bad in ["nope", "12345678-1234-5678-1234-56781234567g", "ABCDEF78-1234-5678-1234-56781234567Z"]:
    try:
        uuid.UUID(bad)
    except ValueError as exc:
        print("ValueError", exc)
try:
    u.hex = "x"
except TypeError as exc:
    print("TypeError", exc)
