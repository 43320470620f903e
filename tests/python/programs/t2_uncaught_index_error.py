# ends with an uncaught IndexError: list index out of range from an off-by-one loop
def pairwise_diffs(values):
    diffs = []
    for i in range(len(values)):
        diffs.append(values[i + 1] - values[i])
    return diffs
readings = [3, 7, 12, 20]
print("first", readings[0], "last", readings[-1])
print("safe slice", readings[2:100], readings[10:])
try:
    readings[4]
except IndexError as e:
    print("caught:", e)
print(pairwise_diffs(readings))
