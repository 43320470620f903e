# small app: queue simulation with list.pop(0), then a text table printer using ljust/rjust
customers = [("ann", 3), ("bob", 1), ("cy", 4), ("dee", 2), ("eli", 1)]
queue = list(customers)
clock, log = 0, []
while queue:
    name, service = queue.pop(0)
    if service > 2 and not name.endswith("*"):
        queue.append((name + "*", service - 2))
        clock += 2
        log.append((name, clock, "partial"))
        continue
    clock += service
    log.append((name.rstrip("*"), clock, "done"))
print(len(log), "events, finished at", clock)
headers = ["#", "customer", "time", "status"]
rows = [[str(i), n, str(t), s] for i, (n, t, s) in enumerate(log, 1)]
widths = [max(len(r[c]) for r in rows + [headers]) for c in range(len(headers))]
def fmt(row):
    cells = [row[0].rjust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]), row[3].center(widths[3])]
    return "| " + " | ".join(cells) + " |"
sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(sep)
print(fmt(headers))
print(sep.replace("-", "="))
for r in rows:
    print(fmt(r))
print(sep)
done = [n for n, _, s in log if s == "done"]
print("order served:", ", ".join(done), "| queue empty:", queue == [])
