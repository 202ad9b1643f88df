"""Rows resting on weak sources alone: found, located, counted; the CLI's strict mode and stats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import DATA, make_broken

from bolshevik_graph.cli import cli
from bolshevik_graph.loader import find_problems, load_dataset
from bolshevik_graph.models import Dataset
from bolshevik_graph.sourcing import WeakRow, non_weak_share, weak_problems, weak_rows

WEAK = DATA / "weak-sources"


def weak_dir(tmp_path: Path) -> Path:
    """The tiny dataset with a membership citing only a blog and a relationship a seed and a
    mirror; a relationship citing a blog beside the reference work is not weak."""
    return make_broken(WEAK, tmp_path)


def test_tiny_has_no_weak_rows(tiny: Dataset) -> None:
    assert weak_rows(tiny) == []
    assert set(non_weak_share(tiny).values()) == {1.0}


def test_weak_rows_in_table_then_line_order(tmp_path: Path) -> None:
    dataset = load_dataset(weak_dir(tmp_path))
    assert weak_rows(dataset) == [
        WeakRow("memberships", 7, ("forum",)),
        WeakRow("relationships", 7, ("seed-003", "copy")),
    ]


def test_weak_rows_are_located_problems(tmp_path: Path) -> None:
    expected = (WEAK / "expected.txt").read_text(encoding="utf-8").splitlines()
    dataset = load_dataset(weak_dir(tmp_path))
    assert [str(p) for p in weak_problems(dataset)] == expected


def test_strict_adds_weak_rows_to_the_problems(tmp_path: Path) -> None:
    directory = weak_dir(tmp_path)
    expected = (WEAK / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert find_problems(directory) == []
    assert [str(p) for p in find_problems(directory, strict=True)] == expected


def test_share_per_table_and_overall(tmp_path: Path) -> None:
    shares = non_weak_share(load_dataset(weak_dir(tmp_path)))
    assert {k: round(v, 4) for k, v in shares.items()} == {
        "people": 1.0,
        "bodies": 1.0,
        "memberships": 0.8333,
        "relationships": 0.8571,
        "events": 1.0,
        "participants": 1.0,
        "figures": 1.0,
        "alternatives": 1.0,
        "all rows": 0.9355,
    }


def test_unknown_source_is_neither_weak_nor_strong(tmp_path: Path) -> None:
    directory = weak_dir(tmp_path)
    memberships = directory / "memberships.csv"
    memberships.write_text(memberships.read_text(encoding="utf-8").replace(",forum", ",nowhere"))
    problems = [str(p) for p in find_problems(directory, strict=True)]
    assert problems == [
        "memberships.csv:7:7 (sources): unknown source 'nowhere'",
        "relationships.csv:7:8 (sources): rests only on mirror/blog/seed sources: seed-003, copy",
    ]


def test_cli_validate_strict(runner: CliRunner, tmp_path: Path, tiny_dir: Path) -> None:
    directory = weak_dir(tmp_path)
    result = runner.invoke(cli, ["validate", "--strict", "--data", str(directory)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2 problems in the data:\n"
        "  memberships.csv:7:7 (sources): rests only on mirror/blog/seed sources: forum\n"
        "  relationships.csv:7:8 (sources): rests only on mirror/blog/seed sources: seed-003,"
        " copy\n"
    )
    clean = runner.invoke(cli, ["validate", "--strict", "--data", str(tiny_dir)])
    assert (clean.exit_code, clean.stdout) == (0, f"{tiny_dir}: no problems\n")


def test_cli_stats_text_and_json(runner: CliRunner, tmp_path: Path) -> None:
    directory = weak_dir(tmp_path)
    text = runner.invoke(cli, ["stats", "--data", str(directory)])
    assert text.exit_code == 0
    tail = text.stdout.split("sources by kind:\n")[1]
    assert tail == (
        "  blog        1\n"
        "  book        1\n"
        "  mirror      1\n"
        "  seed        1\n"
        "rows citing a source that is not a mirror, blog or seed:\n"
        "  people          100%\n"
        "  bodies          100%\n"
        "  memberships      83%\n"
        "  relationships    86%\n"
        "  events          100%\n"
        "  participants    100%\n"
        "  figures         100%\n"
        "  alternatives    100%\n"
        "  all rows         94%\n"
    )
    data = json.loads(
        runner.invoke(cli, ["stats", "--format", "json", "--data", str(directory)]).stdout
    )
    assert data["source_kinds"] == {"blog": 1, "book": 1, "mirror": 1, "seed": 1}
    assert data["non_weak_sources"]["relationships"] == 0.8571
    assert data["non_weak_sources"]["all rows"] == 0.9355


def test_cli_strict_truncation_names_the_strict_listing(runner: CliRunner) -> None:
    # The shipped data has more weak-source rows than an error message lists.
    result = runner.invoke(cli, ["validate", "--strict"])
    assert result.exit_code == 1
    assert result.stderr.rstrip("\n").endswith(
        "more (`bolshevik-graph validate --strict --all` lists every one, `--format json` too)"
    )
