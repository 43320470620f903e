# ends with an uncaught ZeroDivisionError raised three calls deep (traceback, exit 1)
def average(values):
    return sum(values) / len(values)
def summarize(groups):
    out = {}
    for name, values in groups.items():
        out[name] = average(values)
        print(f"{name}: {out[name]:.2f}")
    return out
def main():
    data = {"math": [90, 85, 77], "art": [60, 95], "music": []}
    result = summarize(data)
    print("never printed", result)
print("starting report")
main()
print("unreachable")
