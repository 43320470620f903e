# small app: bank account class with custom errors, transfers, transaction history, class-level counter
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.shortfall = needed - available
class Account:
    next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.owner, self.balance, self.history = owner, balance, []
        self.id = Account.next_id
        Account.next_id += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance:.2f})"
alice, bob = Account("alice", 100), Account("bob")
alice.deposit(50.25)
alice.transfer(bob, 70)
print(alice, bob)
for action in [lambda: bob.withdraw(100), lambda: alice.deposit(-5), lambda: bob.transfer(alice, 20.5)]:
    try:
        action()
        print("ok:", [alice, bob])
    except InsufficientFunds as e:
        print("insufficient:", e, "| short by", round(e.shortfall, 2))
    except ValueError as e:
        print("invalid:", e)
print(alice.history, bob.history, Account.next_id)
print(sorted([alice, bob], key=lambda a: a.balance), f"{sum(a.balance for a in [alice, bob]):,.2f}")
