"""Time `bolshevik-graph fates` end to end (a fresh process each run) next to a bare interpreter.

Run with `.venv/bin/python benchmarks/bench_fates.py [--runs N]`. Prints the median, min and max
wall-clock time of each command; the target for `fates` is a median under 0.25 s.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "bolshevik-graph"


def measure(command: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` runs of ``command`` (after one warm-up run)."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="runs per command (default 20)")
    runs = parser.parse_args().runs
    print(f"python {platform.python_version()} on {platform.machine()}, {runs} runs each")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "bolshevik-graph fates": [str(SCRIPT), "fates"],
        "bolshevik-graph fates --format json": [str(SCRIPT), "fates", "--format", "json"],
    }
    for label, command in commands.items():
        times = measure(command, runs)
        print(
            f"{label:40s} median {statistics.median(times) * 1000:6.1f} ms"
            f"   min {min(times) * 1000:6.1f} ms   max {max(times) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
