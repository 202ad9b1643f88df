"""Counts that describe a dataset: rows per table, kinds, relationship types, sourcing depth."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from .models import Dataset
from .sourcing import non_weak_share, source_lists


@dataclass(frozen=True, slots=True)
class Stats:
    """What `bolshevik-graph stats` reports."""

    tables: dict[str, int]
    fates: dict[str, int]
    body_kinds: dict[str, int]
    event_kinds: dict[str, int]
    relationship_types: dict[str, int]
    confidence: dict[str, int]
    two_or_more_sources: dict[str, float]
    source_kinds: dict[str, int]
    non_weak_sources: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "tables": self.tables,
            "fates": self.fates,
            "body_kinds": self.body_kinds,
            "event_kinds": self.event_kinds,
            "relationship_types": self.relationship_types,
            "confidence": self.confidence,
            "two_or_more_sources": {k: round(v, 4) for k, v in self.two_or_more_sources.items()},
            "source_kinds": self.source_kinds,
            "non_weak_sources": {k: round(v, 4) for k, v in self.non_weak_sources.items()},
        }


def _counts(rows: Iterable[Any], column: str) -> dict[str, int]:
    """How many rows hold each value of a vocabulary ``column``, the most frequent first.
    (Counted in C on the members, then named: not a ``.value`` call per row.)"""
    counts = Counter(map(attrgetter(column), rows))
    named = ((member.value, count) for member, count in counts.items())
    return dict(sorted(named, key=lambda item: (-item[1], item[0])))


def _vocabulary_counts(counted: Counter[Any], position: int) -> dict[str, int]:
    """:func:`_counts` of one member of the tuples ``counted``."""
    totals: Counter[Any] = Counter()
    for key, count in counted.items():
        totals[key[position]] += count
    named = ((member.value, count) for member, count in totals.items())
    return dict(sorted(named, key=lambda item: (-item[1], item[0])))


def dataset_stats(dataset: Dataset) -> Stats:
    """Counts per table, per kind and type, the share of rows citing two or more sources, and
    the share citing at least one source that is not a mirror, blog or seed."""
    lists = source_lists(dataset)
    tables = {name: counted.total() for name, counted in lists.items()}
    tables["sources"] = len(dataset.sources)
    multi = {
        name: sum(n for cited, n in counted.items() if len(cited) >= 2)
        for name, counted in lists.items()
    }
    shares = {name: multi[name] / tables[name] if tables[name] else 0.0 for name in lists}
    rows = sum(tables[name] for name in lists)
    shares["all rows"] = sum(multi.values()) / rows if rows else 0.0
    # Type and confidence of each relationship in one pass.
    kinds = Counter(map(attrgetter("type", "confidence"), dataset.relationships))
    return Stats(
        tables=tables,
        fates=_counts(dataset.people.values(), "fate"),
        body_kinds=_counts(dataset.bodies.values(), "kind"),
        event_kinds=_counts(dataset.events.values(), "kind"),
        relationship_types=_vocabulary_counts(kinds, 0),
        confidence=_vocabulary_counts(kinds, 1),
        two_or_more_sources=shares,
        source_kinds=_counts(dataset.sources.values(), "kind"),
        non_weak_sources=non_weak_share(dataset, lists),
    )
