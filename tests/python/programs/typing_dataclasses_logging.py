from dataclasses import dataclass, field, asdict
from typing import Optional, List, Dict
import logging

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    note: Optional[str] = None

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0

i = Item("pen", 1.5)
print(i, asdict(i), i == Item("pen", 1.5), Item.__annotations__ if hasattr(Item, "__annotations__") else None)
print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]), Version(1) < Version(1, 1))
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app.db")
log.debug("debug %s", 1)
log.info("info %d items", 3)
log.warning("warn")
logging.getLogger().error("root error")
x = 42
print(f"{x=}", f"{x = }", f"{x=:>5}", f"{'a'!r:>5}", f"{3.14159=:.2f}")
def greet(name: str, *, loud: bool = False) -> str:
    return name.upper() if loud else name
print(greet("a", loud=True), greet.__annotations__)
try:
    greet("a", True)
except TypeError as e:
    print(e)
try:
    greet()
except TypeError as e:
    print(e)
d: Dict[str, int] = {}
print(d.get("x"), type(None).__name__, Optional[int] if False else "typing ok")
text = """multi
line"""
print(text.split("\n"), repr(text), len(text))
print("{0} {1} {0}".format("a", "b"), "{name}!".format(name="hi"), "{:.3}".format("abcdef"), "{!r}".format("q"))
def plain(a, b=1):
    return a
plain.calls = 1
print(plain.__annotations__, plain.__dict__, (lambda q: q).__annotations__)
from typing import Union, Tuple, Callable, Any
print(Union[int, str], Tuple[int, ...], Callable[[int], str], Any, List[Dict[str, "Item"]], Optional[Item])
try:
    List()
except TypeError as e:
    print("TypeError:", e)
