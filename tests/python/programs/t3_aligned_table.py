# Printing aligned tables with str.ljust/rjust/center/zfill and f-string widths, fills and alignment
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 129.99), ("Nut", 250, 0.05)]
headers = ("Item", "Qty", "Price", "Total")
w0 = max(len(headers[0]), max(len(r[0]) for r in rows))
print(headers[0].ljust(w0), headers[1].rjust(5), headers[2].rjust(8), headers[3].rjust(9))
print("-" * w0, "-" * 5, "-" * 8, "-" * 9)
for name, qty, price in rows:
    print(name.ljust(w0), str(qty).rjust(5), f"{price:.2f}".rjust(8), f"{qty * price:9.2f}")
total = sum(q * p for _, q, p in rows)
print("TOTAL".ljust(w0 + 15, "."), f"{total:9.2f}")
print()
print(f"|{'left':<10}|{'center':^10}|{'right':>10}|")
print(f"|{'x':*<10}|{'y':-^10}|{'z':=>10}|")
for n in (7, -42, 1234567):
    print(f"|{n:<10}|{n:^10}|{n:>10}|{n:010d}|{n:+,}|")
for v in (3.14159, -0.5, 1e6 / 3):
    print(f"|{v:<10.3f}|{v:^10.1f}|{v:>12.4e}|{v:8.1%}|")
print("title".center(20, "~"), "[" + "ab".center(5) + "]", "[" + "abc".center(6) + "]")
print("42".zfill(6), "-42".zfill(6), "x".rjust(1), "toolong".ljust(3) + "|")
width = 6
print(f"{'dyn':>{width}}|{3.14159:.{width - 3}f}|")
