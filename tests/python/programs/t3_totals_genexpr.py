# Computing totals and stats with sum(), min/max with key, any/all and generator expressions
orders = [
    {"id": 1, "customer": "ann", "items": [("pen", 3, 1.25), ("pad", 2, 3.50)]},
    {"id": 2, "customer": "bob", "items": [("ink", 1, 12.00)]},
    {"id": 3, "customer": "ann", "items": []},
    {"id": 4, "customer": "cy", "items": [("pen", 10, 1.10), ("clip", 100, 0.02)]},
]

def order_total(order):
    return sum(q * p for _, q, p in order["items"])

for o in orders:
    print(o["id"], o["customer"], f"{order_total(o):.2f}", sum(q for _, q, _ in o["items"]))
grand = sum(order_total(o) for o in orders)
print(f"grand total: {grand:.2f}")
print("units:", sum(q for o in orders for _, q, _ in o["items"]))
print("largest:", max(orders, key=order_total)["id"], "smallest:", min(orders, key=order_total)["id"])
print("any empty:", any(not o["items"] for o in orders), "all named:", all(o["customer"] for o in orders))
per_customer = {}
for o in orders:
    per_customer[o["customer"]] = per_customer.get(o["customer"], 0) + order_total(o)
print({c: round(t, 2) for c, t in per_customer.items()})
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2, 3]], []), sum((), 5))
n_items = sum(len(o["items"]) for o in orders)
print(round(sum(p for o in orders for _, _, p in o["items"]) / n_items, 3), n_items)
print(sorted((round(order_total(o), 2), o["id"]) for o in orders if order_total(o) > 5))
