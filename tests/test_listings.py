"""Listing bodies and events by kind and year, on the tiny dataset and through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.cli import cli
from bolshevik_graph.errors import UnknownIdError
from bolshevik_graph.listings import list_bodies, list_events
from bolshevik_graph.models import Dataset


def test_bodies_by_kind_and_year(tiny: Dataset) -> None:
    assert [b.id for b in list_bodies(tiny)] == ["cc-1917-aug"]
    assert [b.id for b in list_bodies(tiny, "central-committee", 1918)] == ["cc-1917-aug"]
    assert list_bodies(tiny, year=1919) == []
    assert list_bodies(tiny, kind="politburo") == []


def test_events_by_kind_and_year(tiny: Dataset) -> None:
    assert [e.id for e in list_events(tiny)] == ["trial-of-the-sixteen", "trotsky-murder"]
    assert [e.id for e in list_events(tiny, "trial")] == ["trial-of-the-sixteen"]
    assert [e.id for e in list_events(tiny, year=1940)] == ["trotsky-murder"]
    assert list_events(tiny, "trial", 1940) == []


def test_unknown_kind_is_refused(tiny: Dataset) -> None:
    with pytest.raises(UnknownIdError, match=r"unknown event kind 'trail'; did you mean: trial\?"):
        list_events(tiny, "trail")


def test_cli_events_table(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["events", "--data", str(tiny_dir)])
    assert result.stdout == (
        "id                    name                  kind           start       end         place             people\n"
        "--------------------  --------------------  -------------  ----------  ----------  ----------------  ------\n"
        "trial-of-the-sixteen  Trial of the Sixteen  trial          1936-08-19  1936-08-24  Moscow            2\n"
        "trotsky-murder        Murder of Trotsky     assassination  1940-08-20  1940-08-21  Coyoacán, Mexico  2\n"
    )


def test_cli_bodies_csv_and_bad_kind(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(
        cli, ["bodies", "--year", "1917", "--format", "csv", "--data", str(tiny_dir)]
    )
    assert result.stdout == (
        "id,name,kind,start,end,people\n"
        "cc-1917-aug,Central Committee elected at the Sixth Congress,central-committee,"
        "1917-08-16,1918-03-08,6\n"
    )
    bad = runner.invoke(cli, ["bodies", "--kind", "club", "--data", str(tiny_dir)])
    assert bad.exit_code == 2
    assert "'club' is not one of" in bad.stderr
