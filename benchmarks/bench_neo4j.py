"""Neo4j at scale: `neo4j load` (with NEO4J_URI) and the neo4j-admin export (no server needed).

    .venv/bin/python benchmarks/bench_neo4j.py [--sizes 100000,1000000,10000000] [--work DIR]

For each size a synthetic dataset is generated (benchmarks/generate.py: one person per ten
relationships, heavy-tailed degrees: p0 alone has about a quarter of all relationships). Each step
runs in a fresh process so that its time (wall clock, and the client's CPU time, which a busy
machine disturbs less) and its peak client memory (ru_maxrss) are its own; the dataset is read
first and not timed:

- **export neo4j-admin**: `write_neo4j_admin` into a directory; also the size of the files.
- with NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as for the CLI):
  **neo4j load (first)** into a server holding none of the project's nodes (they are wiped
  before), **neo4j load (again)**, the same data once more (a full new generation compared with
  the previous one, then the previous removed), and **neo4j load (changed)**, a dataset with the
  last tenth of the relationships dropped. Each load's report is checked against the dataset.
  The server's own memory is not measured here: the point is that a 1 GB heap suffices, since
  every transaction holds one 5,000-row batch or 10,000 deletions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent

RUNNER = """
import json, resource, sys, time
import bolshevik_graph as bg
step, data, out = sys.argv[1], sys.argv[2], sys.argv[3]
dataset = bg.load_dataset(data)
start, cpu = time.perf_counter(), time.process_time()
result = {}
if step == "export":
    from bolshevik_graph.neo4j_admin import write_neo4j_admin
    write_neo4j_admin(dataset, out)
else:
    from bolshevik_graph.querying import Neo4jSettings, open_neo4j
    with open_neo4j(Neo4jSettings.from_environment()) as server:
        if step == "load-first":
            server.wipe()
        report = server.load(dataset)
        result = {"nodes": report.nodes, "relationships": report.relationships,
                  "node_changes": str(report.node_changes),
                  "relationship_changes": str(report.relationship_changes)}
result["seconds"] = time.perf_counter() - start
result["cpu"] = time.process_time() - cpu
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run(step: str, data: Path, out: Path) -> dict[str, object]:
    """One step in a fresh process; its figures."""
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, step, str(data), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def drop_last_tenth(source: Path, target: Path) -> int:
    """A copy of ``source`` without the last tenth of its relationships; how many are left."""
    shutil.copytree(source, target)
    lines = (source / "relationships.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = lines[: 1 + (len(lines) - 1) * 9 // 10]
    (target / "relationships.csv").write_text("".join(kept), encoding="utf-8")
    return len(kept) - 1


def size_of(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.iterdir())


def line(label: str, result: dict[str, object], extra: str = "") -> None:
    if "error" in result:
        print(f"  {label:26s} failed: {result['error']}")
        return
    seconds, peak = float(str(result["seconds"])), float(str(result["peak_mb"]))
    cpu = float(str(result["cpu"]))
    print(f"  {label:26s} {seconds:8.1f} s ({cpu:.1f} s CPU)  client peak {peak:5.0f} MB{extra}")
    for key in ("nodes", "relationships", "node_changes", "relationship_changes"):
        if key in result:
            print(f"  {'':26s} {key}: {result[key]}")


def main() -> None:
    """Generate each size, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--work", type=Path, default=None, help="where to generate (big at 10M)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    server = os.environ.get("NEO4J_URI")
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")
    print(f"Neo4j: {server or 'not measured (set NEO4J_URI to measure neo4j load)'}")
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            data, admin = Path(tmp) / f"data{size}", Path(tmp) / f"admin{size}"
            generate(data, people=max(100, size // 10), relationships=size)
            print(
                f"\n{size:,} relationships ({max(100, size // 10):,} people), CSVs "
                f"{size_of(data) / 1e6:.0f} MB"
            )
            result = run("export", data, admin)
            extra = f"  files {size_of(admin) / 1e6:.0f} MB" if admin.exists() else ""
            line("export neo4j-admin", result, extra)
            shutil.rmtree(admin, ignore_errors=True)
            if server:
                line("neo4j load (first)", run("load-first", data, admin))
                line("neo4j load (again)", run("load-again", data, admin))
                changed = Path(tmp) / f"changed{size}"
                left = drop_last_tenth(data, changed)
                line(f"neo4j load ({left:,} kept)", run("load-changed", changed, admin))
                shutil.rmtree(changed)
            shutil.rmtree(data)


if __name__ == "__main__":
    main()
