"""Graph analyses: the shortest chain between two people, centrality, a person's timeline, and
how a body's members survived year by year. Pure functions from a dataset or graph to records."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .dates import PartialDate
from .derived import killed_on_orders_of
from .errors import InvalidValueError, UnknownIdError
from .models import Confidence, Dataset

if TYPE_CHECKING:
    import networkx as nx

CENTRALITY_MEASURES = ("degree", "betweenness", "pagerank")


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a chain: ``source`` —rel_type→ ``target``; ``forward`` False if walked back."""

    source: str
    source_name: str
    rel_type: str
    target: str
    target_name: str
    forward: bool
    role: str
    start: str
    end: str
    confidence: str
    sources: str


def find_path(
    dataset: Dataset,
    a: str,
    b: str,
    *,
    as_of: date | None = None,
    rel_types: list[str] | None = None,
) -> list[Step]:
    """The shortest chain between the people ``a`` and ``b`` (ids or any of their names), on the
    graph as it stood ``as_of`` and walking only ``rel_types`` when given.

    Says plainly when both name the same person, or when one was not alive on ``as_of``."""
    from .graph import select_subgraph
    from .names import resolve_person

    ends = [resolve_person(dataset, a), resolve_person(dataset, b)]
    if ends[0] == ends[1]:
        person = dataset.people[ends[0]]
        raise InvalidValueError(
            f"{a!r} and {b!r} are the same person, {person.name} ({person.id}): "
            "a chain needs two different people"
        )
    graph = select_subgraph(dataset, as_of=as_of, rel_types=rel_types)
    for end in ends:
        if end not in graph:
            person = dataset.people[end]
            life = f"{person.born or '?'} – {person.died or '?'}"
            raise InvalidValueError(
                f"{person.name} ({end}) was not alive on {as_of} (lived {life})"
            )
    return shortest_path(graph, ends[0], ends[1])


def shortest_path(graph: nx.MultiDiGraph, a: str, b: str) -> list[Step]:
    """The shortest chain of edges between nodes ``a`` and ``b``, direction ignored.

    Among parallel edges the surest and earliest is shown. Raises when either end is missing or
    no chain exists.
    """
    import networkx as nx

    for node in (a, b):
        if node not in graph:
            raise UnknownIdError("person", node, graph.nodes)
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath:
        names = [f"{graph.nodes[n].get('name', n)} ({n})" for n in (a, b)]
        raise InvalidValueError(
            f"no chain of relationships links {names[0]} and {names[1]}"
        ) from None
    return [_step(graph, u, v) for u, v in pairwise(nodes)]


def _step(graph: nx.MultiDiGraph, u: str, v: str) -> Step:
    forward = graph.has_edge(u, v)
    edges = (graph.get_edge_data(u, v) if forward else graph.get_edge_data(v, u)) or {}
    data = min(
        edges.values(),
        key=lambda d: (
            Confidence(d.get("confidence", "certain")).rank,
            d.get("start", ""),
            d["rel_type"],
        ),
    )
    source, target = (u, v) if forward else (v, u)
    return Step(
        source=source,
        source_name=graph.nodes[source].get("name", source),
        rel_type=data["rel_type"],
        target=target,
        target_name=graph.nodes[target].get("name", target),
        forward=forward,
        role=data.get("role", ""),
        start=data.get("start", ""),
        end=data.get("end", ""),
        confidence=data.get("confidence", ""),
        sources=";".join(data.get("sources", ())),
    )


def collapse(graph: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple graph: one edge per linked pair, ``weight`` = how many edges (of any
    type, either direction) the multigraph had between them. Bodies and events stay as nodes, so
    sharing a committee links two people through it rather than directly."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges():
        weight = simple.get_edge_data(u, v, {"weight": 0})["weight"]
        simple.add_edge(u, v, weight=weight + 1)
    return simple


@dataclass(frozen=True, slots=True)
class Central:
    """A person and their centrality score."""

    rank: int
    id: str
    name: str
    score: float


def centrality(graph: nx.MultiDiGraph, by: str = "degree", top: int = 10) -> list[Central]:
    """The ``top`` people by ``by`` (degree, betweenness or pagerank) on :func:`collapse`.

    Degree and betweenness ignore weights (a link is a link); PageRank uses them (a pair linked
    by several relationships passes more weight).
    """
    import networkx as nx

    if by not in CENTRALITY_MEASURES:
        raise UnknownIdError("centrality measure", by, CENTRALITY_MEASURES)
    simple = collapse(graph)
    if by == "degree":
        scores = nx.degree_centrality(simple)
    elif by == "betweenness":
        scores = nx.betweenness_centrality(simple)
    else:
        scores = nx.pagerank(simple, weight="weight")
    people = [n for n, d in simple.nodes(data=True) if d.get("kind") == "person"]
    ranked = sorted(people, key=lambda n: (-scores[n], n))[:top]
    return [
        Central(i + 1, n, simple.nodes[n].get("name", n), round(scores[n], 6))
        for i, n in enumerate(ranked)
    ]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated line of a person's life."""

    date: str
    end: str
    what: str
    detail: str
    sources: str


def timeline(dataset: Dataset, person: str) -> list[TimelineEntry]:
    """A person's birth, memberships, relationships, events and death, in date order.

    ``person`` is an id or any of their names; entries name the other people, bodies and events
    (with the id of a body or event, to look it up further)."""
    from .names import resolve_person

    person_id = resolve_person(dataset, person)
    record = dataset.people[person_id]
    src = ";".join(record.sources)
    entries = []
    if record.born:
        entries.append(TimelineEntry(str(record.born), "", "born", record.born_place, src))
    for m in dataset.memberships_by_person.get(person_id, []):
        body = f"{dataset.bodies[m.body].name} ({m.body})"
        entries.append(_entry(m.start, m.end, f"{m.role} of {body}", m.note, m.sources))
    for r in dataset.relationships_by_subject.get(person_id, []):
        other = dataset.people[r.object].name
        what = f"{r.type} {other}"
        entries.append(_entry(r.start, r.end, what, str(r.confidence), r.sources))
    for r in dataset.relationships_by_object.get(person_id, []):
        other = dataset.people[r.subject].name
        what = f"{other} {r.type} them"
        entries.append(_entry(r.start, r.end, what, str(r.confidence), r.sources))
    for p in dataset.participants_by_person.get(person_id, []):
        event = dataset.events[p.event]
        detail = f"sentence: {p.sentence}" if p.sentence else ""
        what = f"{p.role} in {event.name} ({event.id})"
        entries.append(_entry(event.start, event.end, what, detail, p.sources))
    if record.died:
        fate = record.fate.value.replace("_", " ") + (
            f": {record.fate_detail}" if record.fate_detail else ""
        )
        entries.append(TimelineEntry(str(record.died), "", "died", fate, src))
    return sorted(entries, key=lambda e: (e.date or "9999", e.what))


def _entry(
    start: PartialDate | None,
    end: PartialDate | None,
    what: str,
    detail: str,
    sources: tuple[str, ...],
) -> TimelineEntry:
    return TimelineEntry(str(start or ""), str(end or ""), what, detail, ";".join(sources))


@dataclass(frozen=True, slots=True)
class SurvivalYear:
    """A body's members at the end of one year: alive, dead, and not known (no death date)."""

    year: int
    alive: int
    dead: int
    unknown: int
    killed_on_stalins_orders: int


def survival(
    dataset: Dataset, body: str = "cc-1917-aug", first: int = 1917, last: int = 1960
) -> list[SurvivalYear]:
    """For each year: members alive on 31 December, the dead, those whose death date is unknown
    (counted apart, never as alive), and how many of the dead were killed on Stalin's orders."""
    if body not in dataset.bodies:
        raise UnknownIdError("body", body, dataset.bodies)
    members = {m.person for m in dataset.memberships_by_body.get(body, [])}
    people = [dataset.people[p] for p in sorted(members)]
    killed = {p.id for p in people if killed_on_orders_of(dataset, p.id)}
    unknown = sum(p.died is None for p in people)
    rows = []
    for year in range(first, last + 1):
        next_year = date(year + 1, 1, 1)
        dead = [p for p in people if p.died is not None and p.died.is_before(next_year)]
        alive = len(people) - len(dead) - unknown
        rows.append(
            SurvivalYear(year, alive, len(dead), unknown, sum(p.id in killed for p in dead))
        )
    return rows


def to_pandas(records: list[Any]) -> Any:
    """Any list of result records (steps, central people, timeline, survival) as a DataFrame.

    Needs pandas, which is not a dependency of bolshevik-graph."""
    try:
        import pandas as pd
    except ImportError as err:
        raise InvalidValueError("to_pandas() needs pandas: pip install pandas") from err
    return pd.DataFrame([asdict(r) for r in records])
