# small app: inventory as dict of dicts, restock/sell with errors, reports sorted by value
inventory = {
    "apple": {"price": 0.5, "qty": 100, "tags": ["fruit"]},
    "bread": {"price": 2.25, "qty": 20, "tags": ["bakery"]},
    "cheese": {"price": 7.0, "qty": 5, "tags": ["dairy", "deli"]},
}
def sell(item, n):
    if item not in inventory:
        raise KeyError(f"unknown item {item}")
    entry = inventory[item]
    if entry["qty"] < n:
        raise ValueError(f"only {entry['qty']} {item} left")
    entry["qty"] -= n
    return n * entry["price"]
def restock(item, n, price=None):
    entry = inventory.setdefault(item, {"price": price or 1.0, "qty": 0, "tags": []})
    entry["qty"] += n
revenue = 0.0
for item, n in [("apple", 30), ("cheese", 6), ("bread", 20), ("milk", 1), ("cheese", 5)]:
    try:
        revenue += sell(item, n)
        print(f"sold {n:>3} {item:<7} revenue={revenue:8.2f}")
    except (KeyError, ValueError) as e:
        print(f"failed: {type(e).__name__}: {e}")
restock("milk", 12, 1.2)
restock("bread", 10)
inventory["cheese"]["tags"].append("imported")
for name, e in sorted(inventory.items(), key=lambda kv: -kv[1]["price"] * kv[1]["qty"]):
    print(f"{name:<8}{e['qty']:>4} x {e['price']:>5.2f} = {e['qty'] * e['price']:>7.2f}  {','.join(e['tags']) or '-'}")
out_of_stock = [k for k, v in inventory.items() if v["qty"] == 0]
all_tags = sorted({t for v in inventory.values() for t in v["tags"]})
print(out_of_stock, all_tags, round(sum(v["qty"] * v["price"] for v in inventory.values()), 2))
