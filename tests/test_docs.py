"""Docs that stay true: every command has help and is in docs/commands.md; every column is
documented; every example's output is what the command prints today; links lead somewhere."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pytest
from update_docs import DOCS, examples, run_example

from bolshevik_graph.cli import cli
from bolshevik_graph.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS_DOC = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
DICTIONARY = (ROOT / "graph_data" / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix}{name} ")
    return found


COMMANDS = _commands(cli)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_has_help_and_is_in_the_commands_doc(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help text"
    assert f"bolshevik-graph {name}" in COMMANDS_DOC, f"`bolshevik-graph {name}` not in commands.md"


@pytest.mark.parametrize("table", TABLES, ids=[table.name for table in TABLES])
def test_every_column_is_in_the_data_dictionary(table: object) -> None:
    from bolshevik_graph.tables import Table

    assert isinstance(table, Table)
    assert f"### {table.filename}" in DICTIONARY
    section = DICTIONARY.split(f"### {table.filename}", 1)[1].split("\n### ", 1)[0]
    for column in table.column_names:
        assert f"| `{column}` |" in section, f"{table.filename}: column {column} is not documented"


def test_every_vocabulary_value_is_documented() -> None:
    from bolshevik_graph.models import (
        BodyKind,
        Confidence,
        Fate,
        Measure,
        RelType,
        Role,
        SourceKind,
    )

    for enum in (Fate, BodyKind, Role, RelType, Confidence, SourceKind, Measure):
        for member in enum:
            assert f"`{member.value}`" in DICTIONARY, f"{enum.__name__}.{member.name} undocumented"


def test_readme_shows_what_fates_prints_today() -> None:
    from click.testing import CliRunner

    shown = README.split("<!-- fates-output -->\n```\n", 1)[1].split(
        "\n```\n<!-- /fates-output -->"
    )[0]
    result = CliRunner().invoke(cli, ["fates"])
    assert result.stdout.rstrip("\n") == shown


EXAMPLES = [
    (path.relative_to(ROOT).as_posix(), args, shown)
    for path in DOCS
    for args, shown in examples(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(
    ("doc", "args", "shown"), EXAMPLES, ids=[f"{d}: {a}" for d, a, _ in EXAMPLES]
)
def test_examples_show_what_the_command_prints(doc: str, args: str, shown: str) -> None:
    assert run_example(args) == shown, f"{doc}: run `python tests/update_docs.py`, read the diff"


def test_the_readme_has_five_examples_and_stays_short() -> None:
    assert len(examples(README)) == 4  # and the fates output, checked above
    assert len(README.splitlines()) < 200  # most of it the examples' output


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_local_links_lead_to_files(path: Path) -> None:
    import re

    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


def test_shell_completion_works_as_documented() -> None:
    import os
    import shutil
    import subprocess

    assert 'eval "$(_BOLSHEVIK_GRAPH_COMPLETE=bash_source bolshevik-graph)"' in COMMANDS_DOC
    program = shutil.which("bolshevik-graph", path=str(Path(sys.executable).parent))
    assert program is not None
    env = {
        **os.environ,
        "_BOLSHEVIK_GRAPH_COMPLETE": "bash_complete",
        "COMP_WORDS": "bolshevik-graph events --kind tr",
        "COMP_CWORD": "3",
    }
    done = subprocess.run([program], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["plain,treaty", "plain,trial"]
