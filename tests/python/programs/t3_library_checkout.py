# Library checkout system: classes, custom exception subclasses, and error handling in a loop
class LibraryError(Exception):
    pass

class NotAvailable(LibraryError):
    def __init__(self, title):
        super().__init__(f"'{title}' is already checked out")
        self.title = title

class Library:
    def __init__(self, titles):
        self.books = {t: None for t in titles}

    def checkout(self, title, member):
        if title not in self.books:
            raise LibraryError(f"no such book: {title}")
        if self.books[title] is not None:
            raise NotAvailable(title)
        self.books[title] = member

    def give_back(self, title):
        member = self.books[title]
        self.books[title] = None
        return member

lib = Library(["Dune", "Emma", "Ulysses"])
actions = [("out", "Dune", "ann"), ("out", "Dune", "bob"), ("out", "Hamlet", "cy"),
           ("in", "Dune", None), ("out", "Dune", "bob"), ("out", "Emma", "ann")]
for kind, title, who in actions:
    try:
        if kind == "out":
            lib.checkout(title, who)
            print(f"{who} borrowed {title}")
        else:
            print(f"{lib.give_back(title)} returned {title}")
    except NotAvailable as e:
        print("unavailable:", e, "|", e.title)
    except LibraryError as e:
        print("error:", e)
print(sorted((t, m or "-") for t, m in lib.books.items()))
