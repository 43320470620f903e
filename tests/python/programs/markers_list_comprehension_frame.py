rows = [1, 0, 2]
ratios = [10 / r for r in rows]
