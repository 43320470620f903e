prices = {"pen": 2}

def total(order):
    return prices[order] + 1

print("ordering")
print(total("ink"))
