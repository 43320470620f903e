# ends with an uncaught AttributeError on an instance (misspelled attribute) inside a method
class Order:
    def __init__(self, item, qty):
        self.item = item
        self.quantity = qty
    def total(self, price):
        return self.quantity * price
    def summary(self):
        return f"{self.item} x{self.qty}"
orders = [Order("pen", 3), Order("ink", 2)]
for o in orders:
    print(o.item, o.total(1.5))
print(hasattr(orders[0], "qty"), getattr(orders[0], "qty", "n/a"))
print(orders[0].summary())
