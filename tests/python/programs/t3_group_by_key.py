# Grouping records by key into a dict of lists (and nested dicts), then summarizing each group
sales = [
    ("north", "widget", 3, 2.50), ("south", "gadget", 1, 10.00), ("north", "gadget", 2, 10.00),
    ("east", "widget", 10, 2.25), ("south", "widget", 4, 2.50), ("north", "widget", 1, 2.50),
    ("east", "gizmo", 2, 7.75),
]
by_region = {}
for region, product, qty, price in sales:
    if region not in by_region:
        by_region[region] = []
    by_region[region].append((product, qty, price))
print(list(by_region))
for region, rows in sorted(by_region.items()):
    revenue = sum(q * p for _, q, p in rows)
    products = sorted({p for p, _, _ in rows})
    print(f"{region}: {len(rows)} sales, revenue {revenue:.2f}, products {products}")

by_product = {}
for region, product, qty, _ in sales:
    by_product.setdefault(product, {})
    by_product[product][region] = by_product[product].get(region, 0) + qty
print(by_product)
totals = {prod: sum(regions.values()) for prod, regions in by_product.items()}
print(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))
inverse = {}
for prod, regions in by_product.items():
    for region in regions:
        inverse.setdefault(region, set()).add(prod)
print({r: sorted(ps) for r, ps in sorted(inverse.items())})
words = "the quick brown fox jumps over the lazy dog then the fox naps".split()
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(dict(sorted(by_len.items())))
print({k: len(set(v)) for k, v in by_len.items()})
