# small app: todo list manager with priorities, completion, filtering, and string rendering
class Task:
    def __init__(self, title, priority=2):
        self.title, self.priority, self.done = title, priority, False
    def __str__(self):
        return f"[{'x' if self.done else ' '}] {self.title} (p{self.priority})"
class TodoList:
    def __init__(self):
        self.tasks = []
    def add(self, title, priority=2):
        if any(t.title == title for t in self.tasks):
            raise ValueError(f"duplicate task: {title}")
        self.tasks.append(Task(title, priority))
    def complete(self, title):
        for t in self.tasks:
            if t.title == title:
                t.done = True
                return
        raise KeyError(title)
    def pending(self):
        return [t for t in self.tasks if not t.done]
    def render(self):
        ordered = sorted(self.tasks, key=lambda t: (t.done, t.priority, t.title))
        return "\n".join(f"{i:>2}. {t}" for i, t in enumerate(ordered, 1))
todo = TodoList()
for title, p in [("write report", 1), ("buy milk", 3), ("call mom", 2), ("fix bike", 2)]:
    todo.add(title, p)
todo.complete("call mom")
print(todo.render())
for bad in [lambda: todo.add("buy milk"), lambda: todo.complete("walk dog")]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(len(todo.pending()), [t.title for t in todo.pending()])
todo.tasks = [t for t in todo.tasks if not t.done]
print(todo.render())
print(f"{sum(t.done for t in todo.tasks)}/{len(todo.tasks)} done")
