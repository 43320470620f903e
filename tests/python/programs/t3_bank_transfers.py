# Simple bank: accounts, transfers between them, InsufficientFunds and ValueError handling
class InsufficientFunds(Exception):
    def __init__(self, account, needed):
        super().__init__(f"{account.owner} needs {needed} more")
        self.needed = needed

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(self, amount - self.balance)
        self.balance -= amount
        self.history.append(-amount)

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)

accts = {n: Account(n, b) for n, b in [("ann", 100), ("bob", 50), ("cy", 0)]}
for s, d, amt in [("ann", "bob", 30), ("bob", "cy", 100), ("cy", "ann", -5), ("bob", "cy", 80), ("cy", "ann", 80)]:
    try:
        transfer(accts[s], accts[d], amt)
        print(f"ok {s}->{d} {amt}")
    except InsufficientFunds as e:
        print(f"failed {s}->{d}: {e} (short by {e.needed})")
    except ValueError as e:
        print(f"rejected {s}->{d}: {e}")
for a in accts.values():
    print(a.owner, a.balance, a.history)
print("total:", sum(a.balance for a in accts.values()))
