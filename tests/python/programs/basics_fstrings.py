name = "Ann"
n = 3
pi = 3.14159265
print(f"Hello {name}!", f"{n + 1}", f"{name!r}", f"{pi:.2f}", f"{pi:8.3f}|", f"{n:03d}", f"{1234567:,}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|", f"{42:+d}", f"{-42:d}", f"{0.25:.1%}", f"{255:x}", f"{255:X}", f"{5:b}")
print(f"{{literal}}", f"{[1, 2]}", f"{ {'a': 1} }", f"{None}", f"{True}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{12345.678:,.2f}", f"{1e-7:.2e}", f"{3:>4}", f"{'x':*^7}")
