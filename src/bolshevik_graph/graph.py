"""``build_graph``: the networkx view of a dataset, and its attribute conventions.

Nodes are people (``kind="person"``), bodies (``kind="body"``) and events (``kind="event"``),
keyed by their ids. Every membership is an edge person → body with ``rel_type="MEMBER_OF"``; every
participation an edge person → event with ``rel_type="PARTICIPATED_IN"`` (and its ``role``);
every relationship is an edge subject → object with ``rel_type`` its type. Dates are ISO strings
(partial where the source is), lists of sources are tuples; absent values are absent attributes,
never ``None``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from .dates import PartialDate, alive_on
from .errors import InvalidValueError, UnknownIdError
from .models import (
    Body,
    Confidence,
    Dataset,
    Event,
    Membership,
    Participation,
    Person,
    Relationship,
    RelType,
)

if TYPE_CHECKING:
    import networkx as nx

MEMBER_OF = "MEMBER_OF"
PARTICIPATED_IN = "PARTICIPATED_IN"
#: Every ``rel_type`` an edge can have.
EDGE_TYPES: tuple[str, ...] = (MEMBER_OF, PARTICIPATED_IN, *(t.value for t in RelType))


def build_graph(dataset: Dataset, as_of: date | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph of the dataset; with ``as_of``, only what stood on that day.

    As of a day: people not known to be unborn or dead, bodies that existed, memberships and
    relationships in force (started by then and not yet ended; an open end means still in force).
    A person whose dates cannot tell whether they were alive that day (no death date, no birth
    date, or a partial date around the day) is kept with ``alive="unknown"``, and the graph's
    ``alive_unknown`` counts them: a missing death date never makes someone alive in 1953.
    Edge keys are ``"<rel_type>:<n>"``, unique between two nodes.
    """
    import networkx as nx

    graph = nx.MultiDiGraph(as_of=as_of.isoformat() if as_of else "")
    for person in dataset.people.values():
        alive = True if as_of is None else alive_on(person.born, person.died, as_of)
        if alive is not False:
            unknown = {"alive": "unknown"} if alive is None else {}
            graph.add_node(person.id, **person_attributes(person), **unknown)
    if as_of is not None:
        graph.graph["alive_unknown"] = sum(1 for _, d in graph.nodes(data="alive") if d)
    for body in dataset.bodies.values():
        if as_of is None or _in_force(body.start, body.end, as_of):
            graph.add_node(body.id, **body_attributes(body))
    for event in dataset.events.values():
        if as_of is None or not (event.start and event.start.is_after(as_of)):
            graph.add_node(event.id, **event_attributes(event))
    for membership in dataset.memberships:
        if _edge_wanted(graph, membership.person, membership.body, membership, as_of):
            _add_edge(graph, membership.person, membership.body, membership_attributes(membership))
    for rel in dataset.relationships:
        if _edge_wanted(graph, rel.subject, rel.object, rel, as_of):
            _add_edge(graph, rel.subject, rel.object, relationship_attributes(rel))
    for part in dataset.participants:
        if part.person in graph and part.event in graph:
            _add_edge(graph, part.person, part.event, participation_attributes(part))
    return graph


def unknown_alive(dataset: Dataset, day: date) -> list[str]:
    """Ids of the people whose dates cannot tell whether they were alive on ``day`` (shown in a
    snapshot of that day marked ``alive="unknown"``), sorted."""
    people = dataset.people.values()
    return sorted(p.id for p in people if alive_on(p.born, p.died, day) is None)


def select_subgraph(
    dataset: Dataset,
    *,
    body: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    as_of: date | None = None,
    rel_types: list[str] | None = None,
    min_confidence: str | None = None,
) -> nx.MultiDiGraph:
    """The part of the graph a page shows: filtered by date, type, confidence, body or focus."""
    import networkx as nx

    graph = build_graph(dataset, as_of=as_of)
    if rel_types is not None:
        unknown = [t for t in rel_types if t not in EDGE_TYPES]
        if unknown:
            raise UnknownIdError("relationship type", unknown[0], EDGE_TYPES)
    threshold = _confidence_rank(min_confidence)
    drop = [
        (u, v, k)
        for u, v, k, data in graph.edges(keys=True, data=True)
        if (rel_types is not None and data["rel_type"] not in rel_types)
        or ("confidence" in data and Confidence(data["confidence"]).rank > threshold)
    ]
    graph.remove_edges_from(drop)
    if body is not None:
        if body not in dataset.bodies:
            raise UnknownIdError("body", body, dataset.bodies)
        members = {m.person for m in dataset.memberships_by_body.get(body, [])}
        _keep_only(graph, members | {body})
    if focus is not None:
        if focus not in dataset.people:
            raise UnknownIdError("person", focus, dataset.people)
        if focus not in graph:
            raise InvalidValueError(f"{focus!r} is not in the graph on that date")
        # Breadth-first over a view that ignores direction: nx.ego_graph(undirected=True) copies
        # the whole graph first (12 s of a 15 s page at 100k relationships).
        undirected = graph.to_undirected(as_view=True)
        _keep_only(graph, nx.single_source_shortest_path_length(undirected, focus, cutoff=depth))
    return graph


def _keep_only(graph: nx.MultiDiGraph, keep: Collection[str]) -> None:
    """Remove every node not in ``keep``, in place, so the rest keep their order (and output)."""
    graph.remove_nodes_from([node for node in graph if node not in keep])


def _confidence_rank(level: str | None) -> int:
    if level is None:
        return len(Confidence) - 1
    try:
        return Confidence(level).rank
    except ValueError:
        names = ", ".join(c.value for c in Confidence)
        raise InvalidValueError(f"unknown confidence {level!r} (one of: {names})") from None


def _in_force(start: PartialDate | None, end: PartialDate | None, day: date) -> bool:
    """True unless the span certainly starts after ``day`` or certainly ends before it."""
    return not (start and start.is_after(day)) and not (end and end.is_before(day))


def _edge_wanted(
    graph: nx.MultiDiGraph, u: str, v: str, row: Membership | Relationship, as_of: date | None
) -> bool:
    if u not in graph or v not in graph:
        return False
    return as_of is None or _in_force(row.start, row.end, as_of)


def _add_edge(graph: nx.MultiDiGraph, u: str, v: str, attributes: dict[str, Any]) -> None:
    existing = graph.number_of_edges(u, v)
    graph.add_edge(u, v, key=f"{attributes['rel_type']}:{existing}", **attributes)


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values and turn dates into ISO strings."""
    cleaned: dict[str, Any] = {}
    for name, value in attributes.items():
        # Dates first: comparing a date with "" would cost a dataclass __eq__ per attribute.
        if isinstance(value, PartialDate):
            cleaned[name] = str(value)
        elif value is not None and value not in ("", ()):
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
    """Edge attributes of a membership."""
    return _clean(
        {
            "rel_type": MEMBER_OF,
            "role": membership.role.value,
            "start": membership.start,
            "end": membership.end,
            "note": membership.note,
            "sources": membership.sources,
        }
    )


def relationship_attributes(rel: Relationship) -> dict[str, Any]:
    """Edge attributes of a relationship between two people."""
    return _clean(
        {
            "rel_type": rel.type.value,
            "start": rel.start,
            "end": rel.end,
            "confidence": rel.confidence.value,
            "note": rel.note,
            "sources": rel.sources,
        }
    )


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
