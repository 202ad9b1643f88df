"""The one set of Cypher load statements both engines run, and the parameter rows they take.

A load writes a new *generation* of the graph beside the current one (every node carries a
``generation`` property; :mod:`.generations` runs the steps). Nodes are merged on their id and
generation, edges on a stable key built from their columns between nodes of that generation, so a
batch sent twice changes nothing. Each step also has a read statement that compares its batch with
the previous generation (matched and updated rows) for the load's report of what changed.

Labels and relationship types come from the vocabularies in :mod:`bolshevik_graph.models`, never
from user input: they cannot be Cypher parameters. Rows are built from the records as they are
sent, so a load holds one batch of them at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import batched
from typing import Any

from ..attributes import (
    MEMBER_OF,
    PARTICIPATED_IN,
    body_attributes,
    event_attributes,
    membership_attributes,
    participation_attributes,
    person_attributes,
    relationship_attributes,
)
from ..derived import killed_on_orders_of
from ..models import (
    Body,
    Dataset,
    Event,
    Membership,
    Participation,
    Person,
    Relationship,
    RelType,
)

#: An extra label on every node the project loads, so `neo4j wipe` removes only those.
PROJECT_LABEL = "BolshevikGraph"
#: The label of the one node that says which generation is current (outside PROJECT_LABEL, so
#: the project's labelled nodes are exactly the dataset's).
CURRENT_LABEL = "BolshevikGraphCurrent"
BATCH_SIZE = 5000
#: Node labels, each with a uniqueness constraint on (id, generation).
NODE_LABELS = ("Person", "Body", "Event")

CONSTRAINTS = (
    *(
        f"CREATE CONSTRAINT bolshevik_graph_{label.lower()}_key IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE (n.id, n.generation) IS UNIQUE"
        for label in NODE_LABELS
    ),
    f"CREATE CONSTRAINT bolshevik_graph_current IF NOT EXISTS "
    f"FOR (n:{CURRENT_LABEL}) REQUIRE n.name IS UNIQUE",
)
#: Finds a generation's nodes (for removing one) without scanning the others.
GENERATION_INDEX = (
    "CREATE INDEX bolshevik_graph_generation IF NOT EXISTS "
    f"FOR (n:{PROJECT_LABEL}) ON (n.generation)"
)
#: Constraints of earlier versions (one id per label), which two generations side by side break.
OLD_CONSTRAINTS = tuple(
    f"DROP CONSTRAINT bolshevik_graph_{label.lower()}_id IF EXISTS" for label in NODE_LABELS
)

_NODES = (
    "UNWIND $rows AS row MERGE (n:{label} {{id: row.id, generation: $generation}}) "
    "SET n += row, n:" + PROJECT_LABEL
)
# Plain MATCH, not OPTIONAL MATCH: rows without a previous counterpart are simply not counted
# (and grafeo 0.6.0 scans every node for an OPTIONAL MATCH, where a MATCH uses the id index).
_NODES_DIFF = (
    "UNWIND $rows AS row MATCH (o:{label} {{id: row.id, generation: $previous}}) "
    "MATCH (n:{label} {{id: row.id, generation: $generation}}) "
    "RETURN count(o) AS matched, coalesce(sum(CASE WHEN "
    "o {{.*, generation: 0}} <> n {{.*, generation: 0}} THEN 1 ELSE 0 END), 0) AS updated"
)
_EDGES = (
    "UNWIND $rows AS row "
    "MATCH (a:{start} {{id: row.{a}, generation: $generation}}) "
    "MATCH (b:{end} {{id: row.{b}, generation: $generation}}) "
    "MERGE (a)-[r:{type} {{key: row.key}}]->(b) SET r += row.props"
)
_EDGES_DIFF = (
    "UNWIND $rows AS row "
    "MATCH (c:{start} {{id: row.{a}, generation: $previous}}) "
    "MATCH (d:{end} {{id: row.{b}, generation: $previous}}) "
    "MATCH (c)-[o:{type} {{key: row.key}}]->(d) "
    "MATCH (a:{start} {{id: row.{a}, generation: $generation}}) "
    "MATCH (b:{end} {{id: row.{b}, generation: $generation}}) "
    "MATCH (a)-[r:{type} {{key: row.key}}]->(b) "
    "RETURN count(o) AS matched, coalesce(sum(CASE WHEN "
    "properties(o) <> properties(r) THEN 1 ELSE 0 END), 0) AS updated"
)

_CURRENT = f"MATCH (current:{CURRENT_LABEL}) "
COUNT_NODES = (
    _CURRENT + f"MATCH (n:{PROJECT_LABEL}) WHERE n.generation = current.generation "
    "RETURN count(n) AS n"
)
COUNT_RELATIONSHIPS = (
    _CURRENT + f"MATCH (n:{PROJECT_LABEL})-[r]->(:{PROJECT_LABEL}) "
    "WHERE n.generation = current.generation RETURN count(r) AS n"
)


Row = dict[str, Any]


class Rows[T](Collection[Row]):
    """The parameter rows of one statement, made from ``records`` one at a time as they are read
    (any number of times): a load never holds them all."""

    def __init__(self, records: Sequence[T], make: Callable[[T], Row]) -> None:
        self._records = records
        self._make = make

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Row]:
        return map(self._make, self._records)

    def __contains__(self, row: object) -> bool:
        return any(row == made for made in self)


@dataclass(frozen=True, slots=True)
class Step:
    """One load statement and all the rows it takes (sent in batches).

    ``diff`` compares a batch already written with the previous generation and needs only the
    row fields named in ``keys``; ``kind`` says whether the step writes nodes or relationships."""

    cypher: str
    rows: Collection[Row]
    diff: str = ""
    keys: tuple[str, ...] = ()
    kind: str = "nodes"
    #: The node label, or the relationship type and its start and end labels.
    label: str = ""
    ends: tuple[str, str] = ("", "")

    def diff_rows(self, batch: list[Row]) -> list[Row]:
        """The fields of ``batch`` that the diff statement reads."""
        return [{key: row[key] for key in self.keys} for row in batch]


def _props(attributes: dict[str, Any]) -> dict[str, Any]:
    """Attributes as Cypher properties: lists for tuples, no graph-only keys."""
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in attributes.items()
        if key not in ("kind", "rel_type")
    }


def _node_step(label: str, rows: Collection[Row]) -> Step:
    cypher, diff = _NODES.format(label=label), _NODES_DIFF.format(label=label)
    return Step(cypher, rows, diff, ("id",), "nodes", label)


def _edge_step(start: str, a: str, end: str, b: str, rel_type: str, rows: Collection[Row]) -> Step:
    names = {"start": start, "a": a, "end": end, "b": b, "type": rel_type}
    return Step(
        _EDGES.format(**names),
        rows,
        _EDGES_DIFF.format(**names),
        (a, b, "key"),
        "relationships",
        rel_type,
        (start, end),
    )


def load_steps(dataset: Dataset) -> list[Step]:
    """Every statement needed to load ``dataset``, nodes before the edges that need them."""

    def person(p: Person) -> Row:
        derived = {"killed_on_stalins_orders": killed_on_orders_of(dataset, p.id)}
        return {"id": p.id, **_props(person_attributes(p)), **derived}

    steps = [
        _node_step("Person", Rows(list(dataset.people.values()), person)),
        _node_step("Body", Rows(list(dataset.bodies.values()), _body)),
        _node_step("Event", Rows(list(dataset.events.values()), _event)),
        _edge_step(
            "Person", "person", "Body", "body", MEMBER_OF, Rows(dataset.memberships, _membership)
        ),
        _edge_step(
            "Person",
            "person",
            "Event",
            "event",
            PARTICIPATED_IN,
            Rows(dataset.participants, _participation),
        ),
    ]
    for rel_type in RelType:
        of_type = [r for r in dataset.relationships if r.type is rel_type]
        if of_type:
            rows = Rows(of_type, _relationship)
            steps.append(_edge_step("Person", "subject", "Person", "object", rel_type.value, rows))
    return steps


def _body(b: Body) -> Row:
    return {"id": b.id, **_props(body_attributes(b))}


def _event(e: Event) -> Row:
    return {"id": e.id, **_props(event_attributes(e))}


def _membership(m: Membership) -> Row:
    return {
        "person": m.person,
        "body": m.body,
        "key": f"{m.person}|{m.body}|{m.role}|{m.start or ''}",
        "props": _props(membership_attributes(m)),
    }


def _participation(p: Participation) -> Row:
    return {
        "person": p.person,
        "event": p.event,
        "key": f"{p.person}|{p.event}|{p.role}",
        "props": _props(participation_attributes(p)),
    }


def _relationship(r: Relationship) -> Row:
    return {
        "subject": r.subject,
        "object": r.object,
        "key": f"{r.subject}|{r.type}|{r.object}|{r.start or ''}",
        "props": _props(relationship_attributes(r)),
    }


def batches(rows: Iterable[Row], size: int = BATCH_SIZE) -> Iterator[list[Row]]:
    """``rows`` in lists of at most ``size``."""
    for batch in batched(rows, size):
        yield list(batch)
