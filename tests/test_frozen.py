"""Records built through their slots: the same records as the dataclass's own ``__init__``."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

from bolshevik_graph import models
from bolshevik_graph.frozen import fast_init
from bolshevik_graph.models import Confidence, Relationship, RelType

RECORDS = [
    cls
    for cls in vars(models).values()
    if isinstance(cls, type)
    and dataclasses.is_dataclass(cls)
    and cls.__module__ == models.__name__
    and cls is not models.Dataset
]


FIELDS: list[Any] = [
    ("a", str),
    ("b", int, 3),
    ("line", int, dataclasses.field(default=0, compare=False)),
]
Plain = dataclasses.make_dataclass("Fast", FIELDS, frozen=True, slots=True)
Fast = fast_init(dataclasses.make_dataclass("Fast", FIELDS, frozen=True, slots=True))


def test_every_record_is_built_fast() -> None:
    assert len(RECORDS) == 9
    for cls in RECORDS:
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
        assert "_set0" in cls.__init__.__globals__, cls


def test_the_same_parameters_defaults_and_values_as_the_dataclass() -> None:
    assert str(inspect.signature(Fast)) == str(inspect.signature(Plain))
    fast, plain = Fast("x"), Plain("x")
    assert (fast.a, fast.b, fast.line) == (plain.a, plain.b, plain.line) == ("x", 3, 0)
    assert Fast("x", 4, line=9) == Fast(a="x", b=4) != Fast("x")
    assert repr(Fast("x", 4, 9)) == "Fast(a='x', b=4, line=9)"
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'a'"):
        Fast()
    with pytest.raises(TypeError, match="unexpected keyword argument 'c'"):
        Fast("x", c=1)


def test_a_record_stays_frozen_hashable_and_replaceable() -> None:
    r = Relationship("a", RelType.PURGED_BY, "b", None, None, Confidence.CERTAIN, "", ("s",), 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.subject = "c"  # type: ignore[misc]
    assert hash(r) == hash(dataclasses.replace(r, line=8))
    assert dataclasses.replace(r, subject="c").subject == "c"
    assert dataclasses.astuple(r)[:3] == ("a", RelType.PURGED_BY, "b")


def test_classes_it_cannot_build_are_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Later:
        a: str

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[str] = dataclasses.field(default_factory=list)

    for cls in (Later, Factory):
        with pytest.raises(TypeError, match="plain fields only"):
            fast_init(cls)
