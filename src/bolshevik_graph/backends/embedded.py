"""The embedded backend: grafeo, in this process, in memory or in a database file.

Loads write a new generation in committed batches and make it current at the end
(:mod:`.generations`), so a failed or killed load leaves the previous graph current. Reads run in
a transaction that is always rolled back, and clauses that write are refused before they run
unless ``write=True``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..collector import paused_collector
from ..errors import BackendUnavailableError, QueryError
from ..models import Dataset
from ..progress import Progress
from .base import LoadReport, QueryResult, is_write_query, normalise
from .bounded import run_bounded
from .generations import Session, check_batched, load_generation, wipe
from .statements import CONSTRAINTS, COUNT_NODES, COUNT_RELATIONSHIPS, OLD_CONSTRAINTS


class EmbeddedBackend:
    """grafeo, in memory (``path=None``) or persistent in a database file."""

    name = "embedded"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        """Open grafeo; with ``read_only`` an existing file is opened so that nothing, not even
        a checkpoint, is written to it.

        ``memory_limit`` (bytes beyond what the process uses) and ``time_limit`` (seconds), None
        by default, bound every read: it then runs in a capped child (:mod:`.bounded`)."""
        self.memory_limit: int | None = None
        self.time_limit: float | None = None
        try:
            import grafeo
        except ImportError as err:  # pragma: no cover - grafeo is a dependency
            raise BackendUnavailableError(
                "the embedded engine needs the grafeo package (Python >= 3.12): pip install grafeo"
            ) from err
        self._error = grafeo.GrafeoError
        self._stderr = _NativeStderr()
        try:
            if path and read_only:
                self._db = grafeo.GrafeoDB.open_read_only(str(path))
            else:
                self._db = grafeo.GrafeoDB(str(path)) if path else grafeo.GrafeoDB()
        except grafeo.GrafeoError as err:
            raise BackendUnavailableError(f"cannot open the database {str(path)!r}: {err}") from err

    def prepare(self) -> None:
        """Create the constraints and the id index the load statements rely on."""
        for constraint in (*OLD_CONSTRAINTS, *CONSTRAINTS):
            self._db.execute_cypher(constraint)
        # grafeo's uniqueness constraint does not index the property (Neo4j's does): without this,
        # every MERGE and MATCH on an id scans all nodes (measured: 5,000 nodes and 10,000 edges
        # load in 0.3 s with it, 30 s without).
        if not self._db.has_property_index("id"):
            self._db.create_property_index("id")

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """Load ``dataset`` as a new generation and make it current; say what changed."""
        self.prepare()
        # Millions of parameter rows are made and dropped batch by batch: without the pause the
        # collector ran full collections over the dataset's objects (13 s of 62 s at 1M).
        with paused_collector():
            return load_generation(self.session(), dataset, progress)

    def session(self) -> Session:
        """The loader's view of this engine (:class:`.generations.Session`)."""
        return _Session(self._db, self._error)

    def wipe(self) -> int:
        """Delete every node the project loaded, in every generation, and the pointer; return
        how many nodes were current."""
        count = self.counts()["nodes"]
        wipe(self.session())
        return int(count)

    def counts(self) -> dict[str, int]:
        """Nodes and relationships of the current generation, counted in the graph."""
        nodes = self.run(COUNT_NODES).rows[0]["n"]
        relationships = self.run(COUNT_RELATIONSHIPS).rows[0]["n"]
        return {"nodes": nodes, "relationships": relationships}

    def run(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run ``cypher``; a read runs in a transaction that is rolled back whatever it does."""
        if not write and is_write_query(cypher):
            raise QueryError("this query writes to the graph; pass --write to allow it")
        if write or (self.memory_limit is None and self.time_limit is None):
            return self._run(cypher, params, write)
        return run_bounded(
            lambda: self._run(cypher, params, write), self.memory_limit, self.time_limit
        )

    def _run(self, cypher: str, params: Mapping[str, Any] | None, write: bool) -> QueryResult:
        try:
            with self._stderr.held():
                if write:
                    result = self._db.execute_cypher(cypher, dict(params or {}))
                else:
                    tx = self._db.begin_transaction()
                    try:
                        result = tx.execute_cypher(cypher, dict(params or {}))
                    finally:
                        tx.rollback()
        except self._error as err:
            raise QueryError(_first_line(str(err))) from err
        except BaseException as err:
            # A Rust panic inside grafeo surfaces as pyo3's PanicException, a BaseException.
            if type(err).__name__ != "PanicException":
                raise
            raise QueryError(
                f"the embedded engine failed on this query ({_first_line(str(err))}); grafeo "
                "0.6.0 breaks on very large intermediate results: split a long pattern with "
                "WITH DISTINCT between hops, or use Neo4j"
            ) from err
        columns = list(result.columns)
        rows = [{column: normalise(row.get(column)) for column in columns} for row in result]
        return QueryResult(columns, rows)

    def close(self) -> None:
        """Close the database (a file database is flushed to disk)."""
        self._db.close()
        self._stderr.close()


class _Session:
    """The loader's view of grafeo: every write its own committed transaction."""

    def __init__(self, db: Any, error: type[Exception]) -> None:
        self._db = db
        self._error = error

    def _execute(
        self, cypher: str, params: Mapping[str, Any], commit: bool
    ) -> list[dict[str, Any]]:
        tx = self._db.begin_transaction()
        try:
            rows = [dict(row) for row in tx.execute_cypher(cypher, dict(params))]
        except self._error as err:
            tx.rollback()
            raise QueryError(_first_line(str(err))) from err
        except BaseException:
            tx.rollback()
            raise
        if commit:
            tx.commit()
        else:
            tx.rollback()
        return rows

    def read(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a read in a transaction that is rolled back."""
        return self._execute(cypher, params, commit=False)

    def write(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a write in one committed transaction."""
        return self._execute(cypher, params, commit=True)

    def write_batched(self, cypher: str, params: Mapping[str, Any]) -> None:
        """grafeo has no ``IN TRANSACTIONS``: the subquery runs in one transaction (in this
        process, where memory is the machine's, not a server's per-transaction cap)."""
        self._execute(check_batched(cypher), params, commit=True)


class _NativeStderr:
    """Holds what native code writes to file descriptor 2 while grafeo runs a query.

    A Rust panic prints its message (and a backtrace when RUST_BACKTRACE is set) there before it
    reaches Python, where it becomes a one-line error; that text is dropped. Anything else written
    is passed on when the query ends. One file per backend, reused, so a query pays a few system
    calls, not a new file.
    """

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Send fd 2 to the holding file for the duration of the block."""
        sys.stderr.flush()
        try:
            saved = os.dup(2)
        except OSError:  # no stderr at all: nothing to hold
            yield
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - kept for the backend's life
        fd = self._file.fileno()
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.dup2(fd, 2)
        panicked = False
        try:
            yield
        except BaseException as err:
            panicked = type(err).__name__ == "PanicException"
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            written = os.lseek(fd, 0, os.SEEK_CUR)
            if written and not panicked:
                os.write(2, os.pread(fd, written, 0))

    def close(self) -> None:
        """Remove the holding file."""
        if self._file is not None:
            self._file.close()


def _first_line(message: str) -> str:
    """grafeo's messages carry a code and a drawing of the query; the first line says it."""
    return message.strip().splitlines()[0] if message.strip() else "query failed"
