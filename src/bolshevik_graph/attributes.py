"""The attributes of each node and edge of the graph, made from a dataset's records.

Dates become ISO strings (partial where the source is), lists of sources stay tuples, and empty
values are left out (never ``None``): the conventions of :mod:`.graph` and of every export.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .dates import PartialDate
from .models import (
    Body,
    Confidence,
    Event,
    Membership,
    Participation,
    Person,
    Relationship,
    RelType,
    Role,
)

MEMBER_OF = "MEMBER_OF"
PARTICIPATED_IN = "PARTICIPATED_IN"

#: Each vocabulary member's value as a plain string: a look-up here is several times faster than
#: the enum's ``.value`` property, made for every edge of a big graph.
_VALUES: dict[StrEnum, str] = {
    member: member.value for vocabulary in (RelType, Confidence, Role) for member in vocabulary
}


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values (None, "", ()) and turn dates into ISO strings."""
    cleaned: dict[str, Any] = {}
    for name, value in attributes.items():
        # Dates first: comparing a date with "" would cost a dataclass __eq__ per attribute.
        if value.__class__ is PartialDate:
            cleaned[name] = value.iso
        elif value or value == 0:
            cleaned[name] = value
    return cleaned


def person_attributes(person: Person) -> dict[str, Any]:
    """Node attributes of a person."""
    return _clean(
        {
            "kind": "person",
            "name": person.name,
            "full_name": person.full_name,
            "name_ru": person.name_ru,
            "aliases": person.aliases,
            "born": person.born,
            "born_place": person.born_place,
            "died": person.died,
            "died_place": person.died_place,
            "arrested": person.arrested,
            "fate": person.fate.value,
            "fate_detail": person.fate_detail,
            "wikidata": person.wikidata,
            "note": person.note,
            "sources": person.sources,
        }
    )


def body_attributes(body: Body) -> dict[str, Any]:
    """Node attributes of a body."""
    return _clean(
        {
            "kind": "body",
            "name": body.name,
            "name_ru": body.name_ru,
            "body_kind": body.kind.value,
            "parent": body.parent,
            "predecessor": body.predecessor,
            "start": body.start,
            "end": body.end,
            "size_members": body.size_members,
            "size_candidates": body.size_candidates,
            "note": body.note,
            "sources": body.sources,
        }
    )


def membership_attributes(membership: Membership) -> dict[str, Any]:
    """Edge attributes of a membership (as :func:`_clean` would make them, written out: there
    is one per person or more)."""
    attributes: dict[str, Any] = {"rel_type": MEMBER_OF, "role": _VALUES[membership.role]}
    if membership.start is not None:
        attributes["start"] = membership.start.iso
    if membership.end is not None:
        attributes["end"] = membership.end.iso
    if membership.note:
        attributes["note"] = membership.note
    if membership.sources:
        attributes["sources"] = membership.sources
    return attributes


def relationship_attributes(rel: Relationship) -> dict[str, Any]:
    """Edge attributes of a relationship between two people (as :func:`_clean` would make them,
    written out: a big dataset has millions)."""
    attributes: dict[str, Any] = {"rel_type": _VALUES[rel.type]}
    if rel.start is not None:
        attributes["start"] = rel.start.iso
    if rel.end is not None:
        attributes["end"] = rel.end.iso
    attributes["confidence"] = _VALUES[rel.confidence]
    if rel.note:
        attributes["note"] = rel.note
    if rel.sources:
        attributes["sources"] = rel.sources
    return attributes


def event_attributes(event: Event) -> dict[str, Any]:
    """Node attributes of an event."""
    return _clean(
        {
            "kind": "event",
            "name": event.name,
            "name_ru": event.name_ru,
            "event_kind": event.kind.value,
            "start": event.start,
            "end": event.end,
            "place": event.place,
            "note": event.note,
            "sources": event.sources,
        }
    )


def participation_attributes(part: Participation) -> dict[str, Any]:
    """Edge attributes of a person's part in an event."""
    return _clean(
        {
            "rel_type": PARTICIPATED_IN,
            "role": part.role.value,
            "sentence": part.sentence,
            "note": part.note,
            "sources": part.sources,
        }
    )


EDGE_ATTRIBUTES = {
    Membership: membership_attributes,
    Relationship: relationship_attributes,
    Participation: participation_attributes,
}
