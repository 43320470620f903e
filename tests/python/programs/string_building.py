rows = [("id", "name"), (1, "Ann"), (2, "Bo")]
widths = [max(len(str(r[i])) for r in rows) for i in range(2)]
for r in rows:
    print(" | ".join(str(v).ljust(w) for v, w in zip(r, widths)))
print("-" * 10, "=" * 3 + ">", "".join(["a", "b"]) * 2)
lines = []
for i in range(3):
    lines.append(f"line {i}")
print("\n".join(lines))
csv = "name,age\nann,30\nbo,25"
records = [dict(zip(csv.splitlines()[0].split(","), line.split(","))) for line in csv.splitlines()[1:]]
print(records)
