class Database:
    pass

db = Database()
db.create_tables()
