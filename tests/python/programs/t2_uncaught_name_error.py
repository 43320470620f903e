# ends with an uncaught NameError from a typo'd variable name inside a function
def compute_total(prices):
    total = 0
    for price in prices:
        total += price
    return subtotal_amount
try:
    print(undefined_thing)
except NameError as e:
    print("caught:", e)
prices = [1.5, 2.25, 3.0]
print("count", len(prices))
print("total", compute_total(prices))
