"""A load killed midway leaves the previous complete graph current, and running it again gives
exactly the new graph, with nothing of the killed load left.

Demonstrated on the embedded engine's persistent mode (a database file), with a real SIGKILL; the
generation logic is the same on Neo4j (backends/generations.py).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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
report = engine.load(data, lambda done, total: print(done, flush=True))
print("loaded", report.generation, flush=True)
engine.close()
"""
STATE = """
import sys
from bolshevik_graph.backends import get_backend
from bolshevik_graph.queries import get_query
engine = get_backend("embedded", path=sys.argv[1])
counts = engine.counts()
everything = engine.run("MATCH (n:BolshevikGraph) RETURN count(n) AS n").rows[0]["n"]
ranked = engine.run(get_query("purgers-ranked").cypher).rows
top = ranked[0]["victims"] if ranked else 0
print(counts["nodes"], counts["relationships"], everything, len(ranked), top)
engine.close()
"""
# Two generated datasets of different sizes (people + bodies; relationships + memberships).
A = {"people": 1500, "relationships": 15000, "bodies": 20, "seed": 1917}
B = {"people": 1200, "relationships": 12000, "bodies": 15, "seed": 1918}


def _state(db: Path) -> tuple[int, ...]:
    """(current nodes, current relationships, all project nodes, purgers-ranked rows, top)."""
    out = subprocess.run(
        [sys.executable, "-c", STATE, str(db)], capture_output=True, text=True, check=True
    )
    return tuple(int(x) for x in out.stdout.split())


def _load(data: Path, db: Path) -> None:
    subprocess.run(
        [sys.executable, "-c", LOAD, str(data), str(db)], capture_output=True, check=True
    )


def _start(data: Path, db: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", LOAD, str(data), str(db)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "loading"
    return process


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Datasets A and B, generated once."""
    root = tmp_path_factory.mktemp("generated")
    for name, size in (("a", A), ("b", B)):
        generate(root / name, **size)
    return root / "a", root / "b"


@pytest.fixture(scope="module")
def expected(datasets: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """The state of a file loaded cleanly with A, and with B."""
    states = []
    for data in datasets:
        db = tmp_path_factory.mktemp("clean") / "graph.grafeo"
        _load(data, db)
        states.append(_state(db))
    return states


def test_a_then_b_gives_exactly_b(
    datasets: tuple[Path, Path], expected: list[Any], tmp_path: Path
) -> None:
    db = tmp_path / "graph.grafeo"
    _load(datasets[0], db)
    _load(datasets[1], db)
    assert _state(db) == expected[1]


@pytest.mark.parametrize("fraction", [0.2, 0.6])
def test_load_killed_after_committed_batches_leaves_the_previous_graph(
    datasets: tuple[Path, Path], expected: list[Any], tmp_path: Path, fraction: float
) -> None:
    db = tmp_path / "graph.grafeo"
    _load(datasets[0], db)
    process = _start(datasets[1], db)
    assert process.stdout is not None
    total = B["people"] + B["bodies"] + B["relationships"] + B["people"]
    for line in process.stdout:  # rows written and committed so far
        if int(line) >= fraction * total:
            break
    assert int(line) < total  # killed midway, not after the last batch
    process.send_signal(signal.SIGKILL)
    process.wait()
    state = _state(db)
    assert state[:2] == expected[0][:2] and state[3:] == expected[0][3:]  # A, all of it
    assert state[2] > expected[0][2]  # and B's committed batches beside it, unseen
    _load(datasets[1], db)
    assert _state(db) == expected[1]  # exactly B: the killed load's nodes are gone too


@pytest.mark.parametrize("delay", [0.5, 2.0])
def test_load_killed_at_any_moment_leaves_a_or_b_then_rerun_gives_b(
    datasets: tuple[Path, Path], expected: list[Any], tmp_path: Path, delay: float
) -> None:
    db = tmp_path / "graph.grafeo"
    _load(datasets[0], db)
    process = _start(datasets[1], db)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    state = _state(db)
    current = state[:2] + state[3:]
    assert current in {expected[0][:2] + expected[0][3:], expected[1][:2] + expected[1][3:]}
    _load(datasets[1], db)
    assert _state(db) == expected[1]
    _load(datasets[1], db)
    assert _state(db) == expected[1]  # and loading again changes nothing


def test_first_load_killed_leaves_nothing_current(
    datasets: tuple[Path, Path], expected: list[Any], tmp_path: Path
) -> None:
    db = tmp_path / "graph.grafeo"
    process = _start(datasets[0], db)
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _state(db)[:2] in {(0, 0), expected[0][:2]}
    _load(datasets[0], db)
    assert _state(db) == expected[0]
