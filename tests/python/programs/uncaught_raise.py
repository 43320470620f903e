def withdraw(balance, amount):
    if amount > balance:
        raise ValueError(f"cannot withdraw {amount} from {balance}")
    return balance - amount

balance = withdraw(100, 30)
print("balance", balance)
withdraw(balance, 500)
