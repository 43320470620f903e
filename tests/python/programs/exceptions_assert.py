assert 1 + 1 == 2
print("first assert passed")
assert len([]) > 0, "the list is empty"
