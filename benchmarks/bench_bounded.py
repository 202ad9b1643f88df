"""What the memory bound on embedded reads costs, and what it saves.

Run with `.venv/bin/python benchmarks/bench_bounded.py [--runs N] [--data DIR]`. Loads the data
(shipped, or a synthetic dataset from benchmarks/generate.py) into the embedded engine, then
times one ordinary read (every person-to-person relationship) in the process and in a capped
child (`query run`'s default, 2 GB), and finally runs `UNWIND range(1, 100000000)` under the cap:
it prints how long that took to be stopped and the peak memory of the child and of the process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from bolshevik_graph.backends.embedded import EmbeddedBackend
from bolshevik_graph.errors import QueryError
from bolshevik_graph.loader import load_dataset

READ = (
    "MATCH (p:Person)-[r]->(s:Person) "
    "RETURN p.id AS a, type(r) AS t, s.id AS b ORDER BY a, t, b LIMIT 1000"
)
HUGE = "UNWIND range(1, 100000000) AS x RETURN count(x) AS n"
LIMIT = 2048 * 2**20


def _median_ms(engine: EmbeddedBackend, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        engine.run(READ)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="runs of the read (default 20)")
    parser.add_argument("--data", default=None, help="a dataset directory (default: shipped)")
    args = parser.parse_args()
    engine = EmbeddedBackend()
    engine.load(load_dataset(args.data))
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"loaded: process peak {loaded} MB")
    print(f"read in the process:   median {_median_ms(engine, args.runs):.1f} ms")
    engine.memory_limit = LIMIT
    print(f"read in a capped child: median {_median_ms(engine, args.runs):.1f} ms")
    start = time.perf_counter()
    try:
        engine.run(HUGE)
        print("the huge query was not stopped")
    except QueryError as err:
        print(f"huge query stopped after {time.perf_counter() - start:.1f} s: {err}")
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory: child {child} MB, process {own} MB")
    engine.close()


if __name__ == "__main__":
    main()
