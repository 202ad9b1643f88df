"""The Python API as a notebook user calls it: ``import bolshevik_graph as bg``, then the same
calls again and again, in any order, after any submodule was imported."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import bolshevik_graph as bg

NOTEBOOK = """
import bolshevik_graph as bg

data = bg.load_dataset({data!r})
for cell in range(3):  # a notebook cell run three times
    report = bg.fates(data, "cc-1917-aug")
    written = bg.export(data, "json", {out!r})
    chain = bg.shortest_path(bg.build_graph(data), "trotsky", "mercader")
    lines = bg.timeline(data, "Koba")
    profile = bg.person_profile(data, "Bronstein")
    print(cell, len(report.people), written.name, len(chain), len(lines) > 0, profile.person.id)
import bolshevik_graph.fates, bolshevik_graph.export  # the modules, imported late
print(type(bg.fates).__name__, type(bg.export).__name__, len(bg.fates(data).people))
"""


def test_a_notebook_calls_the_api_repeatedly(tiny_dir: Path, tmp_path: Path) -> None:
    script = NOTEBOOK.format(data=str(tiny_dir), out=str(tmp_path / "g.json"))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "0 6 g.json 1 True trotsky",
        "1 6 g.json 1 True trotsky",
        "2 6 g.json 1 True trotsky",
        "function function 6",
    ]


def test_every_exported_name_stays_what_it_is() -> None:
    # This process has imported every submodule by now (the CLI imports fates, export...).
    import bolshevik_graph.export
    import bolshevik_graph.fates  # noqa: F401

    for name in bg.__all__:
        first, second = getattr(bg, name), getattr(bg, name)
        assert first is second, name
        assert not isinstance(first, types.ModuleType), f"bg.{name} is a module"
