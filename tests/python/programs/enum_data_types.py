import enum
class Status(str, enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"
print(Status.ACTIVE, repr(Status.ACTIVE), f"{Status.ACTIVE}", f"{Status.ACTIVE:>10}|", "%s" % Status.ACTIVE)
print(hash(Status.ACTIVE) == hash("active"), {"active": 1}[Status.ACTIVE], Status.ACTIVE.upper(), Status.ACTIVE + "!", len(Status.ACTIVE))
print(Status.ACTIVE.value, type(Status.ACTIVE.value), Status("banned"), Status.__mro__)
print(sorted(Status), list(Status), "act" in Status.ACTIVE, Status.ACTIVE < "b", "-".join([Status.ACTIVE, Status.BANNED]))
class Color(enum.IntEnum):
    RED = 1
    GREEN = 2
print(Color.RED, repr(Color.RED), f"{Color.GREEN}", Color.RED + 1, Color.RED * 3, isinstance(Color.RED, int), Color.RED == 1, [10, 20, 30][Color.GREEN], int(Color.GREEN), float(Color.RED))
print(Color.__mro__, sorted([Color.GREEN, Color.RED]), Color.RED < 2, -Color.RED, abs(Color.RED), hash(Color.RED) == 1, str(Color.RED), Color(2))
class Mood(enum.StrEnum):
    HAPPY = enum.auto()
print(Mood.HAPPY, repr(Mood.HAPPY), f"{Mood.HAPPY}", Mood.HAPPY == "happy", Mood.__mro__)
class Base(str, enum.Enum):
    def __str__(self):
        return self.value
class Level(Base):
    LOW = "low"
print(Level.LOW, repr(Level.LOW), f"{Level.LOW}")
import json
print(json.dumps({"s": Status.ACTIVE, "c": Color.RED}))
print(json.dumps([Mood.HAPPY]))
class Priority(int, enum.Enum):
    LOW = 1
    HIGH = 3
print(Priority.HIGH, repr(Priority.HIGH), Priority.HIGH > Priority.LOW, Priority.HIGH + 1, f"{Priority.LOW}", max(Priority), Priority(3))
print({Status.ACTIVE: "on"}["active"], Status.ACTIVE in {"active", "x"}, Status.ACTIVE.value.upper(), Status["BANNED"], Mood("happy"))
