"""The Neo4j backend: a thin adapter over the official ``neo4j`` driver (6.x).

Reads go through read transactions with read routing, so the server itself refuses writes. A load
creates the named uniqueness constraints, then runs every batch in ONE write transaction: if any
batch fails, the server rolls the whole load back and the graph is as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ..errors import BackendUnavailableError, QueryError
from ..models import Dataset
from ..progress import Progress
from .base import QueryResult, is_write_query, normalise
from .statements import CONSTRAINTS, COUNT_NODES, COUNT_RELATIONSHIPS, WIPE, batches, load_steps

#: Seconds to wait for a server before saying it cannot be reached.
CONNECTION_TIMEOUT = 5.0
#: URI schemes of the Bolt protocol (the HTTP query API is a driver preview we do not use).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

# The driver logs connection failures itself; we report them once, as a clear error.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False


class Neo4jBackend:
    """A Neo4j server or cluster, reached through the official driver."""

    name = "neo4j"

    def __init__(
        self, uri: str, user: str = "neo4j", password: str = "", database: str | None = None
    ) -> None:
        try:
            import neo4j
        except ImportError as err:
            raise BackendUnavailableError(
                "the Neo4j backend needs the neo4j driver: pip install 'bolshevik-graph[neo4j]'"
            ) from err
        self._neo4j = neo4j
        self._database = database
        self._uri = uri
        if uri.partition("://")[0] not in SCHEMES or "://" not in uri:
            raise BackendUnavailableError(
                f"bad Neo4j URI {uri!r}: expected {', '.join(s + '://' for s in SCHEMES)}HOST:PORT"
            )
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=CONNECTION_TIMEOUT,
                connection_acquisition_timeout=CONNECTION_TIMEOUT,
                max_transaction_retry_time=0,
            )
            self._driver.verify_connectivity()
            if database:  # an unknown database fails here, not in the middle of a load
                self._driver.execute_query("RETURN 1", database_=database)
        except Exception as err:
            raise self._translate(err) from err

    def _translate(self, err: Exception) -> Exception:
        """A one-line error a user can act on, for whatever the driver raised."""
        exceptions = self._neo4j.exceptions
        if isinstance(err, exceptions.AuthError):
            return BackendUnavailableError(
                f"Neo4j at {self._uri} refused the credentials "
                "(check NEO4J_USER and NEO4J_PASSWORD)"
            )
        if isinstance(err, exceptions.ServiceUnavailable | OSError):
            return BackendUnavailableError(f"cannot reach Neo4j at {self._uri}: {_line(err)}")
        if isinstance(err, exceptions.ConfigurationError | ValueError):
            return BackendUnavailableError(f"bad Neo4j URI {self._uri!r}: {_line(err)}")
        if isinstance(err, exceptions.Neo4jError):
            if err.code and "DatabaseNotFound" in err.code:
                return BackendUnavailableError(f"Neo4j has no database {self._database!r}")
            return QueryError(f"Neo4j: {err.message or _line(err)}")
        if isinstance(err, exceptions.DriverError):
            return BackendUnavailableError(f"Neo4j driver error: {_line(err)}")
        return err

    def load(self, dataset: Dataset, progress: Progress | None = None) -> dict[str, int]:
        """Create the constraints, then load every batch in one write transaction."""
        steps = load_steps(dataset)
        total = sum(len(step.rows) for step in steps)

        def work(tx: Any) -> None:
            done = 0
            for step in steps:
                for batch in batches(step.rows):
                    tx.run(step.cypher, rows=batch).consume()
                    done += len(batch)
                    if progress:
                        progress(done, total)

        self.prepare()
        try:
            with self._driver.session(database=self._database) as session:
                session.execute_write(work)
        except Exception as err:
            raise self._translate(err) from err
        return self.counts()

    def prepare(self) -> None:
        """Create the named uniqueness constraints (each backed by an index on Neo4j)."""
        try:
            with self._driver.session(database=self._database) as session:
                for constraint in CONSTRAINTS:
                    session.run(constraint).consume()
        except Exception as err:
            raise self._translate(err) from err

    def counts(self) -> dict[str, int]:
        """Nodes and relationships the project has loaded, counted in the graph."""
        nodes = self.run(COUNT_NODES).rows[0]["n"]
        relationships = self.run(COUNT_RELATIONSHIPS).rows[0]["n"]
        return {"nodes": nodes, "relationships": relationships}

    def wipe(self) -> int:
        """Delete every node the project loaded (and their relationships); return how many."""
        count = self.counts()["nodes"]
        self.run(WIPE, write=True)
        return int(count)

    def run(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run ``cypher``: reads with read routing in a read transaction, writes only if asked."""
        if not write and is_write_query(cypher):
            raise QueryError("this query writes to the graph; pass --write to allow it")
        routing = self._neo4j.RoutingControl.WRITE if write else self._neo4j.RoutingControl.READ
        try:
            records, _summary, keys = self._driver.execute_query(
                cypher, dict(params or {}), database_=self._database, routing_=routing
            )
        except Exception as err:
            raise self._translate(err) from err
        columns = list(keys)
        rows = [{column: normalise(record[column]) for column in columns} for record in records]
        return QueryResult(columns, rows)

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()


def _line(err: BaseException) -> str:
    """The driver's message on one line, cut to a readable length."""
    text = " ".join(str(err).split())
    return (text[:200] + "…" if len(text) > 200 else text) or type(err).__name__
