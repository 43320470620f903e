data = b"Hello, \x00world\n"
print(data, repr(b"it's"), b'say "hi"', b"both ' and \"", type(data).__name__, len(data))
print(data[0], data[-1], data[:5], data[7:], data[::2], list(b"AB"))
print(b"ab" + b"cd", b"ab" * 3, 3 * b"x", b"a" < b"b", b"abc" == b"abc", b"abc" == "abc")
print(b"ell" in data, 72 in data, 300 in b"" if False else None, b"" in b"x")
print("héllo".encode(), "héllo".encode().decode(), str(b"x", "utf-8"), str(b"x"), f"{b'ab'}")
print(bytes(3), bytes([65, 66, 67]), bytes("text", "utf-8"), bytes(), b"HeLLo".lower(), b"abc".upper())
print(b"  pad ".strip(), b"a,b,,c".split(b","), b"a b  c".split(), b"-".join([b"x", b"y"]))
print(b"aaa".replace(b"a", b"bb"), b"banana".find(b"an"), b"banana".count(b"an"), b"abc".hex())
print(b"abc".startswith(b"ab"), b"abc".endswith(b"bc"), b"123".isdigit(), {b"k": 1}[b"k"], hash(b"k") == hash(b"k"))
print(sorted([b"b", b"a", b"c"]), [b for b in b"hi"], bool(b""), bool(b"0"))
for bad in [lambda: b"a" + "b", lambda: "a" + b"b", lambda: bytes("x"), lambda: bytes([256]), lambda: b"\xff".decode(), lambda: b"ab"[5]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
