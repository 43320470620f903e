from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
    def describe(self): return self.name.lower()
print(list(Color), len(Color), Color.RED, repr(Color.RED), Color(2), Color['GREEN'], Color.ALIAS is Color.RED)
print(Color.RED in Color, Color.__members__.keys() if False else list(Color.__members__), repr(Color))
print(Color.RED.describe(), Color.RED.value, Color.RED.name, hash(Color.RED) == hash(Color.RED), f"{Color.RED}")
try:
    Color(5)
except ValueError as e: print("ValueError:", e)
try:
    Color['X']
except KeyError as e: print("KeyError:", e)
class N(IntEnum):
    A = auto()
    B = auto()
print(N.A == 1, N.B + 1, str(N.A), repr(N.B), N(2), sorted([N.B, N.A]), int(N.B), f"{N.A}")
class S(Enum):
    X = auto()
    Y = auto()
print(S.X.value, S.Y.value, isinstance(S.X, S), isinstance(S.X, Enum), type(S.X).__name__)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print("ValueError:", e)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print(Color.RED in Color, [m.name for m in N], dict(Color.__members__)["ALIAS"])
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
    @property
    def heavy(self):
        return self.value[0] > 1e24
print(Planet.EARTH.value, Planet.EARTH.heavy, Planet((3.303e23, 2.4397e6)))
try:
    Color.RED.value = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Color['RED'] is Color(1), [p.mass for p in Planet])
