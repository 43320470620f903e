# Matrix class with __add__, __mul__ (matrix and scalar), __rmul__, __eq__ and __repr__
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0])

    def __add__(self, other):
        if (self.n, self.m) != (other.n, other.m):
            raise ValueError(f"shape mismatch {self.n}x{self.m} vs {other.n}x{other.m}")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[x * other for x in r] for r in self.rows])
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __rmul__(self, k):
        return self * k

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __repr__(self):
        return f"Matrix({self.rows})"

    def transpose(self):
        return Matrix(list(zip(*self.rows)))

a, b, i = Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]]), Matrix([[1, 0], [0, 1]])
print(a + b)
print(a * b, b * a)
print(a * i == a, a * b == b * a, a == [[1, 2], [3, 4]])
print(2 * a, a * 0.5)
print(Matrix([[1, 2, 3]]) * Matrix([[1], [2], [3]]), a.transpose(), a != a.transpose())
try:
    a + Matrix([[1, 2, 3]])
except ValueError as e:
    print("error:", e)
