text = """The lab runs Python.
It runs SQLAlchemy next.
Then Alembic."""
lines = text.splitlines()
print(len(lines), [len(l) for l in lines])
words = text.lower().replace(".", "").split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(" | ".join(line.upper() for line in lines if "runs" in line))
print(text.count("\n"), text.find("Python"), text[4:7], text.split("\n")[1].split()[-1])
