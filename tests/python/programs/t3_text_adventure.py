# Text adventure state machine driven by a fixed list of commands
rooms = {
    "hall": {"north": "library", "east": "kitchen"},
    "library": {"south": "hall"},
    "kitchen": {"west": "hall", "down": "cellar"},
    "cellar": {"up": "kitchen"},
}
items = {"library": ["key"], "kitchen": ["lamp"], "cellar": ["treasure"]}
state = {"room": "hall", "inventory": [], "moves": 0}

def step(cmd):
    verb, _, arg = cmd.partition(" ")
    room = state["room"]
    if verb == "go":
        if arg not in rooms[room]:
            return "You can't go that way."
        target = rooms[room][arg]
        if target == "cellar" and "lamp" not in state["inventory"]:
            return "It's too dark to go down."
        state["room"] = target
        state["moves"] += 1
        return f"You enter the {target}."
    if verb == "take":
        if arg in items.get(room, []):
            items[room].remove(arg)
            state["inventory"].append(arg)
            return f"Taken: {arg}."
        return f"No {arg} here."
    if verb == "look":
        exits = ", ".join(sorted(rooms[room]))
        return f"{room}: exits [{exits}] items {items.get(room, [])}"
    return f"Unknown command {verb!r}"

for cmd in ["look", "go west", "go east", "go down", "take lamp", "take lamp", "go down",
            "take treasure", "dance", "go up", "go west", "go north", "look"]:
    print(f"> {cmd}\n{step(cmd)}")
print(state)
print("won!" if "treasure" in state["inventory"] else "keep exploring")
