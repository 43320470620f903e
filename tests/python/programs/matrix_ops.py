a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
def matmul(x, y):
    return [[sum(x[i][k] * y[k][j] for k in range(len(y))) for j in range(len(y[0]))] for i in range(len(x))]
def transpose(m):
    return [list(row) for row in zip(*m)]
print(matmul(a, b), transpose(a), [[v * 2 for v in row] for row in a])
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
for row in identity:
    print(" ".join(str(v) for v in row))
