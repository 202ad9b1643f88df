"""The one set of Cypher load statements both engines run, and the parameter rows they take.

Nodes are merged on their ids, edges on a stable key built from their columns, so loading the same
dataset twice changes nothing. Labels and relationship types come from the vocabularies in
:mod:`bolshevik_graph.models`, never from user input: they cannot be Cypher parameters. Rows are
built from the records as they are sent, so a load holds one batch of them at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import batched
from typing import Any

from ..derived import killed_on_orders_of
from ..graph import (
    MEMBER_OF,
    PARTICIPATED_IN,
    body_attributes,
    event_attributes,
    membership_attributes,
    participation_attributes,
    person_attributes,
    relationship_attributes,
)
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
BATCH_SIZE = 5000

CONSTRAINTS = (
    "CREATE CONSTRAINT bolshevik_graph_person_id IF NOT EXISTS "
    "FOR (n:Person) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT bolshevik_graph_body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT bolshevik_graph_event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
)

_NODES = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row, n:" + PROJECT_LABEL
_MEMBERSHIPS = (
    "UNWIND $rows AS row MATCH (p:Person {id: row.person}) MATCH (b:Body {id: row.body}) "
    f"MERGE (p)-[r:{MEMBER_OF} {{key: row.key}}]->(b) SET r += row.props"
)
_PARTICIPANTS = (
    "UNWIND $rows AS row MATCH (p:Person {id: row.person}) MATCH (e:Event {id: row.event}) "
    f"MERGE (p)-[r:{PARTICIPATED_IN} {{key: row.key}}]->(e) SET r += row.props"
)
_RELATIONSHIPS = (
    "UNWIND $rows AS row MATCH (a:Person {{id: row.subject}}) MATCH (b:Person {{id: row.object}}) "
    "MERGE (a)-[r:{type} {{key: row.key}}]->(b) SET r += row.props"
)

COUNT_NODES = f"MATCH (n:{PROJECT_LABEL}) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = f"MATCH (:{PROJECT_LABEL})-[r]->(:{PROJECT_LABEL}) RETURN count(r) AS n"
WIPE = f"MATCH (n:{PROJECT_LABEL}) DETACH DELETE n"


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
    """One load statement and all the rows it takes (sent in batches)."""

    cypher: str
    rows: Collection[Row]


def _props(attributes: dict[str, Any]) -> dict[str, Any]:
    """Attributes as Cypher properties: lists for tuples, no graph-only keys."""
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in attributes.items()
        if key not in ("kind", "rel_type")
    }


def load_steps(dataset: Dataset) -> list[Step]:
    """Every statement needed to load ``dataset``, nodes before the edges that need them."""

    def person(p: Person) -> Row:
        derived = {"killed_on_stalins_orders": killed_on_orders_of(dataset, p.id)}
        return {"id": p.id, **_props(person_attributes(p)), **derived}

    steps = [
        Step(_NODES.format(label="Person"), Rows(list(dataset.people.values()), person)),
        Step(_NODES.format(label="Body"), Rows(list(dataset.bodies.values()), _body)),
        Step(_NODES.format(label="Event"), Rows(list(dataset.events.values()), _event)),
        Step(_MEMBERSHIPS, Rows(dataset.memberships, _membership)),
        Step(_PARTICIPANTS, Rows(dataset.participants, _participation)),
    ]
    for rel_type in RelType:
        of_type = [r for r in dataset.relationships if r.type is rel_type]
        if of_type:
            steps.append(
                Step(_RELATIONSHIPS.format(type=rel_type.value), Rows(of_type, _relationship))
            )
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
