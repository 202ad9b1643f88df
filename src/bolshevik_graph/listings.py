"""Listing bodies and events, filtered by kind and by year, as rows for ``bodies`` and ``events``.

A body is listed for a year when it existed at some point in it; an event when some of it fell in
that year. A bound that is unknown does not exclude anything (a body with no end date is taken to
last).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .dates import PartialDate
from .errors import UnknownIdError
from .models import Body, BodyKind, Dataset, Event, EventKind

BODY_COLUMNS = ("id", "name", "kind", "start", "end", "people")
EVENT_COLUMNS = ("id", "name", "kind", "start", "end", "place", "people")


def list_bodies(dataset: Dataset, kind: str | None = None, year: int | None = None) -> list[Body]:
    """The bodies of ``kind`` (a :class:`~bolshevik_graph.models.BodyKind` value) that existed in
    ``year``, by start date then id; both filters optional."""
    if kind is not None and kind not in {k.value for k in BodyKind}:
        raise UnknownIdError("body kind", kind, [k.value for k in BodyKind])
    bodies = [
        body
        for body in dataset.bodies.values()
        if (kind is None or body.kind == kind) and _in_year(body.start, body.end, year)
    ]
    return sorted(bodies, key=lambda b: (str(b.start or "9999"), b.id))


def list_events(dataset: Dataset, kind: str | None = None, year: int | None = None) -> list[Event]:
    """The events of ``kind`` (an :class:`~bolshevik_graph.models.EventKind` value) that took
    place, at least in part, in ``year``, by start date then id; both filters optional."""
    if kind is not None and kind not in {k.value for k in EventKind}:
        raise UnknownIdError("event kind", kind, [k.value for k in EventKind])
    events = [
        event
        for event in dataset.events.values()
        if (kind is None or event.kind == kind)
        and _in_year(event.start, event.end or event.start, year)
    ]
    return sorted(events, key=lambda e: (str(e.start or "9999"), e.id))


def body_row(dataset: Dataset, body: Body) -> dict[str, Any]:
    """A body as ``bodies`` prints it; ``people`` counts everyone who held a role in it."""
    members = {m.person for m in dataset.memberships_by_body.get(body.id, [])}
    return {
        "id": body.id,
        "name": body.name,
        "kind": body.kind.value,
        "start": _text(body.start),
        "end": _text(body.end),
        "people": len(members),
    }


def event_row(dataset: Dataset, event: Event) -> dict[str, Any]:
    """An event as ``events`` prints it; ``people`` counts its participants in the data."""
    people = {p.person for p in dataset.participants_by_event.get(event.id, [])}
    return {
        "id": event.id,
        "name": event.name,
        "kind": event.kind.value,
        "start": _text(event.start),
        "end": _text(event.end),
        "place": event.place,
        "people": len(people),
    }


def _in_year(start: PartialDate | None, end: PartialDate | None, year: int | None) -> bool:
    if year is None:
        return True
    first, last = date(year, 1, 1), date(year, 12, 31)
    return not (start and start.is_after(last)) and not (end and end.is_before(first))


def _text(day: PartialDate | None) -> str:
    return str(day) if day else ""
