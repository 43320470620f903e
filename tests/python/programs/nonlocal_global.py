total = 0

def add(n):
    global total
    total += n

for i in range(4):
    add(i)
print(total)

def make_account():
    balance = 0
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def get():
        return balance
    return deposit, get

deposit, get = make_account()
deposit(10)
deposit(5)
print(get())

def shadow():
    total = "local"
    return total
print(shadow(), total)
