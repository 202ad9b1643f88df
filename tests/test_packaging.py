"""The package as users get it: a built wheel carries the data, and `fates` stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and unpacked into a directory of its own."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (wheel,) = out.glob("bolshevik_graph-*.whl")
    target = out / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    return target


def test_wheel_finds_its_data_and_queries(installed_wheel: Path) -> None:
    code = (
        "import bolshevik_graph, bolshevik_graph.loader as l;"
        "print(bolshevik_graph.__file__);"
        "d = l.packaged_data_dir(); print(d);"
        "print((d.parent / 'cypher').is_dir());"
        "print(len(bolshevik_graph.load_dataset().people) > 30)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(installed_wheel)},
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    module, data, cypher, loaded = result.stdout.splitlines()
    assert module.startswith(str(installed_wheel))
    assert data.startswith(str(installed_wheel))
    assert (cypher, loaded) == ("True", "True")


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bolshevik_graph", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("bolshevik-graph, version ")


HEAVY = ("networkx", "pyvis", "neo4j", "matplotlib", "grafeo", "pandas")


@pytest.mark.parametrize("command", ["fates", "validate", "people", "show lenin"])
def test_light_commands_import_no_heavy_library(command: str) -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from bolshevik_graph.cli import cli\n"
        f"result = CliRunner().invoke(cli, {command.split()!r})\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_wheel_carries_the_page_files(installed_wheel: Path) -> None:
    folder = installed_wheel / "bolshevik_graph" / "page"
    assert sorted(p.name for p in folder.iterdir()) == ["page.css", "page.js", "template.html"]
