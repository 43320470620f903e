"""sqlalchemy.ext.associationproxy: association_proxy(target_collection, attr), a view of one
attribute of the objects a relationship holds (a user's keyword strings through its Keyword
objects). Reading, appending (which makes the object through `creator`, or the related class
called with the value), removing and assigning work on the instance; the class-level proxy's SQL
comparisons are not in the lab."""


class _AssociationList:
    """The proxied collection: a list of the members' attribute, backed by the relationship."""

    def __init__(self, instance, proxy):
        self._instance = instance
        self._proxy = proxy

    @property
    def _members(self):
        return getattr(self._instance, self._proxy.target_collection)

    def _value(self, member):
        return getattr(member, self._proxy.value_attr)

    def __iter__(self):
        for member in list(self._members):
            yield self._value(member)

    def __len__(self):
        return len(self._members)

    def __bool__(self):
        return len(self._members) > 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._value(member) for member in list(self._members)[index]]
        return self._value(self._members[index])

    def __setitem__(self, index, value):
        setattr(self._members[index], self._proxy.value_attr, value)

    def __delitem__(self, index):
        del self._members[index]

    def __contains__(self, value):
        return any(self._value(member) == value for member in self._members)

    def __eq__(self, other):
        return list(self) == other

    def __ne__(self, other):
        return list(self) != other

    def __repr__(self):
        return repr(list(self))

    def append(self, value):
        self._members.append(self._proxy._create(self._instance, value))

    def extend(self, values):
        for value in values:
            self.append(value)

    def remove(self, value):
        for member in list(self._members):
            if self._value(member) == value:
                self._members.remove(member)
                return
        raise ValueError("value not in list")

    def pop(self, index=-1):
        member = self._members[index]
        self._members.remove(member)
        return self._value(member)

    def clear(self):
        for member in list(self._members):
            self._members.remove(member)

    def index(self, value):
        return list(self).index(value)

    def count(self, value):
        return list(self).count(value)


class _ProxyInstance:
    """The proxy read from its class (`User.keywords`), as SQLAlchemy's AssociationProxyInstance."""

    def __init__(self, parent, owner):
        self.parent = parent
        self.owner = owner

    def __getattr__(self, name):
        return getattr(self.parent, name)

    def _relationship(self):
        return getattr(self.owner, self.parent.target_collection)

    def _remote(self):
        return getattr(self._relationship().mapper.class_, self.parent.value_attr)

    def _is_object(self):
        try:
            return hasattr(self._remote(), "uselist")
        except Exception:
            return False

    def __repr__(self):
        kind = "Object" if self._is_object() else "Column"
        return f"{kind}AssociationProxyInstance({self.parent!r})"

    def _exists(self, compare):
        """A comparison of the proxied column, as EXISTS of a related row that passes it (any()
        through a collection, has() through one object), as SQLAlchemy's column proxy builds it."""
        if self._is_object():
            # SQLAlchemy compares objects otherwise; the lab has only the column proxies' forms.
            raise NotImplementedError("not available in this lab: comparing an association proxy to objects in a query")
        relationship = self._relationship()
        criterion = compare(self._remote())
        return relationship.any(criterion) if relationship.property.uselist else relationship.has(criterion)

    def __eq__(self, other):
        found = self._exists(lambda remote: remote == other)
        if other is None:
            from sqlalchemy import or_

            return or_(found, self._relationship() == None)
        return found

    def __ne__(self, other):
        return self._exists(lambda remote: remote != other)

    def __lt__(self, other):
        return self._exists(lambda remote: remote < other)

    def __le__(self, other):
        return self._exists(lambda remote: remote <= other)

    def __gt__(self, other):
        return self._exists(lambda remote: remote > other)

    def __ge__(self, other):
        return self._exists(lambda remote: remote >= other)

    def like(self, other):
        return self._exists(lambda remote: remote.like(other))

    def ilike(self, other):
        return self._exists(lambda remote: remote.ilike(other))

    def startswith(self, other):
        return self._exists(lambda remote: remote.startswith(other))

    def endswith(self, other):
        return self._exists(lambda remote: remote.endswith(other))

    def contains(self, other):
        return self._exists(lambda remote: remote.contains(other))

    def in_(self, other):
        return self._exists(lambda remote: remote.in_(other))

    def any(self, *args, **kwargs):
        raise NotImplementedError("not available in this lab: AssociationProxy.any() (compare the proxy, or use the relationship's any())")

    has = any


class AssociationProxy:
    """The descriptor `association_proxy()` returns."""

    def __init__(self, target_collection, attr, creator=None, getset_factory=None, proxy_factory=None, proxy_bulk_set=None, info=None):
        if getset_factory is not None or proxy_factory is not None or proxy_bulk_set is not None:
            raise NotImplementedError("not available in this lab: association_proxy() with a getset_factory, proxy_factory or proxy_bulk_set")
        self.target_collection = target_collection
        self.value_attr = attr
        self.creator = creator
        self.info = info if info is not None else {}
        self.key = None
        self.owner = None

    def __set_name__(self, owner, name):
        self.key = name
        self.owner = owner

    def __repr__(self):
        return f"AssociationProxy({self.target_collection!r}, {self.value_attr!r})"


    def _relationship(self, instance):
        return getattr(type(instance), self.target_collection)

    def _create(self, instance, value):
        if self.creator is not None:
            return self.creator(value)
        return self._relationship(instance).mapper.class_(value)

    def __get__(self, instance, owner):
        if instance is None:
            return _ProxyInstance(self, owner)
        if self._relationship(instance).uselist:
            return _AssociationList(instance, self)
        target = getattr(instance, self.target_collection)
        return None if target is None else getattr(target, self.value_attr)

    def __set__(self, instance, values):
        if self._relationship(instance).uselist:
            proxied = _AssociationList(instance, self)
            proxied.clear()
            proxied.extend(values)
            return
        target = getattr(instance, self.target_collection)
        if target is None:
            setattr(instance, self.target_collection, self._create(instance, values))
        else:
            setattr(target, self.value_attr, values)

    def __delete__(self, instance):
        delattr(instance, self.target_collection)


def association_proxy(target_collection, attr, **kw):
    """A view of `attr` of the objects in `target_collection`."""
    return AssociationProxy(target_collection, attr, **kw)
