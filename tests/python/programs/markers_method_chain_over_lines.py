class Query:
    def filter(self, condition):
        return self
    def first(self):
        raise LookupError("no row")

query = Query()
row = (query.filter("a")
            .filter("b")
            .first())
