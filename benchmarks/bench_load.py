"""Batched versus naive loading, measured in the same run on the same synthetic rows.

    .venv/bin/python benchmarks/bench_load.py [--relationships 10000] [--runs 3]

Three ways to put one generated dataset (people, bodies, memberships, relationships) into a graph:

- **naive**: one statement per row, each its own transaction (the statements the loader uses,
  with a one-row ``$rows``);
- **batched**: what `bolshevik-graph` does (`backend.load`): ``UNWIND $rows`` in 5,000-row
  batches, each its own transaction, into a new generation made current at the end;
- **grafeo bulk API** (embedded only, for reference): grafeo's own ``batch_create_nodes_with_props``
  and ``batch_create_edges`` with the node ids it hands back. It creates without merging, so
  loading twice duplicates everything; the loader does not use it. It shows the engine's floor.

Embedded runs in memory and with a database file. With ``NEO4J_URI`` set (and NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE as for the CLI), naive and batched also run against that server,
wiping the project's nodes before each; there the round trip per statement is what batching saves.
Every way must end with the same node and relationship counts, or the figures are not printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bolshevik_graph.backends import Backend, get_backend
from bolshevik_graph.backends.generations import ALLOCATE, SWITCH
from bolshevik_graph.backends.statements import PROJECT_LABEL, load_steps
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset
from bolshevik_graph.querying import Neo4jSettings, open_neo4j

HERE = Path(__file__).parent


def naive(backend: Backend, dataset: Dataset) -> None:
    """One statement, one transaction, per row (into a new generation, made current at the end)."""
    session = backend.session()
    allocated = session.write(ALLOCATE, {})[0]
    generation = allocated["generation"]
    for step in load_steps(dataset):
        for row in step.rows:
            backend.run(step.cypher, {"rows": [row], "generation": generation}, write=True)
    session.write(SWITCH, {"previous": allocated["previous"], "generation": generation})


def batched(backend: Backend, dataset: Dataset) -> None:
    """The project's loader."""
    backend.load(dataset)


def grafeo_bulk(path: str | None, dataset: Dataset) -> dict[str, int]:
    """Nodes, then edges, through grafeo's bulk-create API; returns the counts."""
    import grafeo

    db = grafeo.GrafeoDB(path) if path else grafeo.GrafeoDB()
    steps = load_steps(dataset)
    ids: dict[str, int] = {}
    for step in steps[:3]:  # people, bodies, events: one label each
        rows = [{**row, "generation": 1} for row in step.rows]
        created = db.batch_create_nodes_with_props([step.label, PROJECT_LABEL], rows)
        ids.update(zip((row["id"] for row in rows), created, strict=True))
    edges = []
    for step in steps[3:]:
        for row in step.rows:
            source = row.get("subject") or row["person"]
            target = row.get("object") or row.get("body") or row["event"]
            props = {"key": row["key"], **row["props"]}
            edges.append((ids[source], ids[target], step.label, props))
    db.batch_create_edges(edges)
    counts = {"nodes": db.node_count, "relationships": db.edge_count}
    db.close()
    return counts


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def embedded(dataset: Dataset, path: str | None) -> dict[str, tuple[float, dict[str, int]]]:
    """One run of each way on the embedded engine, each into a fresh database."""
    results: dict[str, tuple[float, dict[str, int]]] = {}
    for name, way in (("naive", naive), ("batched", batched)):
        backend = get_backend("embedded", path=f"{path}.{name}" if path else None)
        backend.prepare()
        seconds, _ = timed(lambda: way(backend, dataset))  # noqa: B023 - called at once
        results[name] = (seconds, backend.counts())
        backend.close()
    results["grafeo bulk API"] = timed(
        lambda: grafeo_bulk(f"{path}.bulk" if path else None, dataset)
    )
    return results


def neo4j(dataset: Dataset) -> dict[str, tuple[float, dict[str, int]]]:
    """One run of naive and batched against the server in NEO4J_URI."""
    results: dict[str, tuple[float, dict[str, int]]] = {}
    with open_neo4j(Neo4jSettings.from_environment()) as server:
        for name, way in (("naive", naive), ("batched", batched)):
            server.wipe()
            server.prepare()
            seconds, _ = timed(lambda: way(server, dataset))  # noqa: B023 - called at once
            results[name] = (seconds, server.counts())
        server.wipe()
    return results


def report(title: str, runs: list[dict[str, tuple[float, dict[str, int]]]], rows: int) -> None:
    """Medians per way, the speed-up over naive, and a check that every way loaded the same."""
    print(f"\n{title}")
    counts = {tuple(sorted(c.items())) for run in runs for _, c in run.values()}
    if len(counts) != 1:
        print(f"  the ways loaded different graphs: {counts}; no figures")
        return
    medians = {name: statistics.median(run[name][0] for run in runs) for name in runs[0]}
    for name, seconds in medians.items():
        speed = medians["naive"] / seconds
        print(
            f"  {name:16s} {seconds:7.2f} s  {seconds / rows * 1e6:6.1f} µs/row  "
            f"{speed:5.1f}x naive"
        )
    print(f"  (all loaded {dict(next(iter(counts)))})")


def main() -> None:
    """Generate, load each way, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--relationships", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        people = max(100, args.relationships // 10)
        generate(Path(tmp) / "data", people=people, relationships=args.relationships)
        dataset = load_dataset(Path(tmp) / "data")
        rows = sum(len(step.rows) for step in load_steps(dataset))
        print(f"{rows:,} rows to load ({people:,} people, {args.relationships:,} relationships)")
        memory = [embedded(dataset, None) for _ in range(args.runs)]
        report("embedded engine, in memory", memory, rows)
        files = [embedded(dataset, str(Path(tmp) / f"db{run}")) for run in range(args.runs)]
        report("embedded engine, database file", files, rows)
        if os.environ.get("NEO4J_URI"):
            report(f"Neo4j at {os.environ['NEO4J_URI']}", [neo4j(dataset)], rows)
        else:
            print("\nNeo4j: not measured (set NEO4J_URI to measure against your server)")


if __name__ == "__main__":
    main()
