# Chained comparisons and short-circuit evaluation, with side-effect prints showing what runs
def v(label, value):
    print(f"  eval {label} -> {value!r}")
    return value

print("chain:", 1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2)
print("mixed:", 1 == 1.0 < 2 != 3, "a" < "b" <= "b" < "c", [1, 2] < [1, 3] > [0])
print("A:")
r = v("a", 1) < v("b", 0) < v("c", 5)
print("result", r)
print("B:")
r = v("a", 1) < v("b", 2) < v("c", 3)
print("result", r)
print("C:")
r = v("x", 0) and v("y", 1)
print("result", r)
print("D:")
r = v("x", "") or v("y", []) or v("z", "found") or v("w", "never")
print("result", r)
print("E:")
r = v("p", None) or (v("q", 2) and v("r", 0))
print("result", r)
print("F:")
r = not v("n", []) and v("m", [1])
print("result", r)
x = 5
print(0 < x <= 10, not 0 < x < 5, (0 < x) == True, 0 < x == 5)
print([] or {} or 0 or None, 3 and 4 and 5, "" and 1 / 0, 0 or "default")
d = {}
print(d.get("k") or d.setdefault("k", "init"), d)
