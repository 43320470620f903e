inventory = {"apples": 3, "pears": 0}
inventory["plums"] = 7
for fruit in sorted(inventory):
    print(fruit, inventory[fruit])
print({k: v for k, v in inventory.items() if v}, len(inventory), "pears" in inventory)
merged = {**inventory, "kiwis": 1} if False else dict(inventory, kiwis=1)
print(merged)
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
keys = list(inventory)
keys.sort(key=lambda k: inventory[k], reverse=True)
print(keys, sorted(inventory.items(), key=lambda kv: kv[1]))
d = dict.fromkeys("ab", 0) if hasattr(dict, "fromkeys") else {"a": 0, "b": 0}
print(d)
grades = [("ann", 90), ("bo", 72), ("cy", 85)]
by_name = dict(grades)
print(by_name, max(by_name, key=by_name.get), [n for n, g in grades if g > 80])
