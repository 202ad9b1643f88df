"""'Killed on Stalin's orders' is derived from relationships, and only established ones count."""

from __future__ import annotations

import dataclasses

from bolshevik_graph.dates import PartialDate
from bolshevik_graph.derived import killed_on_orders_of, killers
from bolshevik_graph.models import Confidence, Dataset, Fate


def test_direct_purge(tiny: Dataset) -> None:
    assert killed_on_orders_of(tiny, "zinoviev")


def test_killer_acting_on_orders(tiny: Dataset) -> None:
    assert killed_on_orders_of(tiny, "trotsky")
    assert killers(tiny, "trotsky") == ["mercader"]


def test_natural_death_is_never_a_killing(tiny: Dataset) -> None:
    assert not killed_on_orders_of(tiny, "lenin")


def test_disputed_edges_do_not_count(tiny: Dataset) -> None:
    disputed = [
        dataclasses.replace(rel, confidence=Confidence.DISPUTED)
        if rel.subject == "zinoviev"
        else rel
        for rel in tiny.relationships
    ]
    data = Dataset(people=tiny.people, relationships=disputed)
    assert not killed_on_orders_of(data, "zinoviev")


def test_a_purge_without_a_violent_death_is_not_a_killing(tiny: Dataset) -> None:
    people = dict(tiny.people)
    people["zinoviev"] = dataclasses.replace(people["zinoviev"], fate=Fate.NATURAL)
    data = Dataset(people=people, relationships=tiny.relationships)
    assert not killed_on_orders_of(data, "zinoviev")


def test_unknown_person_is_not_killed(tiny: Dataset) -> None:
    assert not killed_on_orders_of(tiny, "nobody")


def test_a_purge_that_ended_before_the_death_is_not_the_killing(tiny: Dataset) -> None:
    """Arrested on X's orders, shot after X was gone: not killed on X's orders."""
    ended = [
        dataclasses.replace(rel, end=PartialDate(1935)) if rel.subject == "zinoviev" else rel
        for rel in tiny.relationships
    ]
    data = Dataset(people=tiny.people, relationships=ended)
    assert not killed_on_orders_of(data, "zinoviev")
