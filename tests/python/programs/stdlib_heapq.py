import heapq

heap = []
for n in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(heap, n)
print(heap, heapq.heappop(heap), heap)
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "ship"))
while tasks:
    priority, task = heapq.heappop(tasks)
    print(priority, task)
scores = {"ann": 90, "bob": 75, "cid": 88, "dee": 95}
print(heapq.nlargest(2, scores, key=scores.get), heapq.nsmallest(2, [5, 1, 4, 1]), list(heapq.merge([1, 4, 9], [2, 3, 10])))
try:
    heapq.heappop([])
except IndexError as exc:
    print("IndexError", exc)
