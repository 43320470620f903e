# Priority queue implemented with a sorted list, FIFO among equal priorities
class PriorityQueue:
    def __init__(self):
        self._items = []
        self._counter = 0

    def push(self, priority, task):
        entry = (priority, self._counter, task)
        self._counter += 1
        i = 0
        while i < len(self._items) and self._items[i] < entry:
            i += 1
        self._items.insert(i, entry)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty priority queue")
        priority, _, task = self._items.pop(0)
        return priority, task

    def peek(self):
        return self._items[0][2] if self._items else None

    def __len__(self):
        return len(self._items)

pq = PriorityQueue()
for p, t in [(3, "write docs"), (1, "fix bug"), (2, "review"), (1, "deploy"), (5, "lunch"), (2, "test")]:
    pq.push(p, t)
print(len(pq), pq.peek())
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)
print(pq.peek(), bool(pq), len(pq))
