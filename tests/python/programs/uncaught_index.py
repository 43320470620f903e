users = ["ann", "bo"]
print(users[0])
print(users[2])
