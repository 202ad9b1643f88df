"""The committees side by side, on the tiny dataset whose answers are known by heart."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bolshevik_graph.cli import cli
from bolshevik_graph.cohort import cohort
from bolshevik_graph.models import Dataset


def test_one_row_per_central_committee(tiny: Dataset) -> None:
    rows = cohort(tiny)
    assert [row.to_dict() for row in rows] == [
        {
            "body": "cc-1917-aug",
            "name": "Central Committee elected at the Sixth Congress",
            "elected": "1917-08-16",
            "size": 30,
            "known": 6,
            "unfilled": 24,
            # zinoviev (PURGED_BY stalin) and trotsky (KILLED_BY mercader on Stalin's orders)
            "killed_on_stalins_orders": 2,
            "arrested": 1,
            "died_violently": 3,
            "died_before_great_terror": 2,
            "outlived_stalin": 0,
            "share_killed": 0.3333,
            "fates": {"executed": 1, "assassinated": 2, "natural": 3},
        }
    ]


def test_cohort_table(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["cohort", "--data", str(tiny_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "body         elected     known    killed by Stalin  share  arrested  violent death"
        "  died < 1936  outlived Stalin\n"
        "-----------  ----------  -------  ----------------  -----  --------  -------------"
        "  -----------  ---------------\n"
        "cc-1917-aug  1917-08-16  6 of 30  2                 33%    1         3            "
        "  2            0\n"
        "\n"
        "known: people the data names (of the published size); share: killed on Stalin's orders "
        "among the known. Counts are lower bounds where slots are unfilled.\n"
    )


def test_cohort_csv_and_chart(runner: CliRunner, tiny_dir: Path, tmp_path: Path) -> None:
    chart = tmp_path / "cohort.png"
    result = runner.invoke(
        cli, ["cohort", "--format", "csv", "--chart", str(chart), "--data", str(tiny_dir)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "body,name,elected,size,known,killed_on_stalins_orders,share_killed,arrested,"
        "died_violently,died_before_great_terror,outlived_stalin,fates",
        "cc-1917-aug,Central Committee elected at the Sixth Congress,1917-08-16,30,6,2,0.3333,1,"
        "3,2,0,executed:1;assassinated:2;natural:3",
    ]
    assert result.stderr == f"wrote {chart}\n"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
