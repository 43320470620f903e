"""Built-in types are distinct objects (dict keys, identity), and typing.Annotated keeps its type
and its metadata."""
from typing import Annotated, Optional

names = {str: "text", float: "number", int: "whole", len: "function"}
print(len(names), names[float], names[len], names)
print(str is float, str is str, {int, str, int} == {str, int})
Positive = Annotated[int, "must be > 0"]
print(Positive.__origin__, Positive.__metadata__)
print(Annotated[Optional[str], "x", 3].__metadata__)
try:
    Annotated[int]
except TypeError as e:
    print("TypeError:", e)
