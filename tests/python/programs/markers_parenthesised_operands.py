count = (2)
print((count) + "items")
