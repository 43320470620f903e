class Database:
    def __init__(self, path):
        self.path = path
        self.users = {}

    def get_user(self, user_id):
        return self.users[user_id]


db = Database("sqlite.db")
print("opened", db.path)
db.get_user(1)
