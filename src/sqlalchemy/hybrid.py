"""sqlalchemy.ext.hybrid, in Python: hybrid_property and hybrid_method. On an instance they run as
written; on the class they run with the class, so the same code builds a SQL expression from its
columns (labelled with the attribute's name, as SQLAlchemy labels it in a SELECT)."""


class hybrid_method:
    def __init__(self, func, expr=None):
        self.func = func
        self.expr = expr or func
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner):
        target = owner if instance is None else instance
        call = self.expr if instance is None else self.func

        def bound(*args, **kwargs):
            return call(target, *args, **kwargs)

        bound.__name__ = self.func.__name__
        return bound

    def expression(self, expr):
        self.expr = expr
        if not self.expr.__doc__:
            self.expr.__doc__ = self.func.__doc__
        return self


class hybrid_property:
    def __init__(self, fget, fset=None, fdel=None, expr=None, custom_comparator=None, update_expr=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.expr = expr
        self.custom_comparator = custom_comparator
        self.update_expr = update_expr
        self.__name__ = fget.__name__
        self.__doc__ = fget.__doc__

    def __get__(self, instance, owner=None):
        if owner is None:
            return self
        if instance is None:
            made = (self.expr or self.fget)(owner)
            proxy = getattr(made, "_hybrid_proxy", None)
            return proxy(self.__name__) if proxy is not None else made
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def _copy(self, **kw):
        made = {"fget": self.fget, "fset": self.fset, "fdel": self.fdel, "expr": self.expr,
                "custom_comparator": self.custom_comparator, "update_expr": self.update_expr}
        made.update(kw)
        return type(self)(**made)

    def getter(self, fget):
        return self._copy(fget=fget)

    def setter(self, fset):
        return self._copy(fset=fset)

    def deleter(self, fdel):
        return self._copy(fdel=fdel)

    def expression(self, expr):
        return self._copy(expr=expr)

    @property
    def overrides(self):
        return self

    @property
    def inplace(self):
        return _InPlace(self)


class _InPlace:
    """`@name.inplace.setter`: changes the hybrid itself rather than a copy."""

    def __init__(self, attr):
        self.attr = attr

    def _set(self, **kw):
        for name, value in kw.items():
            setattr(self.attr, name, value)
        return self.attr

    def getter(self, fget):
        return self._set(fget=fget)

    def setter(self, fset):
        return self._set(fset=fset)

    def deleter(self, fdel):
        return self._set(fdel=fdel)

    def expression(self, expr):
        return self._set(expr=expr)
