# f-strings: width/align/fill, !r/!s, nested spec {x:{w}}, = specifier, thousands, percent, precision
name, qty, price = "widget", 1234567, 3.14159
print(f"[{name:10}] [{name:>10}] [{name:^10}] [{name:*^11}] [{name:-<9}]")
print(f"[{qty:10}] [{qty:<10}] [{qty:^10}] [{qty:010}] [{-qty:+}] [{qty:+}]")
print(f"{qty:,} {qty:_} {price:.2f} {price:8.3f}| {price:<8.1f}| {price:e} {price:.2e}")
print(f"{0.256:%} {0.256:.1%} {1:.0%} {1234567.891:,.2f} {-0.5:.0f} {2.5:.0f}")
print(f"{name!r} {name!s} {name.upper()!r} {[1, 'a']!r} {'q'!r:>6}")
x, w, p = 3.14159, 12, 3
print(f"[{x:{w}}] [{x:{w}.{p}f}] [{x:>{w}.{p}}] [{name:{'#'}^{w}}]")
items = {"apples": 3, "kiwis": 12}
print(f"{len(items)=} {x=} {name = } {qty=:,} {x=:.2f} {name=!s}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#b} {5:08b} {65:c}")
print(f"{'a' if qty > 10 else 'b'} {items['kiwis']} {{literal}} {qty // 1000}k")
print(f"{3:3d}|{-3:3d}|{3: d}|{-3: d}|{42:=+6}|{42:0>6}")
print(f"{1e16:g} {0.0001:g} {123456789.0:g} {1.5:g} {100.0:g} {1e-5:.3g}")
print(f"{True} {None} {True:d} {3.0} {1/3:.4} {10.0:.3}")
for k, v in items.items():
    print(f"{k:<8}|{v:>5}|{v * 0.5:>7.2f}")
line = f"{'Total':<8}|{sum(items.values()):>5}|"
print(line, len(line))
print(f"{'nested ' + f'{1 + 1}':>12}", f"{x!r:>10}")
print(format(12.5, ">8.2f"), format(1234, ","), format("hi", "^6"), format(7, "03"))
