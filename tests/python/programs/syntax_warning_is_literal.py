# CPython's compiler warns, before the program runs, of `is` / `is not` with a literal.
x = 5
print("start")
print(x is 5, x is not "five", x is None, [] is [], x is ())
if x is not -1 and (x, 1) is (5, 1):
    print("never")
values = [v for v in [1, 2] if v is 1]
print(values, f"{x is 2}", x is True, 5 is 5, 5 is 5)
