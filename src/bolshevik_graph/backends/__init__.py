"""Cypher backends behind one small interface: the embedded engine (grafeo) and Neo4j.

``get_backend(name, **options)`` returns an open backend; every backend loads a dataset with the
same statements (:mod:`.statements`), runs Cypher with parameters, and closes.
"""

from __future__ import annotations

from typing import Any

from ..errors import UnknownIdError
from .base import Backend, QueryResult, is_write_query

BACKENDS = ("embedded", "neo4j")

__all__ = ["BACKENDS", "Backend", "QueryResult", "get_backend", "is_write_query"]


def get_backend(name: str, **options: Any) -> Backend:
    """Open the backend called ``name`` (``embedded`` or ``neo4j``) with its options."""
    if name == "embedded":
        from .embedded import EmbeddedBackend

        return EmbeddedBackend(**options)
    if name == "neo4j":
        from .neo4j_backend import Neo4jBackend

        return Neo4jBackend(**options)
    raise UnknownIdError("backend", name, BACKENDS)
