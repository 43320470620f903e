rate = 0
print(f"per item: {10 / rate:.2f}")
