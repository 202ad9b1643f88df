"""How well a dataset's rows are sourced: which rows rest on weak sources alone.

A weak source (:data:`~bolshevik_graph.models.WEAK_SOURCE_KINDS`: a mirror, a blog or a seed) is
no publication a reader can check a claim against, so a row citing nothing else is not traceable.
``stats`` reports the share of rows with at least one other source, and ``validate --strict``
lists the rows without one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import attrgetter

from .errors import Problem
from .models import WEAK_SOURCE_KINDS, Cited, Dataset


@dataclass(frozen=True, slots=True)
class WeakRow:
    """A row whose every cited source is a mirror, a blog or a seed."""

    table: str
    line: int
    sources: tuple[str, ...]


def rests_on_weak_sources(dataset: Dataset, row: Cited) -> bool:
    """True when ``row`` cites sources and every one is a known source of a weak kind.

    A source id missing from sources.csv is not judged here (the citation check reports it), so a
    row citing one is not called weak.
    """
    sources = dataset.sources
    if not row.sources or any(s not in sources for s in row.sources):
        return False
    return all(sources[s].kind in WEAK_SOURCE_KINDS for s in row.sources)


def weak_rows(dataset: Dataset) -> list[WeakRow]:
    """Every row resting on weak sources alone, in table order, then file order."""
    return [
        WeakRow(table, row.line, row.sources)
        for table, rows in dataset.cited().items()
        for row in sorted(rows, key=lambda r: r.line)
        if rests_on_weak_sources(dataset, row)
    ]


def weak_problems(dataset: Dataset) -> list[Problem]:
    """The rows of :func:`weak_rows` as problems located at each row's ``sources`` cell."""
    problems = []
    for weak in weak_rows(dataset):
        position = dataset.columns.get(weak.table, {}).get("sources")
        message = "rests only on mirror/blog/seed sources: " + ", ".join(weak.sources)
        problems.append(Problem(f"{weak.table}.csv", weak.line, position, "sources", message))
    return problems


def _cites_strong(dataset: Dataset, cited: tuple[str, ...]) -> bool:
    """True when ``cited`` holds at least one known source that is not a mirror, blog or seed."""
    sources = dataset.sources
    return any(s in sources and sources[s].kind not in WEAK_SOURCE_KINDS for s in cited)


def source_lists(dataset: Dataset) -> dict[str, Counter[tuple[str, ...]]]:
    """Per table, how many rows cite each distinct list of sources (counted in C: a million
    rows cite a handful of lists, each then judged once)."""
    return {
        table: Counter(map(attrgetter("sources"), rows)) for table, rows in dataset.cited().items()
    }


def non_weak_share(
    dataset: Dataset, lists: dict[str, Counter[tuple[str, ...]]] | None = None
) -> dict[str, float]:
    """Per table with rows, and over all rows, the share citing a source that is not weak
    (``lists``: :func:`source_lists`, if already counted)."""
    shares: dict[str, float] = {}
    total = strong = 0
    for table, counted in (source_lists(dataset) if lists is None else lists).items():
        rows = counted.total()
        if not rows:
            continue
        count = sum(n for cited, n in counted.items() if _cites_strong(dataset, cited))
        shares[table] = count / rows
        total += rows
        strong += count
    shares["all rows"] = strong / total if total else 0.0
    return shares
