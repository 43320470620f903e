class Account:
    def __init__(self, owner, balance):
        self.share = balance / len(owner)

acct = Account(
    "", 10)
