"""The lab's dataclasses module, in Python: @dataclass (init, repr, eq, order, frozen), field()
with default and default_factory, __post_init__, fields(), asdict(), astuple() and replace()."""

MISSING = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, compare):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare)


def _collect(cls):
    collected = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get("__dataclass_fields__", {}).values():
            collected[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    for name, kind in annotations.items():
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(value, MISSING, True, True, True)
        f.name = name
        f.type = kind
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        if f.default is MISSING and name in cls.__dict__:
            delattr(cls, name)
        elif f.default is not MISSING:
            setattr(cls, name, f.default)
        collected[name] = f
    fields = list(collected.values())
    _check_defaults(fields)
    return fields


def _check_defaults(fields):
    """The generated __init__ cannot take a required argument after one with a default."""
    seen_default = False
    for f in fields:
        if not f.init:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")


def _make_init(fields, frozen, owner):
    """`owner` prefixes the function's name in its errors: "Point." for a dataclass's own."""
    params = [f for f in fields if f.init]

    def __init__(self, *args, **kwargs):
        if len(args) > len(params):
            required = len([f for f in params if f.default is MISSING and f.default_factory is MISSING])
            takes = f"{len(params) + 1}" if required == len(params) else f"from {required + 1} to {len(params) + 1}"
            raise TypeError(f"{owner}__init__() takes {takes} positional arguments but {len(args) + 1} were given")
        values = {}
        for f, value in zip(params, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if not any(f.name == name for f in params):
                raise TypeError(f"{owner}__init__() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{owner}__init__() got multiple values for argument {name!r}")
            values[name] = value
        missing = [f.name for f in params if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            listed = " and ".join(repr(m) for m in missing) if len(missing) <= 2 else ", ".join(repr(m) for m in missing[:-1]) + ", and " + repr(missing[-1])
            plural = "" if len(missing) == 1 else "s"
            raise TypeError(f"{owner}__init__() missing {len(missing)} required positional argument{plural}: {listed}")
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if hasattr(self, "__post_init__"):
            self.__post_init__()
    return __init__


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(cls):
        owner = cls.__qualname__ if hasattr(cls, "__qualname__") else cls.__name__
        _process(cls, _collect(cls), init, repr, eq, order, frozen, owner + ".")
        return cls
    if cls is None:
        return wrap
    return wrap(cls)


_repr_running = set()


def _process(cls, fields, init, repr, eq, order, frozen, owner):
    """Gives `cls` the dataclass's methods over `fields`."""
    setattr(cls, "__dataclass_fields__", {f.name: f for f in fields})
    if init:
        setattr(cls, "__init__", _make_init(fields, frozen, owner))
    if repr and "__repr__" not in cls.__dict__:
        def __repr__(self):
            # A field that leads back to this object shows as "...", as Python's does.
            if id(self) in _repr_running:
                return "..."
            _repr_running.add(id(self))
            try:
                shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
            finally:
                _repr_running.discard(id(self))
            return f"{type(self).__qualname__}({shown})"
        setattr(cls, "__repr__", __repr__)
    def key(self):
        return tuple(getattr(self, f.name) for f in fields if f.compare)
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return key(self) == key(other)
        setattr(cls, "__eq__", __eq__)
        if "__hash__" not in cls.__dict__:
            if frozen:
                def __hash__(self):
                    return hash(key(self))
                setattr(cls, "__hash__", __hash__)
            else:
                setattr(cls, "__hash__", None)
    if order:
        for name, compare in _ORDER:
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering")
            setattr(cls, name, _make_order(name, compare, key))
    if frozen:
        for name in ("__setattr__", "__delattr__"):
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
        names = {f.name for f in fields}
        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)
        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            object.__delattr__(self, name)
        setattr(cls, "__setattr__", __setattr__)
        setattr(cls, "__delattr__", __delattr__)


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def _make_order(name, compare, key):
    def method(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return compare(key(self), key(other))
    method.__name__ = name
    return method


_ORDER = (
    ("__lt__", lambda a, b: a < b),
    ("__le__", lambda a, b: a <= b),
    ("__gt__", lambda a, b: a > b),
    ("__ge__", lambda a, b: a >= b),
)


def _as(obj, make):
    """asdict's and astuple's copy: into nested dataclasses, lists, tuples and dicts."""
    if is_dataclass(obj) and not isinstance(obj, type):
        if make is dict:
            return {f.name: _as(getattr(obj, f.name), make) for f in fields(obj)}
        return tuple(_as(getattr(obj, f.name), make) for f in fields(obj))
    if isinstance(obj, (list, tuple)):
        return type(obj)(_as(v, make) for v in obj)
    if isinstance(obj, dict):
        return {_as(k, make): _as(v, make) for k, v in obj.items()}
    return obj


def asdict(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as(obj, dict)


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return _as(obj, tuple)


def replace(obj, /, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init and f.name in changes:
            raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")
