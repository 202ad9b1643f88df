"""Exports for Gephi, notebooks and Neo4j: GraphML, GEXF, node-link JSON, a Cypher script, and
(in :mod:`.neo4j_admin`) files for ``neo4j-admin database import``.

Attribute conventions for files: lists are joined with ";", absent values are left out (never
``None``), dates stay ISO strings. GEXF additionally gets ``start``/``end`` as full dates (the
earliest and latest day a partial date could mean) so Gephi's timeline works, with the dates as
the sources give them kept in ``date_start``/``date_end``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .backends.generations import ALLOCATE, NOT_CURRENT, POINTER, removal
from .backends.statements import (
    CONSTRAINTS,
    CURRENT_LABEL,
    OLD_CONSTRAINTS,
    batches,
    load_steps,
)
from .dates import PartialDate
from .errors import InvalidValueError, UnknownIdError
from .graph import build_graph
from .models import Dataset

if TYPE_CHECKING:
    import networkx as nx

EXPORT_FORMATS = ("graphml", "gexf", "json", "cypher", "neo4j-admin")
#: The key under which node-link JSON lists edges (stated, not left to the networkx default).
JSON_EDGES_KEY = "edges"


def export(dataset: Dataset, fmt: str, path: str | Path, as_of: date | None = None) -> Path:
    """Write the graph (or the graph as of a day) to ``path`` in ``fmt``."""
    if fmt not in EXPORT_FORMATS:
        raise UnknownIdError("export format", fmt, EXPORT_FORMATS)
    target = Path(path)
    if fmt == "neo4j-admin":
        from .neo4j_admin import write_neo4j_admin

        return write_neo4j_admin(dataset, target).directory
    try:
        if fmt == "cypher":
            write_cypher_script(dataset, target)
        else:
            writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json}[fmt]
            writer(build_graph(dataset, as_of=as_of), target)
    except OSError as err:
        raise InvalidValueError(f"cannot write {str(target)!r}: {err.strerror}") from err
    return target


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans (lists joined with ';')."""
    flat = graph.copy()
    for _, attrs in flat.nodes(data=True):
        _flatten_attrs(attrs)
    for _, _, attrs in flat.edges(data=True):
        _flatten_attrs(attrs)
    flat.graph = {k: v for k, v in flat.graph.items() if v not in (None, "")}
    return flat


def _flatten_attrs(attrs: dict[str, Any]) -> None:
    for key, value in list(attrs.items()):
        if value is None:
            del attrs[key]
        elif isinstance(value, list | tuple):
            attrs[key] = ";".join(str(v) for v in value)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML with every attribute as a typed key."""
    import networkx as nx

    nx.write_graphml(flatten(graph), path)


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 with a timeline: people live from birth to death, edges from start to end."""
    import networkx as nx

    flat = flatten(graph)
    for _, attrs in flat.nodes(data=True):
        attrs["label"] = attrs.get("name", "")
        low, high = (
            (attrs.get("born"), attrs.get("died"))
            if attrs["kind"] == "person"
            else (
                attrs.get("start"),
                attrs.get("end"),
            )
        )
        _set_span(attrs, low, high)
    for _, _, attrs in flat.edges(data=True):
        _set_span(attrs, attrs.get("start"), attrs.get("end"))
    flat.graph["mode"] = "dynamic"
    flat.graph["timeformat"] = "date"
    nx.write_gexf(flat, path, version="1.2draft")


def _set_span(attrs: dict[str, Any], start: str | None, end: str | None) -> None:
    """Full-date start/end for Gephi; the partial dates as given go to date_start/date_end."""
    for key in ("start", "end"):
        if key in attrs:
            attrs[f"date_{key}"] = attrs.pop(key)
    if start:
        attrs["start"] = PartialDate.parse(start).earliest.isoformat()
    if end:
        attrs["end"] = PartialDate.parse(end).latest.isoformat()


def write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    """Node-link JSON with the edge list under ``"edges"`` and each edge's ``"key"``."""
    import networkx as nx

    data = nx.node_link_data(flatten(graph), edges=JSON_EDGES_KEY, key="key")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a value; strings are escaped the same way for Neo4j and grafeo."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + "".join(_ESCAPES.get(ch) or _escape_control(ch) for ch in value) + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"`{str(k).replace('`', '``')}`: {cypher_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if value is None:
        return "null"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_control(ch: str) -> str:
    return f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ch in "\u2028\u2029" else ch


def write_cypher_script(dataset: Dataset, path: Path, batch_size: int = 500) -> None:
    """A script for ``cypher-shell -f`` doing what `neo4j load` does: the constraints, a new
    generation written batch by batch (each batch's rows a literal list instead of ``$rows``),
    made current by one last small statement, then the other generations removed. The pointer
    node hands the statements their generation, so the script needs no parameters."""
    pointer = f"MATCH (bolshevik_graph:{CURRENT_LABEL} {{name: '{POINTER}'}}) "
    new = pointer + "WITH bolshevik_graph.last AS generation "
    current = pointer + "WITH bolshevik_graph.generation AS generation "
    with path.open("w", encoding="utf-8") as out:
        out.write("// bolshevik-graph: makes the same graph as `bolshevik-graph neo4j load`.\n")
        for statement in (*OLD_CONSTRAINTS, *CONSTRAINTS, ALLOCATE):
            out.write(statement + ";\n")
        for step in load_steps(dataset):
            cypher = step.cypher.replace("$generation", "generation")
            for batch in batches(step.rows, batch_size):
                out.write(new + cypher.replace("$rows", cypher_literal(batch), 1) + ";\n")
        out.write(pointer + "SET bolshevik_graph.generation = bolshevik_graph.last;\n")
        for statement in removal(NOT_CURRENT):
            out.write(current + statement.replace("$generation", "generation") + ";\n")


def read_cypher_script(path: str | Path) -> list[str]:
    """The statements of a script written by :func:`write_cypher_script` (one per line)."""
    text = Path(path).read_text(encoding="utf-8")
    return [
        line[:-1] for line in text.splitlines() if line.endswith(";") and not line.startswith("//")
    ]
