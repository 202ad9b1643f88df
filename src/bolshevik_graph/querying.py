"""Running Cypher against a backend: open it (loading the data where needed), run, close."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .backends import Backend, QueryResult, get_backend
from .backends.embedded import EmbeddedBackend
from .errors import BackendUnavailableError
from .loader import load_dataset
from .progress import Progress

if TYPE_CHECKING:
    from .backends.neo4j_backend import Neo4jBackend


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    """Where a Neo4j server is and who to log in as (the password never on a command line)."""

    uri: str | None = None
    user: str = "neo4j"
    password: str = ""
    database: str | None = None

    @classmethod
    def from_environment(cls, uri: str | None = None, database: str | None = None) -> Neo4jSettings:
        """Settings from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, overridable."""
        return cls(
            uri=uri or os.environ.get("NEO4J_URI") or None,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )


@contextmanager
def open_backend(
    name: str,
    data: str | Path | None = None,
    neo4j: Neo4jSettings | None = None,
    progress: Progress | None = None,
    read_progress: Progress | None = None,
    db: str | Path | None = None,
    *,
    write: bool = False,
) -> Iterator[Backend]:
    """An open backend, closed on exit. The embedded engine starts empty and is loaded with the
    dataset (``data`` or the shipped one), or with ``db`` lives in that file, loaded the first
    time only (:mod:`.database_file`) and opened read-only unless ``write``; Neo4j is used as
    it is (load it with `neo4j load`).

    ``read_progress`` follows reading the CSVs (bytes), ``progress`` loading the engine (rows)."""
    backend = _open(name, data, neo4j, progress, read_progress, db, write)
    try:
        yield backend
    finally:
        backend.close()


def _open(
    name: str,
    data: str | Path | None,
    neo4j: Neo4jSettings | None,
    progress: Progress | None,
    read_progress: Progress | None,
    db: str | Path | None,
    write: bool = False,
) -> Backend:
    """The backend ``open_backend`` hands out, loaded where it needs to be."""
    if name == "neo4j":
        return _connect(neo4j)
    if db is not None:
        from .database_file import open_database_file

        return open_database_file(db, data, progress, read_progress, write=write)
    dataset = load_dataset(data, read_progress)
    backend = get_backend(name)
    try:
        backend.load(dataset, progress)
    except BaseException:
        backend.close()
        raise
    return backend


def _connect(settings: Neo4jSettings | None) -> Neo4jBackend:
    settings = settings or Neo4jSettings.from_environment()
    if not settings.uri:
        raise BackendUnavailableError("no Neo4j server given: set NEO4J_URI or pass --neo4j-uri")
    from .backends.neo4j_backend import Neo4jBackend

    return Neo4jBackend(settings.uri, settings.user, settings.password, settings.database)


@contextmanager
def open_neo4j(settings: Neo4jSettings | None = None) -> Iterator[Neo4jBackend]:
    """An open connection to a Neo4j server (for loading and wiping), closed on exit."""
    backend = _connect(settings)
    try:
        yield backend
    finally:
        backend.close()


def run_cypher(
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    backend: str = "embedded",
    data: str | Path | None = None,
    neo4j: Neo4jSettings | None = None,
    write: bool = False,
    progress: Progress | None = None,
    read_progress: Progress | None = None,
    db: str | Path | None = None,
    people: Collection[str] = (),
    memory_limit: int | None = None,
    time_limit: float | None = None,
) -> QueryResult:
    """Run one Cypher text on a backend and return its rows (read-only unless ``write``).

    ``read_progress``, ``progress`` and ``db`` are as for :func:`open_backend`. ``people`` names
    the parameters that take a person: a value that is not an id of the loaded graph is looked
    up among its people's names (``Koba``, ``Bronstein``) and replaced by the id. On the
    embedded engine the query may use at most ``memory_limit`` bytes beyond the loaded graph
    and ``time_limit`` seconds (None: no limit); Neo4j applies its server's own limits."""
    with open_backend(backend, data, neo4j, progress, read_progress, db, write=write) as engine:
        bound = dict(params or {})
        if any(not _is_person_id(engine, bound.get(name)) for name in people):
            from .queries import PEOPLE_NAMES_CYPHER, resolve_people

            rows = engine.run(PEOPLE_NAMES_CYPHER).rows
            bound = resolve_people(rows, bound, [n for n in people if n in bound])
        if isinstance(engine, EmbeddedBackend):
            engine.memory_limit, engine.time_limit = memory_limit, time_limit
        return engine.run(cypher, bound, write=write)


def _is_person_id(engine: Backend, value: object) -> bool:
    """True when ``value`` is the id of a person in the engine's graph (or not a string)."""
    if not isinstance(value, str):
        return True
    found = engine.run("MATCH (p:Person {id: $id}) RETURN p.id AS id", {"id": value})
    return bool(found.rows)
