"""A load killed midway leaves nothing half-loaded, and running it again gives exactly the graph.

Demonstrated on the embedded engine's persistent mode (a database file), with a real SIGKILL.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import generate

LOAD = """
import sys
import bolshevik_graph as bg
from bolshevik_graph.backends import get_backend
data = bg.load_dataset(sys.argv[1])
engine = get_backend("embedded", path=sys.argv[2])
print("loading", flush=True)
print(engine.load(data), flush=True)
engine.close()
"""
COUNT = """
import sys
from bolshevik_graph.backends import get_backend
engine = get_backend("embedded", path=sys.argv[1])
counts = engine.counts()
print(counts["nodes"], counts["relationships"])
engine.close()
"""


def _counts(db: Path) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-c", COUNT, str(db)], capture_output=True, text=True, check=True
    )
    nodes, relationships = out.stdout.split()
    return int(nodes), int(relationships)


@pytest.mark.parametrize("delay", [0.2, 0.8])
def test_killed_load_is_all_or_nothing_and_rerun_completes(tmp_path: Path, delay: float) -> None:
    data, db = tmp_path / "data", tmp_path / "graph.grafeo"
    generate(data, people=3000, relationships=30000, bodies=20)
    full = (3000 + 20, 30000 + 3000)  # people and bodies; relationships and memberships
    process = subprocess.Popen(
        [sys.executable, "-c", LOAD, str(data), str(db)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "loading"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _counts(db) in {(0, 0), full}  # never a half-loaded graph
    subprocess.run(
        [sys.executable, "-c", LOAD, str(data), str(db)], capture_output=True, check=True
    )
    assert _counts(db) == full
    subprocess.run(
        [sys.executable, "-c", LOAD, str(data), str(db)], capture_output=True, check=True
    )
    assert _counts(db) == full  # and loading again changes nothing
