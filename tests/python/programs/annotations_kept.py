# Annotated names in a module and a class body land in __annotations__, evaluated; a function's
# local annotations are not evaluated at all.
from typing import Optional, List
count: int = 3
label: str
class User:
    id: int
    name: Optional[str] = None
    tags: List[str]
    def rename(self, name: str) -> None:
        local: UndefinedName = name
        self.name = local
print(__annotations__)
print(User.__annotations__["id"], sorted(User.__annotations__), User.name, count)
u = User()
u.rename("Ann")
print(u.name, "label" in dir(), hasattr(User, "tags"))
