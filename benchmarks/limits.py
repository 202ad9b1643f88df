"""The limit of each phase: the same work done the fastest plain way this machine offers.

Each function does what a phase of bolshevik-graph does, on the same files or the same dataset,
with nothing but the standard library, networkx or grafeo's own bulk API, and no per-cell checks
beyond what the work needs. ``bench_limits.py`` times each beside the phase it bounds, in the
same run, so the ratio between the two is not thrown off by the machine's mood.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, deque
from pathlib import Path
from typing import Any

from bolshevik_graph.attributes import (
    body_attributes,
    event_attributes,
    membership_attributes,
    participation_attributes,
    person_attributes,
    relationship_attributes,
)
from bolshevik_graph.backends.statements import PROJECT_LABEL, load_steps
from bolshevik_graph.models import Dataset

TABLES = (
    "people",
    "bodies",
    "memberships",
    "relationships",
    "events",
    "participants",
    "figures",
    "sources",
    "alternatives",
)
WEAK = {"mirror", "blog", "seed"}


def read_rows(directory: str) -> dict[str, list[dict[str, str]]]:
    """Every table as ``csv.DictReader`` gives it: the floor of reading (no checks, no types)."""
    tables: dict[str, list[dict[str, str]]] = {}
    for name in TABLES:
        file = Path(directory) / f"{name}.csv"
        if file.is_file():
            with file.open(encoding="utf-8-sig", newline="") as handle:
                tables[name] = list(csv.DictReader(handle))
    return tables


def _columns(file: Path, wanted: tuple[str, ...]) -> list[list[str]]:
    """The ``wanted`` columns of ``file``, read with ``csv.reader``."""
    columns: list[list[str]] = [[] for _ in wanted]
    if not file.is_file():
        return columns
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        at = [header.index(name) for name in wanted]
        for row in reader:
            for column, index in zip(columns, at, strict=True):
                column.append(row[index])
    return columns


def stats_counts(directory: str) -> dict[str, Any]:
    """What ``stats`` counts, from the columns it needs: rows, kinds, types, sourcing shares."""
    folder = Path(directory)
    source_ids, source_kinds = _columns(folder / "sources.csv", ("id", "kind"))
    kind_of = dict(zip(source_ids, source_kinds, strict=True))
    counts: dict[str, Any] = {"source_kinds": Counter(source_kinds), "tables": {}}
    shares: dict[str, tuple[float, float]] = {}
    extra = {
        "people": ("fate",),
        "bodies": ("kind",),
        "events": ("kind",),
        "relationships": ("type", "confidence"),
    }
    for name in TABLES:
        if name == "sources":
            continue
        wanted = ("sources", *extra.get(name, ()))
        columns = _columns(folder / f"{name}.csv", wanted)
        cited = columns[0]
        counts["tables"][name] = len(cited)
        for field, values in zip(wanted[1:], columns[1:], strict=True):
            counts[f"{name}.{field}"] = Counter(values)
        multi = sum(";" in cell for cell in cited)
        strong = sum(
            any(kind_of.get(s.strip(), "mirror") not in WEAK for s in cell.split(";"))
            for cell in cited
        )
        shares[name] = (multi / len(cited), strong / len(cited)) if cited else (0.0, 0.0)
    counts["shares"] = shares
    return counts


def build_graph(dataset: Dataset) -> Any:
    """networkx's own bulk calls on the same nodes and edges (attributes as build_graph makes
    them): ``add_nodes_from`` and ``add_edges_from``."""
    import networkx as nx

    graph = nx.MultiDiGraph(as_of="")
    graph.add_nodes_from((p.id, person_attributes(p)) for p in dataset.people.values())
    graph.add_nodes_from((b.id, body_attributes(b)) for b in dataset.bodies.values())
    graph.add_nodes_from((e.id, event_attributes(e)) for e in dataset.events.values())
    seen: Counter[tuple[str, str]] = Counter()

    def keyed(u: str, v: str, attrs: dict[str, Any]) -> tuple[str, str, str, dict[str, Any]]:
        index = seen[u, v]
        seen[u, v] = index + 1
        return u, v, f"{attrs['rel_type']}:{index}", attrs

    graph.add_edges_from(
        keyed(m.person, m.body, membership_attributes(m)) for m in dataset.memberships
    )
    graph.add_edges_from(
        keyed(r.subject, r.object, relationship_attributes(r)) for r in dataset.relationships
    )
    graph.add_edges_from(
        keyed(p.person, p.event, participation_attributes(p)) for p in dataset.participants
    )
    return graph


def grafeo_bulk(dataset: Dataset) -> dict[str, int]:
    """The same rows through grafeo's bulk-create API (creates, never merges): its floor."""
    import grafeo

    db = grafeo.GrafeoDB()
    steps = load_steps(dataset)
    ids: dict[str, int] = {}
    for step in steps[:3]:  # people, bodies, events: one label each
        label = step.cypher.split("(n:")[1].split(" ")[0]
        rows = list(step.rows)
        created = db.batch_create_nodes_with_props([label, PROJECT_LABEL], rows)
        ids.update(zip((row["id"] for row in rows), created, strict=True))
    edges = []
    for step in steps[3:]:
        rel_type = step.cypher.split("[r:")[1].split(" ")[0]
        for row in step.rows:
            source = row.get("subject") or row["person"]
            target = row.get("object") or row.get("body") or row["event"]
            edges.append((ids[source], ids[target], rel_type, {"key": row["key"], **row["props"]}))
    db.batch_create_edges(edges)
    return {"nodes": db.node_count, "relationships": db.edge_count}


def focus_page(dataset: Dataset, focus: str, depth: int, out: str) -> int:
    """The floor of a focus page: the same 2-hop selection found on plain dicts, every node's
    and edge's attributes (as the page's data starts from them), one JSON document written. No
    networkx, no layout, no page around it. Returns the number of nodes."""
    edge_rows = [
        *((m.person, m.body, membership_attributes, m) for m in dataset.memberships),
        *((r.subject, r.object, relationship_attributes, r) for r in dataset.relationships),
        *((p.person, p.event, participation_attributes, p) for p in dataset.participants),
    ]
    around: dict[str, list[str]] = {}
    for u, v, _make, _row in edge_rows:
        around.setdefault(u, []).append(v)
        around.setdefault(v, []).append(u)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        if distance[node] < depth:
            for other in around.get(node, ()):
                if other not in distance:
                    distance[other] = distance[node] + 1
                    queue.append(other)
    records = (
        *((k, person_attributes, r) for k, r in dataset.people.items()),
        *((k, body_attributes, r) for k, r in dataset.bodies.items()),
        *((k, event_attributes, r) for k, r in dataset.events.items()),
    )
    nodes = [
        {"id": key, **make(row)}  # type: ignore[operator]
        for key, make, row in records
        if key in distance
    ]
    edges = [
        {"from": u, "to": v, **make(row)}  # type: ignore[operator]
        for u, v, make, row in edge_rows
        if u in distance and v in distance
    ]
    text = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False)
    Path(out).write_text(text, encoding="utf-8")
    return len(nodes)
