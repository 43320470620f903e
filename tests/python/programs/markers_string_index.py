word = "hello"
print(word["h"])
