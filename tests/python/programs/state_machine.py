TRANSITIONS = {
    ("draft", "submit"): "review",
    ("review", "approve"): "published",
    ("review", "reject"): "draft",
}

def step(state, event):
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise ValueError(f"cannot {event} from {state}") from None

state = "draft"
for event in ["submit", "reject", "submit", "approve", "submit"]:
    try:
        state = step(state, event)
        print(event, "->", state)
    except ValueError as e:
        print("error:", e)
