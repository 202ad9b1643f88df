"""Counts that describe a dataset: rows per table, kinds, relationship types, sourcing depth."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .models import Cited, Dataset
from .sourcing import non_weak_share


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


def _counts(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda item: (-item[1], item[0])))


def _share_multi_sourced(rows: list[Cited]) -> float:
    return sum(len(row.sources) >= 2 for row in rows) / len(rows) if rows else 0.0


def dataset_stats(dataset: Dataset) -> Stats:
    """Counts per table, per kind and type, the share of rows citing two or more sources, and
    the share citing at least one source that is not a mirror, blog or seed."""
    cited = dataset.cited()
    tables = {name: len(rows) for name, rows in cited.items()}
    tables["sources"] = len(dataset.sources)
    shares = {name: _share_multi_sourced(rows) for name, rows in cited.items()}
    shares["all rows"] = _share_multi_sourced([row for rows in cited.values() for row in rows])
    return Stats(
        tables=tables,
        fates=_counts(p.fate.value for p in dataset.people.values()),
        body_kinds=_counts(b.kind.value for b in dataset.bodies.values()),
        event_kinds=_counts(e.kind.value for e in dataset.events.values()),
        relationship_types=_counts(r.type.value for r in dataset.relationships),
        confidence=_counts(r.confidence.value for r in dataset.relationships),
        two_or_more_sources=shares,
        source_kinds=_counts(s.kind.value for s in dataset.sources.values()),
        non_weak_sources=non_weak_share(dataset),
    )
