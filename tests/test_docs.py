"""Docs that stay true: every command has help and is in the README; every column is documented."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from bolshevik_graph.cli import cli
from bolshevik_graph.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
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
def test_command_has_help_and_is_in_the_readme(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help text"
    assert f"bolshevik-graph {name}" in README, f"`bolshevik-graph {name}` is not in README.md"


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
