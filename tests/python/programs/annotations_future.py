# Under `from __future__ import annotations` annotations stay text, so forward references work.
from __future__ import annotations
class Node:
    value: int
    parent: Optional[Node] = None
    children: list["Node"]
    pair: tuple[int, str]
    either: int | None
    nested: dict[str, list[Tree]]
print(Node.__annotations__)
total: float = 0.5
print(__annotations__, total)
