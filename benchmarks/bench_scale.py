"""Scale: time and peak memory of every step at 10k / 100k / 1M relationships.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 10000,100000,1000000]

For each size a synthetic dataset is generated (benchmarks/generate.py: one person per ten
relationships), then each step runs in a fresh process, so its peak resident memory (ru_maxrss)
is its own: validate, build the networkx graph, load the embedded engine (batched), a fates-style
aggregate query, a 2-hop query, `render --focus` on a 2-hop neighbourhood, path, centrality
(degree) and each export. Batched against naive loading is benchmarks/bench_load.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent

STEPS: dict[str, str] = {
    "validate": "from bolshevik_graph.loader import find_problems; assert not find_problems(D)",
    "build graph": "import bolshevik_graph as bg; g = bg.build_graph(bg.load_dataset(D))",
    "load embedded": (
        "import bolshevik_graph as bg; from bolshevik_graph.backends import get_backend;"
        "e = get_backend('embedded'); e.load(bg.load_dataset(D))"
    ),
    "aggregate query": (
        "import bolshevik_graph as bg; from bolshevik_graph.backends import get_backend;"
        "e = get_backend('embedded'); e.load(bg.load_dataset(D)); T();"
        'e.run("MATCH (p:Person)-[:MEMBER_OF]->(b:Body) RETURN b.id AS body, p.fate AS fate,'
        ' count(p) AS n ORDER BY body, fate")'
    ),
    # p0 is the biggest hub of the heavy-tailed graph; p77 an ordinary person. grafeo 0.6.0 panics
    # on the one-pattern form once the expansion is large; WITH DISTINCT between the hops avoids it.
    **{
        f"2-hop query ({who})": (
            "import bolshevik_graph as bg; from bolshevik_graph.backends import get_backend;"
            "e = get_backend('embedded'); e.load(bg.load_dataset(D)); T();"
            f"e.run(\"MATCH (a:Person {{id: '{pid}'}})-[]-(b) WITH DISTINCT b"
            ' MATCH (b)-[]-(c:Person) RETURN count(DISTINCT c) AS n")'
        )
        for who, pid in (("hub p0", "p0"), ("typical p77", "p77"))
    },
    "2-hop one-pattern query (p77)": (
        "import bolshevik_graph as bg; from bolshevik_graph.backends import get_backend;"
        "e = get_backend('embedded'); e.load(bg.load_dataset(D)); T();"
        "e.run(\"MATCH (a:Person {id: 'p77'})-[]-()-[]-(c:Person) RETURN count(DISTINCT c) AS n\")"
    ),
    "render --focus (2 hops)": (
        "import bolshevik_graph as bg; d = bg.load_dataset(D); T();"
        "bg.render_network(d, OUT + '.html', focus='p77', depth=2, max_nodes=None)"
    ),
    "path": (
        "import bolshevik_graph as bg; g = bg.build_graph(bg.load_dataset(D)); T();"
        "bg.shortest_path(g, 'p1', 'p2')"
    ),
    "central --by degree": (
        "import bolshevik_graph as bg; g = bg.build_graph(bg.load_dataset(D)); T();"
        "bg.centrality(g, 'degree', 10)"
    ),
    **{
        f"export {fmt}": (
            "import bolshevik_graph as bg; d = bg.load_dataset(D); T();"
            f"bg.export(d, '{fmt}', OUT + '.{fmt}')"
        )
        for fmt in ("graphml", "gexf", "json", "cypher")
    },
}

# T() marks where the timed part starts (after set-up such as loading); without it, all is timed.
RUNNER = """
import json, resource, sys, time
D, OUT = sys.argv[1], sys.argv[2]
start = [time.perf_counter()]
def T(): start[0] = time.perf_counter()
{code}
print(json.dumps({{"seconds": time.perf_counter() - start[0],
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter and return what it printed as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}  # type: ignore[dict-item]
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    """Generate, measure, print a table per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--steps", default="", help="comma-separated step names (default: all)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    wanted = [s for s in args.steps.split(",") if s] or list(STEPS)
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            data = Path(tmp) / f"d{size}"
            started = time.perf_counter()
            generate(data, people=max(100, size // 10), relationships=size, bodies=50)
            mb = sum(f.stat().st_size for f in data.iterdir()) / 1e6
            print(
                f"\n{size:,} relationships, {max(100, size // 10):,} people ({mb:.0f} MB of CSV, "
                f"generated in {time.perf_counter() - started:.1f} s)"
            )
            for name in wanted:
                result = run(RUNNER.format(code=STEPS[name]), str(data), str(Path(tmp) / "out"))
                if "error" in result:
                    print(f"  {name:30s} failed: {result['error']}")
                else:
                    seconds, peak = result["seconds"], result["peak_mb"]
                    print(f"  {name:30s} {seconds:8.2f} s   peak {peak:7.0f} MB")


if __name__ == "__main__":
    main()
