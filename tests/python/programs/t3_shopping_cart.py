# Shopping cart with bulk and coupon discounts, printing an f-string receipt with :.2f floats
class Item:
    def __init__(self, name, price, qty=1):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self):
        return self.price * self.qty

class Cart:
    def __init__(self):
        self.items = []

    def add(self, name, price, qty=1):
        self.items.append(Item(name, price, qty))
        return self

    def subtotal(self):
        return sum(i.total() for i in self.items)

    def receipt(self, percent_off=0):
        lines = [f"{i.name:<10}{i.qty:>3} x {i.price:>6.2f} = {i.total():>8.2f}" for i in self.items]
        sub = self.subtotal()
        bulk = sum(i.price * 0.1 * i.qty for i in self.items if i.qty >= 5)
        pct = (sub - bulk) * percent_off / 100
        lines.append(f"{'subtotal':<25}{sub:>8.2f}")
        lines.append(f"{'bulk discount':<25}{-bulk:>8.2f}")
        lines.append(f"{'coupon ' + str(percent_off) + '%':<25}{-pct:>8.2f}")
        lines.append(f"{'TOTAL':<25}{sub - bulk - pct:>8.2f}")
        return "\n".join(lines)

cart = Cart().add("apple", 0.5, 6).add("bread", 2.25).add("cheese", 7.99, 2).add("milk", 1.19, 5)
print(cart.receipt(15))
print(f"items: {len(cart.items)}, units: {sum(i.qty for i in cart.items)}")
print(Cart().add("gum", 0.99).receipt())
print(Cart().receipt())
