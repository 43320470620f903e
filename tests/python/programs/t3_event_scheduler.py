# Event scheduler: (time, name) tuples sorted by time, recurring events, and conflict detection
def fmt(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"

events = [(9 * 60 + 30, "standup"), (8 * 60, "coffee"), (13 * 60, "lunch"), (9 * 60 + 30, "email")]
recurring = [("stretch", 8 * 60 + 45, 150)]  # name, first time, interval
for name, start, every in recurring:
    t = start
    while t < 17 * 60:
        events.append((t, name))
        t += every

schedule = sorted(events)
for t, name in schedule:
    print(fmt(t), name)

def conflicts(evts):
    out = []
    for (t1, a), (t2, b) in zip(evts, evts[1:]):
        if t1 == t2:
            out.append((fmt(t1), a, b))
    return out

print("conflicts:", conflicts(schedule))
by_hour = {}
for t, name in schedule:
    by_hour.setdefault(t // 60, []).append(name)
print(by_hour)
morning = [n for t, n in schedule if t < 12 * 60]
print(len(morning), "morning events; first afternoon:", next((n for t, n in schedule if t >= 12 * 60), None))
print(sorted(schedule, key=lambda e: (-e[0], e[1]))[:3])
