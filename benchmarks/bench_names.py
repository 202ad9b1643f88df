"""Time finding a person by name (`bolshevik_graph.names.resolve_person`) on a dataset.

Run with `.venv/bin/python benchmarks/bench_names.py [--data DIR] [--runs N]` (make a big dataset
with `benchmarks/generate.py`). Prints the median time of a look-up by id, by a name and by a
name nobody has (which also computes the close-id suggestions), the dataset already read.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from pathlib import Path

from bolshevik_graph.errors import BolshevikGraphError
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.names import resolve_person


def median_ms(dataset_path: Path | None, text: str, runs: int) -> float:
    """Median milliseconds of ``runs`` look-ups of ``text``."""
    dataset = load_dataset(dataset_path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with contextlib.suppress(BolshevikGraphError):
            resolve_person(dataset, text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dataset = load_dataset(args.data)
    first = next(iter(dataset.people.values()))
    print(f"{len(dataset.people)} people, median of {args.runs}:")
    for label, text in (("id", first.id), ("name", first.name), ("nobody", "Nobody Atall")):
        print(f"  by {label:<6} {median_ms(args.data, text, args.runs):8.2f} ms")


if __name__ == "__main__":
    main()
