"""A faster ``__init__`` for frozen, slotted dataclasses: the records of a dataset.

A frozen dataclass's own ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses), which made building a million relationship records take 2.1 s; setting
each slot through its descriptor directly takes half that. The record stays exactly as frozen:
only ``__init__`` is replaced, with the same parameters, defaults and order; ``__eq__``,
``__hash__``, ``__repr__`` and the refusal to assign are the dataclass's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import Any


def fast_init[T: type](cls: T) -> T:
    """Give ``cls`` (a ``@dataclass(frozen=True, slots=True)`` with plain fields, no
    ``__post_init__``, no default factories) an ``__init__`` that sets its slots directly."""
    every = fields(cls)
    if hasattr(cls, "__post_init__") or any(
        not f.init or f.default_factory is not MISSING for f in every
    ):
        raise TypeError(f"{cls.__name__}: fast_init takes plain fields only")
    namespace: dict[str, Any] = {}
    params, body = [], []
    for index, f in enumerate(every):
        namespace[f"_set{index}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default{index}"] = f.default
            params.append(f"{f.name}=_default{index}")
        body.append(f"    _set{index}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__dict__["__init__"].__annotations__)
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses a plain assignment to __init__
    return cls


def slot_setters(cls: type) -> list[Callable[[Any, Any], None]]:
    """The setters of the slots of a :func:`fast_init` class, in the order of its fields: a
    block of records is filled column by column with them (see :mod:`.blocks`)."""
    return [cls.__dict__[f.name].__set__ for f in fields(cls)]
