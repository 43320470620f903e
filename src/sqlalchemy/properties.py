"""The mapper's properties as `inspect(User).attrs` shows them: ColumnProperty for a column,
MappedSQLExpression for a column_property() expression, _RelationshipDeclared for a relationship(),
held in a ReadOnlyProperties. The mapper (Rust) hands `_properties` what it maps, in its order."""
import enum


class RelationshipDirection(enum.Enum):
    ONETOMANY = 1
    MANYTOONE = 2
    MANYTOMANY = 3


RelationshipDirection.__module__ = "sqlalchemy.orm.base"
ONETOMANY = RelationshipDirection.ONETOMANY
MANYTOONE = RelationshipDirection.MANYTOONE
MANYTOMANY = RelationshipDirection.MANYTOMANY


class ReadOnlyProperties:
    """Properties by key: iterating gives the properties; `props.name` and `props["name"]` one."""

    def __init__(self, data):
        self._data = data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data.values()))

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        return self._data[key]

    def __getattr__(self, key):
        try:
            return self.__dict__["_data"][key]
        except KeyError:
            raise AttributeError(key)

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return list(self._data)

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())


ReadOnlyProperties.__module__ = "sqlalchemy.util._collections"


class MapperProperty:
    def __init__(self, parent, key):
        self.parent = parent
        self.key = key

    @property
    def class_attribute(self):
        return getattr(self.parent.class_, self.key)

    def __str__(self):
        return f"{self.parent.class_.__name__}.{self.key}"

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}; {self.key}>"


class ColumnProperty(MapperProperty):
    def __init__(self, parent, key, columns):
        super().__init__(parent, key)
        self.columns = columns

    @property
    def expression(self):
        return self.columns[0]


class MappedSQLExpression(ColumnProperty):
    pass


_CASCADE_ALL = ("delete", "expunge", "merge", "refresh-expire", "save-update")


class CascadeOptions:
    """The cascades a relationship() has, "all" spelled out."""

    def __init__(self, text):
        names = set()
        for name in text.replace(" ", "").split(","):
            if name == "all":
                names.update(_CASCADE_ALL)
            elif name and name != "none":
                names.add(name)
        self._names = names
        for name in ("delete", "delete-orphan", "expunge", "merge", "refresh-expire", "save-update"):
            setattr(self, name.replace("-", "_"), name in names)

    def __contains__(self, name):
        return name in self._names

    def __iter__(self):
        return iter(sorted(self._names))

    def __len__(self):
        return len(self._names)

    def __eq__(self, other):
        return self._names == set(other)

    def __repr__(self):
        return f"CascadeOptions({','.join(sorted(self._names))!r})"


class RelationshipProperty(MapperProperty):
    def __init__(self, parent, key, mapper, direction, uselist, back_populates, lazy, secondary, cascade):
        super().__init__(parent, key)
        self.mapper = mapper
        self.entity = mapper
        self.direction = RelationshipDirection[direction]
        self.uselist = uselist
        self.back_populates = back_populates
        self.lazy = lazy
        self.secondary = secondary
        self.cascade = CascadeOptions(cascade)

    @property
    def target(self):
        return self.mapper.local_table


class _RelationshipDeclared(RelationshipProperty):
    pass


for _class in (ColumnProperty, MappedSQLExpression, MapperProperty):
    _class.__module__ = "sqlalchemy.orm.properties"
for _class in (RelationshipProperty, _RelationshipDeclared):
    _class.__module__ = "sqlalchemy.orm.relationships"


def _properties(mapper, entries):
    """`entries`: ("column", key, [columns]), ("expression", key, [expression]) or
    ("relationship", key, mapper, direction, uselist, back_populates, lazy, secondary, cascade)."""
    data = {}
    for kind, key, *rest in entries:
        if kind == "column":
            data[key] = ColumnProperty(mapper, key, *rest)
        elif kind == "expression":
            data[key] = MappedSQLExpression(mapper, key, *rest)
        else:
            data[key] = _RelationshipDeclared(mapper, key, *rest)
    return ReadOnlyProperties(data)


def _only(properties, kind):
    return ReadOnlyProperties({p.key: p for p in properties if isinstance(p, kind)})
