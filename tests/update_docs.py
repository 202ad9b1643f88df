"""Regenerate the output of every example in README.md and docs/*.md from the real commands.

An example is a ```console block whose first line is ``$ bolshevik-graph ARGS`` (arguments split
as a shell would); the lines after it are what the command prints on a terminal of
:data:`COLUMNS` columns. `tests/test_docs.py` fails when one differs; after a deliberate change
to a command or to the data, run ``python tests/update_docs.py`` and READ THE DIFF.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from bolshevik_graph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: The terminal width the examples are shown at.
COLUMNS = 100
EXAMPLE = re.compile(r"```console\n\$ bolshevik-graph (?P<args>[^\n]*)\n(?P<shown>.*?)```", re.S)


def run_example(args: str) -> str:
    """What ``bolshevik-graph ARGS`` prints (stdout, then stderr as a terminal interleaves
    them when only one is written) on a terminal of :data:`COLUMNS` columns."""
    result = CliRunner().invoke(cli, shlex.split(args), env={"COLUMNS": str(COLUMNS)})
    return result.stdout + result.stderr


def examples(text: str) -> list[tuple[str, str]]:
    """Each example of a document: its arguments and the output it shows."""
    return [(m["args"], m["shown"]) for m in EXAMPLE.finditer(text)]


def main() -> None:
    for path in DOCS:
        text = path.read_text(encoding="utf-8")

        def fill(match: re.Match[str]) -> str:
            return f"```console\n$ bolshevik-graph {match['args']}\n{run_example(match['args'])}```"

        updated = EXAMPLE.sub(fill, text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
