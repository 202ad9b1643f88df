"""The backend interface, the result record, and the read-only guard shared by both engines."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Protocol

from ..models import Dataset
from ..progress import Progress

# Clauses that change a graph. Matched as whole words outside strings and comments.
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS)\b",
    re.IGNORECASE,
)
_STRINGS_AND_COMMENTS = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)


def is_write_query(cypher: str) -> bool:
    """True when ``cypher`` holds a clause that writes (CREATE, MERGE, SET, DELETE, ...).

    Strings, backticked names and comments are blanked first, so ``RETURN 'CREATE'`` is a read.
    """
    return bool(_WRITE_CLAUSES.search(_STRINGS_AND_COMMENTS.sub("''", cypher)))


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a query, each a mapping in column order, with JSON-safe values."""

    columns: list[str]
    rows: list[dict[str, Any]]


class Backend(Protocol):
    """What every Cypher backend offers: load a dataset, run Cypher, close."""

    name: str

    def prepare(self) -> None:
        """Create what the load statements rely on (uniqueness constraints, the id index)."""
        ...

    def load(self, dataset: Dataset, progress: Progress | None = None) -> dict[str, int]:
        """Load ``dataset`` (idempotently: loading twice changes nothing); return counts read
        back from the graph (``nodes`` and ``relationships``)."""
        ...

    def run(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run ``cypher`` with ``params``; writes are refused unless ``write`` is true."""
        ...

    def counts(self) -> dict[str, int]:
        """Nodes and relationships the project has loaded, counted in the graph."""
        ...

    def close(self) -> None:
        """Release the engine or connection."""
        ...


def normalise(value: Any) -> Any:
    """A JSON-safe form of a value from either engine: dates as ISO strings, NaN as None.

    Nodes and relationships (which queries should not return) become their property maps.
    """
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if hasattr(value, "to_native"):  # neo4j.time values
        return normalise(value.to_native())
    if isinstance(value, Mapping):
        return {str(k): normalise(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [normalise(v) for v in value]
    if hasattr(value, "items") and callable(value.items):  # neo4j Node / Relationship
        return {str(k): normalise(v) for k, v in sorted(value.items())}
    return value
