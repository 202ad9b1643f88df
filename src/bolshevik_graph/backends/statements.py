"""The one set of Cypher load statements both engines run, and the parameter rows they take.

Nodes are merged on their ids, edges on a stable key built from their columns, so loading the same
dataset twice changes nothing. Labels and relationship types come from the vocabularies in
:mod:`bolshevik_graph.models`, never from user input: they cannot be Cypher parameters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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
from ..models import Dataset, RelType

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


@dataclass(frozen=True, slots=True)
class Step:
    """One load statement and all the rows it takes (sent in batches)."""

    cypher: str
    rows: list[dict[str, Any]]


def _props(attributes: dict[str, Any]) -> dict[str, Any]:
    """Attributes as Cypher properties: lists for tuples, no graph-only keys."""
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in attributes.items()
        if key not in ("kind", "rel_type")
    }


def load_steps(dataset: Dataset) -> list[Step]:
    """Every statement needed to load ``dataset``, nodes before the edges that need them."""
    people = [
        {
            "id": p.id,
            **_props(person_attributes(p)),
            "killed_on_stalins_orders": killed_on_orders_of(dataset, p.id),
        }
        for p in dataset.people.values()
    ]
    bodies = [{"id": b.id, **_props(body_attributes(b))} for b in dataset.bodies.values()]
    memberships = [
        {
            "person": m.person,
            "body": m.body,
            "key": f"{m.person}|{m.body}|{m.role}|{m.start or ''}",
            "props": _props(membership_attributes(m)),
        }
        for m in dataset.memberships
    ]
    events = [{"id": e.id, **_props(event_attributes(e))} for e in dataset.events.values()]
    participants = [
        {
            "person": p.person,
            "event": p.event,
            "key": f"{p.person}|{p.event}|{p.role}",
            "props": _props(participation_attributes(p)),
        }
        for p in dataset.participants
    ]
    steps = [
        Step(_NODES.format(label="Person"), people),
        Step(_NODES.format(label="Body"), bodies),
        Step(_NODES.format(label="Event"), events),
        Step(_MEMBERSHIPS, memberships),
        Step(_PARTICIPANTS, participants),
    ]
    for rel_type in RelType:
        rows = [
            {
                "subject": r.subject,
                "object": r.object,
                "key": f"{r.subject}|{r.type}|{r.object}|{r.start or ''}",
                "props": _props(relationship_attributes(r)),
            }
            for r in dataset.relationships
            if r.type is rel_type
        ]
        if rows:
            steps.append(Step(_RELATIONSHIPS.format(type=rel_type.value), rows))
    return steps


def batches(rows: list[dict[str, Any]], size: int = BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    """``rows`` in slices of at most ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
