"""Time loading the shipped data into the embedded engine and running every canned query.

Run with `.venv/bin/python benchmarks/bench_queries.py [--runs N] [--data DIR --person ID]`.
Prints the median load time, each query's median, and the whole suite (load included); the target
is under 1 s in all for the shipped data. With `--data` (say a synthetic dataset written by
benchmarks/generate.py) every query whose parameter is a person runs with `--person`.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from bolshevik_graph.backends import get_backend
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.queries import Query, list_queries

#: Values for queries that have a required parameter.
PARAMS = {"search-people": {"text": "ev"}}


def values(query: Query, person: str | None, to: str | None) -> dict[str, str]:
    """The parameters to run ``query`` with: its defaults, or the people given where it asks."""
    given = dict(PARAMS.get(query.name, {}))
    names = {p.name for p in query.parameters}
    given.update({name: person for name in ("person", "from") if person and name in names})
    if to and "to" in names:
        given["to"] = to
    return given


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="runs of each step (default 15)")
    parser.add_argument("--data", default=None, help="a dataset directory (default: shipped)")
    parser.add_argument("--person", default=None, help="with --data: the person to ask about")
    parser.add_argument("--to", default=None, help="with --data: the other end of shortest-chain")
    args = parser.parse_args()
    runs = args.runs
    dataset = load_dataset(args.data)
    queries = list_queries()
    load_times: list[float] = []
    query_times: dict[str, list[float]] = {q.name: [] for q in queries}
    suite_times: list[float] = []
    for _ in range(runs):
        suite_start = time.perf_counter()
        backend = get_backend("embedded")
        start = time.perf_counter()
        counts = backend.load(dataset).counts()
        load_times.append(time.perf_counter() - start)
        for query in queries:
            params = query.bind(values(query, args.person, args.to))
            start = time.perf_counter()
            backend.run(query.cypher, params)
            query_times[query.name].append(time.perf_counter() - start)
        backend.close()
        suite_times.append(time.perf_counter() - suite_start)
    print(f"python {platform.python_version()}, grafeo embedded, {runs} runs, median times")
    print(
        f"{args.data or 'shipped data'}: "
        f"{counts['nodes']} nodes, {counts['relationships']} relationships"
    )
    load_label = "load (UNWIND batches, a new generation)"
    print(f"{load_label:42s} {statistics.median(load_times) * 1000:8.2f} ms")
    for name, times in query_times.items():
        print(f"{name:42s} {statistics.median(times) * 1000:8.2f} ms")
    print(f"{'whole suite, load included':42s} {statistics.median(suite_times) * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
