def outer():
    messages = []
    def log(msg):
        messages.append(msg)
    def run():
        log("start")
        for i in range(2):
            log(f"step {i}")
        log("end")
        return messages
    return run

print(outer()())
adders = []
for n in range(3):
    def add(x, n=n):
        return x + n
    adders.append(add)
print([a(10) for a in adders])
late = [lambda: n for n in range(3)]
print([f() for f in late])
