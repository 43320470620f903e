stack = []
for item in ["a", "b", "c"]:
    stack.append(item)
print(stack.pop(), stack.pop(), stack)
queue = ["x", "y", "z"]
first = queue.pop(0)
queue.append("w")
print(first, queue, len(queue))
todo = {"write": False, "test": True}
done = [task for task, finished in todo.items() if finished]
print(done, [t for t in todo if not todo[t]])
