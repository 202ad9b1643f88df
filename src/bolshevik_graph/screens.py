"""Screens: cheap passes over a whole table that clear the rows which cannot have a problem.

The cross-table checks of :mod:`.validate` build a located message for each problem; done for
every row of a big dataset, the per-row work (look-ups, calls, lists) was most of their time.
Each screen here is *conservative*: it passes on every row that could fail the exact check (and
may pass some that will not), so the exact check, run on what passes, finds the same problems
in the same order. Most screens work on distinct values (dates, source lists and keys are shared
by many rows) with loops that run in C.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import Any

from .models import Body, Membership, Person, Relationship, RelType

#: Day numbers below and above any date (``date.toordinal`` runs from 1 to 3,652,059).
_NEVER_BEFORE, _NEVER_AFTER = -1, 10**7


def lifespans(people: dict[str, Person]) -> dict[str, tuple[int, int]]:
    """Each person's first possible day of birth and last possible day of death, as day numbers
    (a missing date is open: no date lies before it or after it)."""
    return {
        key: (
            person.born.first if person.born else _NEVER_BEFORE,
            person.died.last if person.died else _NEVER_AFTER,
        )
        for key, person in people.items()
    }


def suspect_relationships(
    relationships: Iterable[Relationship],
    people: dict[str, Person],
    posthumous: frozenset[RelType],
) -> Iterator[Relationship]:
    """The relationships that may refer to an unknown person or to the subject itself, end
    before they start, start outside the subject's life or end after the subject's death, or
    (unless the type may outlive its object) start outside the object's life."""
    life = lifespans(people).get
    for r in relationships:
        subject_id, object_id = r.subject, r.object
        subject, obj = life(subject_id), life(object_id)
        if subject is None or obj is None or subject_id == object_id:
            yield r
            continue
        start, end = r.start, r.end
        if start is not None:
            first, last = start.first, start.last
            if (
                last < subject[0]
                or first > subject[1]
                or (end is not None and end.last < first)
                or ((last < obj[0] or first > obj[1]) and r.type not in posthumous)
            ):
                yield r
                continue
        if end is not None and end.first > subject[1]:
            yield r


def suspect_memberships(
    memberships: Iterable[Membership], people: dict[str, Person], bodies: dict[str, Body]
) -> Iterator[Membership]:
    """The memberships that may refer to an unknown person or body, end before they start, start
    outside the member's life, end after the member's death, or start outside the body's span."""
    spans = lifespans(people)
    terms = {
        key: (
            body.start.first if body.start else _NEVER_BEFORE,
            body.end.last if body.end else _NEVER_AFTER,
        )
        for key, body in bodies.items()
    }
    for m in memberships:
        person, body = spans.get(m.person), terms.get(m.body)
        if person is None or body is None:
            yield m
            continue
        start, end = m.start, m.end
        if start is not None:
            first, last = start.first, start.last
            if (
                last < person[0]
                or first > person[1]
                or last < body[0]
                or first > body[1]
                or (end is not None and end.last < first)
            ):
                yield m
                continue
        if end is not None and end.first > person[1]:
            yield m


def latest_first_day(rows: Iterable[Any], column: str) -> int | None:
    """The greatest first day (a day number) of the dates in ``column`` of ``rows``; None when no
    row has a date there."""
    return max(map(attrgetter("first"), filter(None, map(attrgetter(column), rows))), default=None)


def repeated(keys: Sequence[Hashable]) -> set[Hashable]:
    """The keys that occur more than once in ``keys``."""
    if len(set(keys)) == len(keys):
        return set()
    return {key for key, count in Counter(keys).items() if count > 1}


def distinct[R](values: Iterable[R]) -> list[R]:
    """``values`` without repeats of the same object, in first-seen order (by identity: rows
    share one tuple of sources, or one date, for each distinct text)."""
    values = list(values)
    return list(dict(zip(map(id, values), values, strict=True)).values())
