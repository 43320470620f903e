students = {
    "ann": [90, 85, 77],
    "bo": [60, 72, 68],
    "cy": [88, 94, 91],
}

def average(scores):
    return sum(scores) / len(scores)

report = {name: round(average(scores), 1) for name, scores in students.items()}
for name, avg in sorted(report.items(), key=lambda kv: kv[1], reverse=True):
    grade = "A" if avg >= 85 else "B" if avg >= 70 else "C"
    print(f"{name:<5}{avg:>6.1f}  {grade}")
best = max(report, key=report.get)
print(f"best: {best} ({report[best]})", f"class average: {average(list(report.values())):.2f}")
