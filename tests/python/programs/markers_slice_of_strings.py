letters = ["a", "b", "c"]
print(letters[1:"2"])
