"""Files for ``neo4j-admin database import full``: the graph `neo4j load` makes, at disk speed.

One CSV file per node label and per relationship type, each with the header the import tool reads:
``id:ID(Person)`` (the id, stored as the ``id`` property, in one id space per label), ``:LABEL``
(``Person;BolshevikGraph``), ``:START_ID(Person)``/``:END_ID(Body)``, ``:TYPE``, and every other
property typed (``born:string``, ``sources:string[]``, ``killed_on_stalins_orders:boolean``,
``generation:long``). The rows are the load statements' own rows (:mod:`.backends.statements`),
so the imported graph is the one `neo4j load` writes: generation 1, with the pointer node that
makes it current. Beside them: ``constraints.cypher`` (the tool creates no schema) and a
``README.md`` with the exact command, which :func:`write_neo4j_admin` also returns.
"""

from __future__ import annotations

import csv
import shlex
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .backends.generations import POINTER
from .backends.statements import (
    CONSTRAINTS,
    CURRENT_LABEL,
    GENERATION_INDEX,
    PROJECT_LABEL,
    Row,
    Step,
    load_steps,
)
from .errors import InvalidValueError
from .models import Dataset

#: Separates the items of a list in a cell: the project's own list separator, which no item holds.
ARRAY_DELIMITER = ";"
#: The generation the imported graph is (a later `neo4j load` writes the next one).
GENERATION = 1
_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


@dataclass(frozen=True, slots=True)
class AdminExport:
    """What :func:`write_neo4j_admin` wrote and how to import it."""

    directory: Path
    node_files: list[Path]
    relationship_files: list[Path]
    command: str


def write_neo4j_admin(
    dataset: Dataset, directory: str | Path, database: str = "neo4j"
) -> AdminExport:
    """Write the import files, ``constraints.cypher`` and ``README.md`` into ``directory``."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise InvalidValueError(f"{str(target)!r} is a file: neo4j-admin files go in a directory")
    try:
        target.mkdir(parents=True, exist_ok=True)
        nodes, relationships = [], []
        for step in load_steps(dataset):
            if step.kind == "nodes":
                nodes.append(_write(target / f"nodes-{step.label}.csv", _node_table(step)))
            else:
                path = target / f"relationships-{step.label}.csv"
                relationships.append(_write(path, _relationship_table(step)))
        nodes.append(_write(target / "nodes-current.csv", _pointer_table()))
        command = import_command(nodes, relationships, database)
        statements = (*CONSTRAINTS, GENERATION_INDEX)
        (target / "constraints.cypher").write_text(
            "".join(f"{s};\n" for s in statements), encoding="utf-8"
        )
        (target / "README.md").write_text(_readme(command, target, database), encoding="utf-8")
    except OSError as err:
        raise InvalidValueError(f"cannot write into {str(target)!r}: {err.strerror}") from err
    return AdminExport(target, nodes, relationships, command)


def import_command(nodes: Iterable[Path], relationships: Iterable[Path], database: str) -> str:
    """The shell command importing the files into ``database`` (which must be new or empty)."""
    args = [
        "neo4j-admin",
        "database",
        "import",
        "full",
        database,  # before the options: from 5.19 on, the tool requires it there
        *(f"--nodes={path.resolve()}" for path in nodes),
        *(f"--relationships={path.resolve()}" for path in relationships),
        "--delimiter=,",
        f"--array-delimiter={ARRAY_DELIMITER}",
        '--quote="',
        "--multiline-fields=true",
        "--id-type=string",
    ]
    return shlex.join(args)


@dataclass(frozen=True, slots=True)
class _Table:
    """A file's fixed columns (ids, labels or type) and a way to get each row's properties."""

    header: list[str]
    rows: Iterable[Row]
    fixed: Callable[[Row], list[str]]
    props: Callable[[Row], dict[str, Any]]


def _node_table(step: Step) -> _Table:
    labels = f"{step.label}{ARRAY_DELIMITER}{PROJECT_LABEL}"
    return _Table(
        [f"id:ID({step.label})", ":LABEL", "generation:long"],
        step.rows,
        lambda row: [row["id"], labels, str(GENERATION)],
        lambda row: {k: v for k, v in row.items() if k != "id"},
    )


def _relationship_table(step: Step) -> _Table:
    a, b, _ = step.keys
    return _Table(
        [f":START_ID({step.ends[0]})", f":END_ID({step.ends[1]})", ":TYPE"],
        step.rows,
        lambda row: [row[a], row[b], step.label],
        lambda row: {"key": row["key"], **row["props"]},
    )


def _pointer_table() -> _Table:
    pointer = {"name": POINTER, "generation": GENERATION, "last": GENERATION}
    return _Table(
        [f":ID({CURRENT_LABEL})", ":LABEL"],
        [pointer],
        lambda _row: ["current", CURRENT_LABEL],
        lambda row: row,
    )


def _kind(value: Any) -> str:
    if isinstance(value, list | tuple):
        return f"{_kind(value[0]) if value else 'string'}[]"
    for python, kind in _TYPES:
        if isinstance(value, python):
            return kind
    raise InvalidValueError(f"no neo4j-admin type for {type(value).__name__}")


def _cell(value: Any) -> str:
    """A value as the import tool reads it; absent values are empty (no property)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        items = [_cell(v) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise InvalidValueError(f"a list item holds {ARRAY_DELIMITER!r}: {items}")
        return ARRAY_DELIMITER.join(items)
    return str(value)


def _write(path: Path, table: _Table) -> Path:
    """One pass over the rows (making them is the costly part): each row goes to a scratch file
    with the properties known so far, the header is written once all are known, and the rows are
    copied after it, padded with empty cells for properties first seen later. Quoting is RFC
    4180's (quotes doubled; fields with commas, quotes or line breaks quoted)."""
    kinds: dict[str, str] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as scratch:
        writer = csv.writer(scratch, lineterminator="\n")
        for row in table.rows:
            props = table.props(row)
            for name, value in props.items():
                if value is not None and name not in kinds:
                    kinds[name] = _kind(value)
            writer.writerow([*table.fixed(row), *(_cell(props.get(name)) for name in kinds)])
        scratch.seek(0)
        header = [*table.header, *(f"{name}:{kind}" for name, kind in kinds.items())]
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(header)
            width = len(header)
            for cells in csv.reader(scratch):
                out.writerow(cells + [""] * (width - len(cells)))
    return path


def _readme(command: str, directory: Path, database: str) -> str:
    return f"""# bolshevik-graph for `neo4j-admin database import`

Node and relationship files with the import tool's headers, written by
`bolshevik-graph export --format neo4j-admin`. They make the graph `bolshevik-graph neo4j load`
makes (generation {GENERATION}, current), offline and at disk speed.

1. The database `{database}` must not exist or be empty, and not running: `full` import writes a
   whole new store (on Community Edition stop the server; on Enterprise import into a new
   database name and `CREATE DATABASE` it afterwards). Never `--overwrite-destination` a
   database that holds anything else: the import replaces everything in it.
2. Import, as the user that runs Neo4j:

   ```
   {command}
   ```

3. Start Neo4j and create the constraints and index the loader and the queries rely on:

   ```
   cypher-shell -d {database} -f {shlex.quote(str((directory / "constraints.cypher").resolve()))}
   ```

Later `bolshevik-graph neo4j load` runs update this graph as usual.
"""
