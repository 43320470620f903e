class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"needs {needed} more")
        self.needed = needed


class Account:
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


acct = Account("Ann").deposit(100).withdraw(30)
print(acct, Account.count)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("failed:", e, e.needed)
accounts = [Account("Bo", 50), Account("Cy", 20), acct]
print(sorted(accounts, key=lambda a: a.balance), Account.count)
print({a.owner: a.balance for a in accounts})
