"""Each phase beside its limit, at one size, measured in the same run.

    .venv/bin/python benchmarks/bench_limits.py [--relationships 1000000] [--data DIR]
        [--phases "read + validate,stats,..."] [--runs 1]

For each phase of bolshevik-graph the same work is also done the fastest plain way
(benchmarks/limits.py): reading every table with ``csv.DictReader``; the counts of ``stats``
from ``csv.reader`` columns; networkx's ``add_nodes_from``/``add_edges_from``; grafeo's bulk-create
API; for the focus page, the same selection and its attributes written as one JSON document
(found on plain dicts: no networkx, no layout, no page). Both run in fresh processes (so peak
memory, ``ru_maxrss``, is each one's own), in turns (today, limit, today, limit, ...), and the
median of the ratios today/limit of each pair is printed (the VM's speed drifts by 20% or more
over minutes; a pair run back to back shares the drift).
Without ``--data`` a dataset is generated (benchmarks/generate.py, one person per ten
relationships, 50 bodies). With several runs the median time and the highest peak are shown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent

READ = "import bolshevik_graph as bg; d = bg.load_dataset(D); T();"
#: phase → (today, the limit); T() marks where timing starts (after reading, where the phase
#: takes a dataset already read).
PHASES: dict[str, tuple[str, str]] = {
    "read + validate": (
        "from bolshevik_graph.loader import find_problems; assert not find_problems(D)",
        "import limits; limits.read_rows(D)",
    ),
    "stats": (
        "import bolshevik_graph as bg; from bolshevik_graph.stats import dataset_stats;"
        "dataset_stats(bg.load_dataset(D))",
        "import limits; limits.stats_counts(D)",
    ),
    "build networkx graph": (
        READ + "bg.build_graph(d)",
        READ + "import limits; limits.build_graph(d)",
    ),
    "load embedded": (
        READ + "from bolshevik_graph.backends import get_backend; get_backend('embedded').load(d)",
        READ + "import limits; limits.grafeo_bulk(d)",
    ),
    "render --focus (2 hops)": (
        READ + "bg.render_network(d, OUT + '.html', focus=FOCUS, depth=2, max_nodes=None)",
        READ + "import limits; limits.focus_page(d, FOCUS, 2, OUT + '.limit.html')",
    ),
}

RUNNER = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
D, OUT, FOCUS = sys.argv[1], sys.argv[2], sys.argv[3]
start = [time.perf_counter(), time.process_time()]
def T(): start[:] = [time.perf_counter(), time.process_time()]
{code}
print(json.dumps({{"seconds": time.perf_counter() - start[0], "cpu": time.process_time() - start[1],
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(code: str, data: Path, out: Path, focus: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; its time and peak memory, or an ``error``."""
    script = RUNNER.format(here=str(HERE), code=code)
    result = subprocess.run(
        [sys.executable, "-c", script, str(data), str(out), focus],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["failed"]
        return {"error": lines[-1]}  # type: ignore[dict-item]
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure(
    today: str, limit: str, data: Path, out: Path, focus: str, runs: int
) -> tuple[dict[str, float], dict[str, float], float | None]:
    """Each phase and its limit, run in turns (today, limit, today, limit, ...) so that a
    machine slowing down or speeding up touches both alike: the median seconds and highest peak
    of each, and the median of the ratios of each pair (None when either failed)."""
    pairs = [(run(today, data, out, focus), run(limit, data, out, focus)) for _ in range(runs)]
    ratios = [a["cpu"] / b["cpu"] for a, b in pairs if "error" not in a and "error" not in b]
    return (
        _summary([a for a, _ in pairs]),
        _summary([b for _, b in pairs]),
        statistics.median(ratios) if len(ratios) == runs else None,
    )


def _summary(results: list[dict[str, float]]) -> dict[str, float]:
    """Median seconds and highest peak over fresh runs, or the first error."""
    failed = [r for r in results if "error" in r]
    if failed:
        return failed[0]
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "cpu": statistics.median(r["cpu"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
    }


def show(result: dict[str, float]) -> str:
    """``12.3 s (cpu 11.9 s), 567 MB`` or the error."""
    if "error" in result:
        return f"failed: {result['error']}"
    return f"{result['seconds']:6.1f} s (cpu {result['cpu']:6.1f} s), {result['peak_mb']:5.0f} MB"


def main() -> None:
    """Generate (or take) a dataset, time every phase and its limit, print the ratios."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--data", type=Path, help="a dataset already generated")
    parser.add_argument("--phases", default="", help="comma-separated phase names (default: all)")
    parser.add_argument("--focus", default="p77", help="the person of the focus page")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    wanted = [p for p in args.phases.split(",") if p] or list(PHASES)
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            sys.path.insert(0, str(HERE))
            from generate import generate

            data = Path(tmp) / "data"
            people = max(100, args.relationships // 10)
            generate(data, people=people, relationships=args.relationships)
        mb = sum(f.stat().st_size for f in data.iterdir()) / 1e6
        print(f"dataset {data} ({mb:.0f} MB of CSV)\n")
        print(f"{'phase':24s} {'today':>30s}   {'limit':>30s}   ratio (cpu)")
        for name in wanted:
            today_code, limit_code = PHASES[name]
            out = Path(tmp) / "out"
            today, limit, median = measure(today_code, limit_code, data, out, args.focus, args.runs)
            ratio = f"{median:5.1f}x" if median is not None else "  -"
            print(f"{name:24s} {show(today):>30s}   {show(limit):>30s}   {ratio}", flush=True)


if __name__ == "__main__":
    main()
