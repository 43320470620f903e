# ends with an uncaught custom exception (subclass of a custom base) carrying a formatted message
class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, item, requested, available):
        super().__init__(f"cannot take {requested} of {item!r}: only {available} available")
        self.item = item
stock = {"bolts": 10, "nuts": 4}
def take(item, n):
    have = stock.get(item, 0)
    if n > have:
        raise OutOfStock(item, n, have)
    stock[item] = have - n
    return stock[item]
print(take("bolts", 3), take("nuts", 4))
try:
    take("nuts", 1)
except InventoryError as e:
    print("handled:", e, "| item:", e.item)
print(sorted(stock.items()))
take("washers", 2)
