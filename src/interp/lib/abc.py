"""The lab's abc, in Python: ABC and abstractmethod. A class with abstract methods left cannot
be instantiated, with CPython's message. (ABCMeta as a metaclass is not available: the lab's
classes have no metaclasses.)"""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstract_methods(cls):
    names = []
    for name in dir(cls):
        value = getattr(cls, name, None)
        if getattr(value, "__isabstractmethod__", False):
            names.append(name)
    return names


class ABC:
    def __new__(cls, *args, **kwargs):
        abstract = _abstract_methods(cls)
        if abstract:
            listed = ", ".join(sorted(abstract))
            plural = "s" if len(abstract) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{plural} {listed}")
        return object.__new__(cls)
