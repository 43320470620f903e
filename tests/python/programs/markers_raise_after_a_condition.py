def withdraw(balance, amount):
    if amount > balance: raise ValueError(f"only {balance} left")  # refused
    return balance - amount

withdraw(5, 10)
