"""sqlalchemy.orm.decl_api as the lab has it: declarative_base(), and the dataclass a class under
MappedAsDataclass becomes (SQLAlchemy's declarative dataclass mapping)."""


def declarative_base(*, metadata=None):
    from sqlalchemy.orm import DeclarativeBase

    class Base(DeclarativeBase):
        pass

    if metadata is not None:
        Base.metadata = metadata
    return Base


def _as_dataclass(cls, specs):
    """Called by the declarative mapping, before the class is mapped: `specs` lists each mapped
    attribute of the class body as (name, annotation, options)."""
    import dataclasses
    from sqlalchemy.exc import InvalidRequestError

    collected = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get("__dataclass_fields__", {}).values():
            collected[f.name] = f
    for name, annotation, options in specs:
        f = dataclasses.field(**dict(options))
        f.name = name
        f.type = annotation
        collected[name] = f
    fields = list(collected.values())
    try:
        dataclasses._check_defaults(fields)
    except TypeError as error:
        failure = InvalidRequestError(
            f"Python dataclasses error encountered when creating dataclass for {cls.__name__!r}: {error!r}. "
            "Please refer to Python dataclasses documentation for additional information."
        )
        failure.code = "dcte"
        raise failure from error
    # SQLAlchemy's instrumented __init__ is a plain function named __init__: its errors say
    # `__init__()`, not `User.__init__()`.
    dataclasses._process(cls, fields, True, True, True, False, False, "")
