import typing, enum
class S(enum.Enum):
    A = 1
print(typing.Optional[S].__args__, typing.Optional[int].__args__)
print(type(None), type(None) is type(None), typing.Optional[str], isinstance(None, type(None)))
