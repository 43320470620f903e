"""The lab's enum module, in Python: Enum, IntEnum, StrEnum, auto() and @unique. A subclass's
members are made when its body ends (__init_subclass__); iterating, measuring, searching and
subscripting the class itself is the evaluator's part, done as CPython's EnumType does it for a
class with `_member_names_`."""


class auto:
    """A member's value, chosen by the class's _generate_next_value_."""


def _is_member(name, value):
    if name.startswith("_"):
        return False
    return not (callable(value) or hasattr(value, "__get__") or isinstance(value, (classmethod, staticmethod, property)))


_DATA_TYPES = (str, int, float, list, dict, set, tuple)


def _data_type(cls):
    """The built-in type an enum mixes in (`str` for `class Status(str, Enum)`), or None."""
    for klass in cls.__mro__:
        if klass in _DATA_TYPES:
            return klass
    return None


def _keep_enum_methods(cls, data_type):
    """As EnumType does: where the data type's repr/str/format would answer, the enum's own do
    (a ReprEnum keeps its data type's str and format)."""
    for name in ("__repr__", "__str__", "__format__"):
        source = ReprEnum if name != "__repr__" and ReprEnum in cls.__mro__ else Enum
        for klass in cls.__mro__:
            if klass is data_type:
                setattr(cls, name, source.__dict__[name])
                break
            if klass in _DATA_TYPES or name in klass.__dict__:
                break


def _member_of(cls, value):
    """The member with this value (by hash, or by == for an unhashable one); None when none has it."""
    try:
        return cls._value2member_map_[value]
    except (KeyError, TypeError):
        pass
    for member in cls._member_map_.values():
        if member._value_ == value:
            return member
    return None


class Enum:
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        last_values = []
        data_type = _data_type(cls)
        if data_type is not None:
            _keep_enum_methods(cls, data_type)
        for name, value in list(cls.__dict__.items()):
            if not _is_member(name, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(cls._member_names_), last_values)
            last_values.append(value)
            alias = _member_of(cls, value)
            if alias is not None:
                cls._member_map_[name] = alias
                setattr(cls, name, alias)
                continue
            value = cls._member_value_(value)
            args = value if isinstance(value, tuple) and data_type is not tuple else (value,)
            if data_type is None:
                member = object.__new__(cls)
                member._value_ = value
            else:
                member = data_type.__new__(cls, *args)
                member._value_ = data_type(*args)
            member._name_ = name
            for klass in cls.__mro__:
                if klass is Enum:
                    break
                if klass not in _DATA_TYPES and "__init__" in klass.__dict__:
                    # A member's own __init__ gets its value's items, as CPython's enum does.
                    klass.__dict__["__init__"](member, *(value if isinstance(value, tuple) else (value,)))
                    break
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[member._value_] = member
            except TypeError:
                pass
            setattr(cls, name, member)
        cls.__members__ = dict(cls._member_map_)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            if isinstance(last, int) and not isinstance(last, bool):
                return last + 1
        return start

    @classmethod
    def _member_value_(cls, value):
        return value

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        member = _member_of(cls, value)
        if member is None:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        return member

    @property
    def name(self):
        return self._name_

    @name.setter
    def name(self, _):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")

    @property
    def value(self):
        return self._value_

    @value.setter
    def value(self, _):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)


class ReprEnum(Enum):
    """Members keep their data type's str() and format(); only repr() is the enum's."""

    def __str__(self):
        value = self._value_
        return value if isinstance(value, str) else repr(value)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(int, ReprEnum):
    """Members are ints: they compare, add and index as their values do."""


class StrEnum(str, ReprEnum):
    """Members are strs; auto() gives the lowercased name."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    @classmethod
    def _member_value_(cls, value):
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not a string")
        return value


def unique(enumeration):
    """Raises ValueError when two names share a value (aliases), as CPython's @unique does."""
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items() if name != member.name]
    if duplicates:
        found = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {found}")
    return enumeration
