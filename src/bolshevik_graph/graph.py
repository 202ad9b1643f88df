"""``build_graph``: the networkx view of a dataset, and its attribute conventions.

Nodes are people (``kind="person"``), bodies (``kind="body"``) and events (``kind="event"``),
keyed by their ids. Every membership is an edge person → body with ``rel_type="MEMBER_OF"``; every
participation an edge person → event with ``rel_type="PARTICIPATED_IN"`` (and its ``role``);
every relationship is an edge subject → object with ``rel_type`` its type. Dates are ISO strings
(partial where the source is), lists of sources are tuples; absent values are absent attributes,
never ``None``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .attributes import (
    EDGE_ATTRIBUTES,
    MEMBER_OF,
    PARTICIPATED_IN,
    body_attributes,
    event_attributes,
    person_attributes,
)
from .collector import paused_collector
from .dates import PartialDate, alive_on
from .errors import InvalidValueError, UnknownIdError
from .models import (
    Confidence,
    Dataset,
    Membership,
    Participation,
    Person,
    Relationship,
    RelType,
)

if TYPE_CHECKING:
    import networkx as nx

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
    present, unknown = _present(dataset, as_of)
    return _build(dataset, as_of, present, unknown, None)


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
    """The part of the graph a page shows: filtered by date, type, confidence, body or focus.

    The nodes to keep are found first, on plain sets of ids, and only they and their edges are
    built: a 2-hop page at 1M relationships no longer builds (and then prunes) the whole graph.
    The result is the graph ``build_graph`` would give, pruned, down to the order of its nodes
    and edges and their keys."""
    keep, unknown, wanted = _chosen(
        dataset, body, focus, depth, as_of, rel_types, _confidence_rank(min_confidence)
    )
    return _build(dataset, as_of, keep, unknown, wanted)


@dataclass(frozen=True, slots=True)
class Selection:
    """The nodes and edges :func:`select_subgraph` would give (across all dates), as plain lists
    in the order its graph iterates them: each node with its attributes, each edge as (from, to,
    attributes). What a page is made of, without a networkx graph."""

    nodes: list[tuple[str, dict[str, Any]]]
    edges: list[tuple[str, str, dict[str, Any]]]


def select_rows(
    dataset: Dataset,
    *,
    body: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rel_types: list[str] | None = None,
    min_confidence: str | None = None,
) -> Selection:
    """:func:`select_subgraph`'s nodes and edges as lists (building a graph of a million edges
    was a fifth of a page's time and most of its memory)."""
    keep, _, wanted = _chosen(
        dataset, body, focus, depth, None, rel_types, _confidence_rank(min_confidence)
    )
    nodes = [(key, make(row)) for key, make, row in _node_rows(dataset, None) if key in keep]
    # As networkx keeps them: edges from each node in node order; from one node, by the node
    # they go to, in the order of the first edge between the two (even if that one is filtered
    # out, as select_subgraph adds and then removes it); between two, in file order.
    out: dict[str, dict[str, list[dict[str, Any]]]] = {key: {} for key, _ in nodes}
    for u, v, record in _edge_rows(dataset, None):
        if u in keep and v in keep:
            targets = out[u]
            between = targets.get(v)
            if between is None:
                between = targets[v] = []
            if wanted is None or wanted(record):
                between.append(EDGE_ATTRIBUTES[type(record)](record))  # type: ignore[operator]
    edges = [
        (u, v, attributes)
        for u, targets in out.items()
        for v, between in targets.items()
        for attributes in between
    ]
    return Selection(nodes, edges)


def _chosen(
    dataset: Dataset,
    body: str | None,
    focus: str | None,
    depth: int,
    as_of: date | None,
    rel_types: list[str] | None,
    threshold: int,
) -> tuple[set[str], set[str], Callable[[EdgeRecord], bool] | None]:
    """The nodes a selection keeps, the people among them not known to be alive on ``as_of``,
    and the filter its edges pass (None: all)."""
    if rel_types is not None:
        strange = [t for t in rel_types if t not in EDGE_TYPES]
        if strange:
            raise UnknownIdError("relationship type", strange[0], EDGE_TYPES)
    wanted = _edge_filter(rel_types, threshold)
    keep, unknown = _present(dataset, as_of)
    if body is not None:
        if body not in dataset.bodies:
            raise UnknownIdError("body", body, dataset.bodies)
        members = {m.person for m in dataset.memberships_by_body.get(body, [])}
        keep = {node for node in keep if node in members or node == body}
    if focus is not None:
        if focus not in dataset.people:
            raise UnknownIdError("person", focus, dataset.people)
        if focus not in keep:
            raise InvalidValueError(f"{focus!r} is not in the graph on that date")
        keep = _around(dataset, as_of, keep, wanted, focus, depth)
    return keep, unknown, wanted


def _present(dataset: Dataset, as_of: date | None) -> tuple[set[str], set[str]]:
    """The ids of the nodes standing on ``as_of`` (all of them without a day), and those of the
    people among them whose dates cannot tell whether they were alive that day."""
    if as_of is None:
        return {*dataset.people, *dataset.bodies, *dataset.events}, set()
    day = as_of.toordinal()
    present: set[str] = set()
    unknown: set[str] = set()
    for key, p in dataset.people.items():
        alive = alive_on(p.born, p.died, as_of)
        if alive is not False:
            present.add(key)
            if alive is None:
                unknown.add(key)
    present.update(key for key, b in dataset.bodies.items() if _stands(b.start, b.end, day))
    present.update(
        key for key, e in dataset.events.items() if not (e.start and e.start.first > day)
    )
    return present, unknown


def _stands(start: PartialDate | None, end: PartialDate | None, day: int) -> bool:
    """True unless the span certainly starts after ``day`` (a day number) or certainly ends
    before it."""
    return not (start and start.first > day) and not (end and end.last < day)


EdgeRecord = Membership | Relationship | Participation


def _edge_rows(dataset: Dataset, as_of: date | None) -> Iterator[tuple[str, str, EdgeRecord]]:
    """Every edge's ends and record, in the order ``build_graph`` adds them, those not in force
    on ``as_of`` left out (an edge between two absent nodes is left out by the caller)."""
    day = as_of.toordinal() if as_of else 0
    for m in dataset.memberships:
        if as_of is None or _stands(m.start, m.end, day):
            yield m.person, m.body, m
    for r in dataset.relationships:
        if as_of is None or _stands(r.start, r.end, day):
            yield r.subject, r.object, r
    for p in dataset.participants:
        yield p.person, p.event, p


def _rel_type(record: EdgeRecord) -> str:
    if isinstance(record, Relationship):
        return record.type.value
    return MEMBER_OF if isinstance(record, Membership) else PARTICIPATED_IN


def _edge_filter(
    rel_types: list[str] | None, threshold: int
) -> Callable[[EdgeRecord], bool] | None:
    """Whether an edge passes the type and confidence filters; None when nothing is filtered
    (so no edge's confidence is ranked for nothing)."""
    weakest = len(Confidence) - 1
    if rel_types is None and threshold >= weakest:
        return None
    types = set(EDGE_TYPES if rel_types is None else rel_types)
    allowed = {c for c in Confidence if c.rank <= threshold}

    def wanted(record: EdgeRecord) -> bool:
        if isinstance(record, Relationship):
            return record.type.value in types and record.confidence in allowed
        return _rel_type(record) in types

    return wanted


def _around(
    dataset: Dataset,
    as_of: date | None,
    keep: set[str],
    wanted: Callable[[EdgeRecord], bool] | None,
    focus: str,
    depth: int,
) -> set[str]:
    """The nodes within ``depth`` steps of ``focus`` in either direction, over the edges that
    pass the filters between nodes of ``keep``."""
    around: defaultdict[str, list[str]] = defaultdict(list)  # no empty list made per edge
    for u, v, record in _edge_rows(dataset, as_of):
        if u in keep and v in keep and (wanted is None or wanted(record)):
            around[u].append(v)
            around[v].append(u)
    reached = {focus}
    frontier = [focus]
    for _ in range(depth):
        found = []
        for node in frontier:
            for other in around.get(node, ()):
                if other not in reached:
                    reached.add(other)
                    found.append(other)
        frontier = found
    return reached


def _build(
    dataset: Dataset,
    as_of: date | None,
    keep: set[str],
    unknown: set[str],
    wanted: Callable[[EdgeRecord], bool] | None,
) -> nx.MultiDiGraph:
    """The graph of the nodes in ``keep`` and the edges between them that pass ``wanted``.

    Nodes go in through networkx's bulk call, edges one by one, in build_graph's order. An edge that
    fails ``wanted`` is added and then removed, as pruning the whole graph would, so the edges
    that stay come out in the same order with the same keys."""
    import networkx as nx

    graph = nx.MultiDiGraph(as_of=as_of.isoformat() if as_of else "")
    if as_of is not None:
        graph.graph["alive_unknown"] = len(unknown)
    with paused_collector():
        _fill(graph, dataset, as_of, keep, unknown, wanted)
    return graph


def _person(unknown: set[str]) -> Callable[[Person], dict[str, Any]]:
    """Node attributes of a person, marked ``alive="unknown"`` when in ``unknown``."""

    def attributes(person: Person) -> dict[str, Any]:
        made = person_attributes(person)
        if person.id in unknown:
            made["alive"] = "unknown"
        return made

    return attributes


def _node_rows(
    dataset: Dataset, unknown: set[str] | None
) -> Iterator[tuple[str, Callable[[Any], dict[str, Any]], Any]]:
    """Every node's id, attribute maker and record, in the graph's order of nodes."""
    person = _person(unknown) if unknown else person_attributes
    yield from ((key, person, p) for key, p in dataset.people.items())
    yield from ((key, body_attributes, b) for key, b in dataset.bodies.items())
    yield from ((key, event_attributes, e) for key, e in dataset.events.items())


def _fill(
    graph: nx.MultiDiGraph,
    dataset: Dataset,
    as_of: date | None,
    keep: set[str],
    unknown: set[str],
    wanted: Callable[[EdgeRecord], bool] | None,
) -> None:
    nodes = _node_rows(dataset, unknown)
    graph.add_nodes_from((key, make(row)) for key, make, row in nodes if key in keep)
    dropped: list[tuple[str, str, str]] = []
    # add_edge one by one: networkx's add_edges_from calls it for each edge anyway, then updates
    # the attributes through a view (measured: 20% slower).
    add_edge, count = graph.add_edge, graph.number_of_edges
    for u, v, record in _edge_rows(dataset, as_of):
        if u not in keep or v not in keep:
            continue
        key = f"{_rel_type(record)}:{count(u, v)}"
        if wanted is None or wanted(record):
            add_edge(u, v, key, **EDGE_ATTRIBUTES[type(record)](record))  # type: ignore[operator]
        else:
            dropped.append((u, v, key))
            add_edge(u, v, key)
    graph.remove_edges_from(dropped)


def _confidence_rank(level: str | None) -> int:
    if level is None:
        return len(Confidence) - 1
    try:
        return Confidence(level).rank
    except ValueError:
        names = ", ".join(c.value for c in Confidence)
        raise InvalidValueError(f"unknown confidence {level!r} (one of: {names})") from None
