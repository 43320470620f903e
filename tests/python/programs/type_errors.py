nothing = None
tests = [
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: len(5),
    lambda: [1, 2] * "x",
    lambda: nothing(),
    lambda: {}[[]],
    lambda: int("12x"),
    lambda: float("abc"),
    lambda: "abc".missing,
    lambda: [].pop(),
    lambda: (1, 2)[5],
    lambda: undefined,
    lambda: {"a": 1}["b"],
    lambda: 3 < "x",
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
