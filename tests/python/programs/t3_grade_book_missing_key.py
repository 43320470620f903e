# Grade book: dict of lists, averages and letter grades; ends with an uncaught KeyError in a method
class GradeBook:
    def __init__(self):
        self.grades = {}

    def add(self, student, score):
        self.grades.setdefault(student, []).append(score)

    def average(self, student):
        scores = self.grades[student]
        return sum(scores) / len(scores)

    def letter(self, student):
        avg = self.average(student)
        for cutoff, letter in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
            if avg >= cutoff:
                return letter
        return "F"

book = GradeBook()
data = [("ann", 93), ("bob", 71), ("ann", 88), ("cy", 55), ("bob", 84), ("cy", 62), ("ann", 97)]
for name, score in data:
    book.add(name, score)
for name in sorted(book.grades):
    print(f"{name}: {book.grades[name]} avg={book.average(name):.2f} letter={book.letter(name)}")
best = max(book.grades, key=book.average)
print("best:", best, round(book.average(best), 1))
total = sum(sum(v) for v in book.grades.values())
count = sum(len(v) for v in book.grades.values())
print("class average:", round(total / count, 3), "from", count, "scores")
print("looking up dan...")
print(book.letter("dan"))
