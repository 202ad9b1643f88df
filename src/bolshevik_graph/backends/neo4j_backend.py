"""The Neo4j backend: a thin adapter over the official ``neo4j`` driver (6.x).

Reads go through read transactions with read routing, so the server itself refuses writes. A load
creates the named constraints, writes the dataset as a new generation in batches (each its own
transaction, so no transaction outgrows the server's memory cap), makes it current in one small
transaction and then removes the other generations with ``CALL { ... } IN TRANSACTIONS``
(:mod:`.generations`): a load cut off anywhere leaves the previous graph current.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ..errors import BackendUnavailableError, QueryError
from ..models import Dataset
from ..progress import Progress
from .base import LoadReport, QueryResult, is_write_query, normalise
from .generations import Session, check_batched, load_generation, wipe
from .statements import (
    CONSTRAINTS,
    COUNT_NODES,
    COUNT_RELATIONSHIPS,
    GENERATION_INDEX,
    OLD_CONSTRAINTS,
)

#: Seconds to wait for a server before saying it cannot be reached.
CONNECTION_TIMEOUT = 5.0
#: Rows per inner transaction when removing a generation (Neo4j's own example size for deletes).
DELETE_BATCH_ROWS = 10_000
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

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """Load ``dataset`` as a new generation in batches, make it current, remove the old."""
        self.prepare()
        return load_generation(self.session(), dataset, progress)

    def session(self) -> Session:
        """The loader's view of this server (:class:`.generations.Session`)."""
        return _Session(self)

    def prepare(self) -> None:
        """Replace earlier versions' one-id constraints with the (id, generation) ones (each
        backed by an index), and index ``generation`` for finding a generation's nodes."""
        statements = (*OLD_CONSTRAINTS, *CONSTRAINTS, GENERATION_INDEX)
        try:
            with self._driver.session(database=self._database) as session:
                for statement in statements:
                    session.run(statement).consume()
        except Exception as err:
            raise self._translate(err) from err

    def counts(self) -> dict[str, int]:
        """Nodes and relationships of the current generation, counted in the graph."""
        nodes = self.run(COUNT_NODES).rows[0]["n"]
        relationships = self.run(COUNT_RELATIONSHIPS).rows[0]["n"]
        return {"nodes": nodes, "relationships": relationships}

    def wipe(self) -> int:
        """Delete every node the project loaded, in every generation (and their relationships,
        in batches), and the pointer; return how many nodes were current."""
        count = self.counts()["nodes"]
        wipe(self.session())
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


class _Session:
    """The loader's view of Neo4j: each write one managed transaction; batched writes as
    ``CALL { ... } IN TRANSACTIONS`` in an auto-commit transaction (the only kind that allows
    it). One bookmark manager for all, so a read sees every write before it, on any member of a
    cluster."""

    def __init__(self, backend: Neo4jBackend) -> None:
        self._backend = backend
        self._driver = backend._driver
        self._database = backend._database
        self._routing = backend._neo4j.RoutingControl

    def _query(self, cypher: str, params: Mapping[str, Any], write: bool) -> list[dict[str, Any]]:
        routing = self._routing.WRITE if write else self._routing.READ
        try:
            records, _summary, _keys = self._driver.execute_query(
                cypher, dict(params), database_=self._database, routing_=routing
            )
        except Exception as err:
            raise self._backend._translate(err) from err
        return [record.data() for record in records]

    def read(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a read with read routing."""
        return self._query(cypher, params, write=False)

    def write(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a write in one transaction."""
        return self._query(cypher, params, write=True)

    def write_batched(self, cypher: str, params: Mapping[str, Any]) -> None:
        """Run ``cypher`` (ending in ``CALL { ... }``) committing every DELETE_BATCH_ROWS rows."""
        text = f"{check_batched(cypher)} IN TRANSACTIONS OF {DELETE_BATCH_ROWS} ROWS"
        bookmarks = self._driver.execute_query_bookmark_manager
        try:
            with self._driver.session(
                database=self._database, bookmark_manager=bookmarks
            ) as session:
                session.run(text, dict(params)).consume()
        except Exception as err:
            raise self._backend._translate(err) from err


def _line(err: BaseException) -> str:
    """The driver's message on one line, cut to a readable length."""
    text = " ".join(str(err).split())
    return (text[:200] + "…" if len(text) > 200 else text) or type(err).__name__
