"""Time loading the shipped data into the embedded engine and running every canned query.

Run with `.venv/bin/python benchmarks/bench_queries.py [--runs N]`. Prints the median load time,
each query's median, and the whole suite (load included); the target is under 1 s in all.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from bolshevik_graph.backends import get_backend
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.queries import list_queries

#: Values for queries that have a required parameter.
PARAMS = {"search-people": {"text": "ev"}}


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="runs of each step (default 15)")
    runs = parser.parse_args().runs
    dataset = load_dataset()
    queries = list_queries()
    load_times: list[float] = []
    query_times: dict[str, list[float]] = {q.name: [] for q in queries}
    suite_times: list[float] = []
    for _ in range(runs):
        suite_start = time.perf_counter()
        backend = get_backend("embedded")
        start = time.perf_counter()
        counts = backend.load(dataset)
        load_times.append(time.perf_counter() - start)
        for query in queries:
            params = query.bind(PARAMS.get(query.name, {}))
            start = time.perf_counter()
            backend.run(query.cypher, params)
            query_times[query.name].append(time.perf_counter() - start)
        backend.close()
        suite_times.append(time.perf_counter() - suite_start)
    print(f"python {platform.python_version()}, grafeo embedded, {runs} runs, median times")
    print(f"shipped data: {counts['nodes']} nodes, {counts['relationships']} relationships")
    load_label = "load (UNWIND batches, one transaction)"
    print(f"{load_label:42s} {statistics.median(load_times) * 1000:8.2f} ms")
    for name, times in query_times.items():
        print(f"{name:42s} {statistics.median(times) * 1000:8.2f} ms")
    print(f"{'whole suite, load included':42s} {statistics.median(suite_times) * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
