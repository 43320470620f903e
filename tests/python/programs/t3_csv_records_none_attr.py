# Parse CSV-like lines into dicts and objects; a failed lookup returns None and ends in AttributeError
raw = """
name, dept , salary
 Alice ,eng, 120
Bob,ops,  95

  Carol , eng ,130
Dan,sales,80
"""

class Employee:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary

    def __repr__(self):
        return f"Employee({self.name!r}, {self.dept!r}, {self.salary})"

lines = [ln for ln in raw.strip().splitlines() if ln.strip()]
header = [h.strip() for h in lines[0].split(",")]
rows = [dict(zip(header, (f.strip() for f in ln.split(",")))) for ln in lines[1:]]
print(header)
print(rows[0], len(rows))
staff = [Employee(r["name"], r["dept"], int(r["salary"])) for r in rows]
print(staff)

def find(name):
    for e in staff:
        if e.name.lower() == name.lower():
            return e
    return None

for who in ["alice", "DAN", "Carol"]:
    e = find(who)
    print(who, "->", e.name, e.dept, e.salary)
print(find("eve"))
print("eve's salary:", find("eve").salary)
