class OutOfStock(Exception):
    pass


class Inventory:
    def __init__(self):
        self.stock = {}

    def add(self, item, qty=1):
        self.stock[item] = self.stock.get(item, 0) + qty

    def remove(self, item, qty=1):
        have = self.stock.get(item, 0)
        if qty > have:
            raise OutOfStock(f"only {have} {item} left")
        self.stock[item] = have - qty
        if self.stock[item] == 0:
            del self.stock[item]

    def __len__(self):
        return sum(self.stock.values())

    def __repr__(self):
        items = ", ".join(f"{k}={v}" for k, v in sorted(self.stock.items()))
        return f"Inventory({items})"


inv = Inventory()
inv.add("apple", 3)
inv.add("pear")
inv.remove("apple", 2)
print(inv, len(inv))
for item, qty in [("pear", 1), ("apple", 5)]:
    try:
        inv.remove(item, qty)
        print("removed", item)
    except OutOfStock as e:
        print("error:", e)
print(inv, bool(inv))
