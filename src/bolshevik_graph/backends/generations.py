"""Loading a dataset as a new *generation* that becomes current in one small transaction.

A load never writes into the graph queries are reading. It asks the pointer node
(``:BolshevikGraphCurrent``) for a new generation number, writes every node and relationship of
the dataset in batches, each its own committed transaction, as nodes carrying that number in
their ``generation`` property, then, in one transaction that changes one property, makes the
pointer name the new generation. Only then are the other generations removed (in batches too).
The canned queries start from the pointer (``MATCH (current:BolshevikGraphCurrent)``) and only
look at nodes of its generation; relationships never join two generations. So a load cut off at
any point leaves the previous complete graph current, and the next load removes what the cut-off
one had written.

Both engines run this module with the same statements; a backend only supplies a
:class:`Session` (read, write in one transaction, write in server-side batches).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from ..errors import QueryError
from ..models import Dataset
from ..progress import Progress
from .base import Changes, LoadReport
from .statements import CURRENT_LABEL, PROJECT_LABEL, batches, load_steps

#: The ``name`` of the pointer node (a uniqueness constraint keeps it to one node).
POINTER = "bolshevik-graph"

# Each first writes the pointer (taking Neo4j's lock on it) and only then reads it, so two loads
# at once cannot both take one number or both switch from the same generation.
ALLOCATE = (
    f"MERGE (c:{CURRENT_LABEL} {{name: '{POINTER}'}}) SET c.locked = true "
    "WITH c SET c.last = coalesce(c.last, c.generation, 0) + 1 REMOVE c.locked "
    "RETURN c.generation AS previous, c.last AS generation"
)
SWITCH = (
    f"MATCH (c:{CURRENT_LABEL} {{name: '{POINTER}'}}) SET c.locked = true "
    "WITH c, (c.generation IS NULL AND $previous IS NULL) OR c.generation = $previous AS ours "
    "SET c.generation = CASE WHEN ours THEN $generation ELSE c.generation END REMOVE c.locked "
    "RETURN ours AS switched"
)
_OF_GENERATION = "n.generation = $generation"
_LEGACY = "n.generation IS NULL"  # loaded by a version without generations
NOT_CURRENT = "n.generation IS NULL OR n.generation <> $generation"


def _count_nodes(where: str) -> str:
    return f"MATCH (n:{PROJECT_LABEL}) WHERE {where} RETURN count(n) AS n"


def _count_relationships(where: str) -> str:
    return f"MATCH (n:{PROJECT_LABEL})-[r]->(:{PROJECT_LABEL}) WHERE {where} RETURN count(r) AS n"


def removal(where: str) -> tuple[str, str]:
    """Statements deleting the project's nodes that match ``where`` (over ``n``): relationships
    first, one by one, so that no batch holds a hub's million edges; then the nodes.

    Each ends in a ``CALL { ... }`` subquery that a :class:`Session` runs in batches (Neo4j's
    documented form for large deletes; the subquery must be kept as it is)."""
    return (
        f"MATCH (n:{PROJECT_LABEL})-[r]->() WHERE {where} CALL {{ WITH r DELETE r }}",
        f"MATCH (n:{PROJECT_LABEL}) WHERE {where} CALL {{ WITH n DETACH DELETE n }}",
    )


REMOVE_POINTER = f"MATCH (c:{CURRENT_LABEL}) DELETE c"


class Session(Protocol):
    """What the loader needs from an engine; rows come back as plain dicts."""

    def read(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a read."""
        ...

    def write(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a write in one transaction, committed before this returns."""
        ...

    def write_batched(self, cypher: str, params: Mapping[str, Any]) -> None:
        """Run a write ending in a ``CALL { ... }`` subquery (see :func:`check_batched`),
        committing every few thousand rows where the engine can (Neo4j: ``IN TRANSACTIONS``),
        else in one transaction."""
        ...


def check_batched(cypher: str) -> str:
    """``cypher`` if it ends in the ``CALL { ... }`` subquery batching needs; else an error (so
    that a statement Neo4j would refuse fails on the embedded engine's tests too)."""
    if not cypher.rstrip().endswith("}") or "CALL {" not in cypher:
        raise QueryError(f"not a statement to run in batches (no final CALL {{ ... }}): {cypher}")
    return cypher


def load_generation(
    session: Session, dataset: Dataset, progress: Progress | None = None
) -> LoadReport:
    """Write ``dataset`` as a new generation, make it current, remove the others."""
    steps = load_steps(dataset)
    total = sum(len(step.rows) for step in steps)
    allocated = session.write(ALLOCATE, {})[0]
    previous, generation = allocated["previous"], int(allocated["generation"])
    before = _counts(session, _LEGACY if previous is None else _OF_GENERATION, previous)
    written = {"nodes": 0, "relationships": 0}
    matched = dict.fromkeys(written, 0)
    updated = dict.fromkeys(written, 0)
    try:
        for step in steps:
            for batch in batches(step.rows):
                session.write(step.cypher, {"rows": batch, "generation": generation})
                if previous is not None:
                    params = {"generation": generation, "previous": previous}
                    diff = session.read(step.diff, {"rows": step.diff_rows(batch), **params})[0]
                    matched[step.kind] += diff["matched"]
                    updated[step.kind] += diff["updated"]
                written[step.kind] += len(batch)
                if progress:
                    progress(sum(written.values()), total)
        _check_complete(session, generation, written["nodes"])
        switched = session.write(SWITCH, {"previous": previous, "generation": generation})
        if not (switched and switched[0]["switched"]):
            raise QueryError("another load made its graph current first")
    except Exception as err:  # an interrupt skips the clean-up: the next load does it
        _discard(session, generation)
        if isinstance(err, QueryError):
            raise QueryError(f"loading failed, the previous graph stays current: {err}") from err
        raise
    for statement in removal(NOT_CURRENT):
        session.write_batched(statement, {"generation": generation})
    after = _counts(session, _OF_GENERATION, generation)
    return LoadReport(
        generation,
        after["nodes"],
        after["relationships"],
        _changes(written["nodes"], matched["nodes"], updated["nodes"], before["nodes"]),
        _changes(
            written["relationships"],
            matched["relationships"],
            updated["relationships"],
            before["relationships"],
        ),
    )


def wipe(session: Session) -> None:
    """Remove every node the project loaded, in every generation, and the pointer."""
    for statement in removal("true"):
        session.write_batched(statement, {})
    session.write(REMOVE_POINTER, {})


def _counts(session: Session, where: str, generation: Any) -> dict[str, int]:
    params = {"generation": generation}
    return {
        "nodes": session.read(_count_nodes(where), params)[0]["n"],
        "relationships": session.read(_count_relationships(where), params)[0]["n"],
    }


def _check_complete(session: Session, generation: int, nodes: int) -> None:
    """Refuse to switch to a generation that lost nodes (a concurrent load removed them)."""
    found = session.read(_count_nodes(_OF_GENERATION), {"generation": generation})[0]["n"]
    if found != nodes:
        raise QueryError(
            f"generation {generation} holds {found} of its {nodes} nodes "
            "(another load running at the same time?)"
        )


def _discard(session: Session, generation: int) -> None:
    """Best effort: remove what a failed load wrote (the next load would remove it anyway)."""
    try:
        for statement in removal(_OF_GENERATION):
            session.write_batched(statement, {"generation": generation})
    except Exception:  # the load's own error is the one to report
        pass


def _changes(written: int, matched: int, updated: int, before: int) -> Changes:
    return Changes(max(0, written - matched), updated, max(0, before - matched))
