"""The backend interface, the result record, and the read-only guard shared by both engines."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, Protocol

from ..models import Dataset
from ..progress import Progress

if TYPE_CHECKING:
    from .generations import Session

# Clauses that change a graph. Matched as whole words outside strings and comments.
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS)\b",
    re.IGNORECASE,
)
_OPENERS = re.compile(r"['\"`]|//|/\*")
_STRING_ENDS = {quote: re.compile(rf"[{quote}\\]") for quote in "'\""}


def blank_strings_and_comments(cypher: str, *, keep_names: bool = False) -> str:
    """``cypher`` with every string literal made ``''`` and every comment a space (backticked
    names too, made ``````, unless ``keep_names``); an unterminated one runs to the end.

    One pass from left to right: a regular expression per literal took quadratic time on
    hostile text (100,000 ``\\'`` pairs ran for minutes)."""
    out: list[str] = []
    position, size = 0, len(cypher)
    while (opener := _OPENERS.search(cypher, position)) is not None:
        out.append(cypher[position : opener.start()])
        token, start = opener.group(), opener.end()
        if token == "//":
            end = cypher.find("\n", start)
            out.append(" ")
        elif token == "/*":
            end = cypher.find("*/", start)
            end = end + 2 if end >= 0 else -1
            out.append(" ")
        elif token == "`":
            end = cypher.find("`", start)
            end = end + 1 if end >= 0 else -1
            out.append(cypher[opener.start() : end if end >= 0 else size] if keep_names else "``")
        else:
            end = _string_end(cypher, token, start)
            out.append("''")
        position = size if end < 0 else end
    out.append(cypher[position:])
    return "".join(out)


def _string_end(cypher: str, quote: str, start: int) -> int:
    """The index just after the quote closing a string opened before ``start``, or -1."""
    ends = _STRING_ENDS[quote]
    while (found := ends.search(cypher, start)) is not None:
        if found.group() == quote:
            return found.end()
        start = found.end() + 1  # a backslash escapes the next character
    return -1


def is_write_query(cypher: str) -> bool:
    """True when ``cypher`` holds a clause that writes (CREATE, MERGE, SET, DELETE, ...).

    Strings, backticked names and comments are blanked first, so ``RETURN 'CREATE'`` is a read.
    """
    return bool(_WRITE_CLAUSES.search(blank_strings_and_comments(cypher)))


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a query, each a mapping in column order, with JSON-safe values."""

    columns: list[str]
    rows: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Changes:
    """How many nodes or relationships a load created, updated (properties) and removed."""

    created: int = 0
    updated: int = 0
    removed: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.removed} removed"


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What a load left current (counts read back from the graph) and what changed."""

    generation: int
    nodes: int
    relationships: int
    node_changes: Changes
    relationship_changes: Changes

    def counts(self) -> dict[str, int]:
        """Nodes and relationships of the loaded graph."""
        return {"nodes": self.nodes, "relationships": self.relationships}

    def summary(self) -> str:
        """Three lines for people: what is current now, and what changed."""
        return (
            f"loaded generation {self.generation}: {self.nodes} nodes, "
            f"{self.relationships} relationships\n"
            f"  nodes: {self.node_changes}\n  relationships: {self.relationship_changes}"
        )


class Backend(Protocol):
    """What every Cypher backend offers: load a dataset, run Cypher, close."""

    name: str

    def prepare(self) -> None:
        """Create what the load statements rely on (uniqueness constraints, the id index)."""
        ...

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """Make the project's graph exactly ``dataset`` (a new generation, made current at the
        end: see :mod:`.generations`); return its counts, read back, and what changed."""
        ...

    def run(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run ``cypher`` with ``params``; writes are refused unless ``write`` is true."""
        ...

    def counts(self) -> dict[str, int]:
        """Nodes and relationships of the current generation, counted in the graph."""
        ...

    def session(self) -> Session:
        """The engine as the loader uses it (to write or remove a generation by hand)."""
        ...

    def wipe(self) -> int:
        """Remove every node the project loaded, in every generation; return how many were
        current."""
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
