"""Listing people and assembling one person's profile from every table that mentions them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .derived import killed_on_orders_of
from .errors import UnknownIdError
from .models import (
    Alternative,
    Cited,
    Dataset,
    Event,
    Membership,
    Participation,
    Person,
    Relationship,
    Source,
)
from .names import resolve_person


def list_people(dataset: Dataset, body: str | None = None) -> list[Person]:
    """Everyone in the dataset, or everyone who held a role in ``body``, sorted by id."""
    if body is None:
        people = list(dataset.people.values())
    else:
        if body not in dataset.bodies:
            raise UnknownIdError("body", body, dataset.bodies)
        ids = dict.fromkeys(m.person for m in dataset.memberships_by_body.get(body, []))
        people = [dataset.people[person_id] for person_id in ids]
    return sorted(people, key=lambda person: person.id)


def person_row(person: Person) -> dict[str, Any]:
    """The short form of a person used by ``people``: id, name, dates and fate."""
    return {
        "id": person.id,
        "name": person.name,
        "born": str(person.born) if person.born else "",
        "died": str(person.died) if person.died else "",
        "fate": person.fate.value,
    }


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the data says about one person."""

    person: Person
    killed_on_stalins_orders: bool
    memberships: list[Membership]
    outgoing: list[Relationship]
    incoming: list[Relationship]
    alternatives: list[Alternative]
    sources: list[Source]
    names: dict[str, str]
    participations: list[Participation] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping of the profile."""
        p = self.person
        return {
            "id": p.id,
            "name": p.name,
            "full_name": p.full_name,
            "name_ru": p.name_ru,
            "aliases": list(p.aliases),
            "born": _iso(p.born),
            "born_os": _iso(p.born_os),
            "born_place": p.born_place,
            "died": _iso(p.died),
            "died_os": _iso(p.died_os),
            "died_place": p.died_place,
            "fate": p.fate.value,
            "fate_detail": p.fate_detail,
            "killed_on_stalins_orders": self.killed_on_stalins_orders,
            "wikidata": p.wikidata,
            "note": p.note,
            "memberships": [
                {"body": m.body, "role": m.role.value, "start": _iso(m.start), "end": _iso(m.end)}
                for m in self.memberships
            ],
            "relationships": [_rel_dict(r) for r in self.outgoing + self.incoming],
            "events": [
                {
                    "event": p.event,
                    "name": self.events[p.event].name,
                    "kind": self.events[p.event].kind.value,
                    "start": _iso(self.events[p.event].start),
                    "end": _iso(self.events[p.event].end),
                    "role": p.role.value,
                    "sentence": p.sentence,
                    "sources": list(p.sources),
                }
                for p in self.participations
            ],
            "alternatives": [
                {"column": a.column, "value": a.value, "sources": list(a.sources), "note": a.note}
                for a in self.alternatives
            ],
            "sources": [{"id": s.id, "title": s.title, "url": s.url} for s in self.sources],
        }


def _iso(value: object) -> str | None:
    return str(value) if value is not None else None


def _rel_dict(rel: Relationship) -> dict[str, Any]:
    return {
        "subject": rel.subject,
        "type": rel.type.value,
        "object": rel.object,
        "start": _iso(rel.start),
        "end": _iso(rel.end),
        "confidence": rel.confidence.value,
        "sources": list(rel.sources),
    }


def person_profile(dataset: Dataset, person: str) -> Profile:
    """The profile of ``person``: an id or any name, alias or Russian name
    (:func:`~bolshevik_graph.names.resolve_person`); an unknown name raises an error suggesting
    close ids, an ambiguous one lists the people it could mean."""
    person_id = resolve_person(dataset, person)
    record = dataset.people[person_id]
    memberships = dataset.memberships_by_person.get(person_id, [])
    outgoing = dataset.relationships_by_subject.get(person_id, [])
    incoming = dataset.relationships_by_object.get(person_id, [])
    alternatives = dataset.alternatives_by_row.get(("people", person_id), [])
    participations = sorted(
        dataset.participants_by_person.get(person_id, []),
        key=lambda p: (str(dataset.events[p.event].start or ""), p.event),
    )
    cited: dict[str, None] = dict.fromkeys(record.sources)
    rows: list[Cited] = [*memberships, *outgoing, *incoming, *participations, *alternatives]
    for row in rows:
        cited.update(dict.fromkeys(row.sources))
    names = {pid: dataset.people[pid].name for pid in _others(person_id, outgoing, incoming)}
    names.update({m.body: dataset.bodies[m.body].name for m in memberships})
    return Profile(
        person=record,
        killed_on_stalins_orders=killed_on_orders_of(dataset, person_id),
        memberships=sorted(memberships, key=lambda m: (str(m.start or ""), m.body)),
        outgoing=outgoing,
        incoming=incoming,
        alternatives=alternatives,
        sources=[dataset.sources[source_id] for source_id in cited],
        names=names,
        participations=participations,
        events={p.event: dataset.events[p.event] for p in participations},
    )


def _others(person_id: str, outgoing: list[Relationship], incoming: list[Relationship]) -> set[str]:
    return {r.object for r in outgoing} | {r.subject for r in incoming} | {person_id}
