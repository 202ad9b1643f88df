"""The command line, driven by CliRunner, with exact expectations on the tiny dataset."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.cli import cli

TINY_FATES = """\
Central Committee elected at the Sixth Congress (cc-1917-aug), 16 Aug 1917 – 8 Mar 1918

name                 role       born        died        arrested    age  fate          by Stalin  how
-------------------  ---------  ----------  ----------  ----------  ---  ------------  ---------  ---------------------------------------
Vladimir Lenin       member     1870-04-22  1924-01-21              47   natural       no         Died after a series of strokes
Joseph Stalin        member     1878-12-18  1953-03-05              38   natural       no         Died after a stroke
Leon Trotsky         member     1879-11-07  1940-08-21              38   assassinated  yes        Struck with an ice axe by an NKVD agent
Moisei Uritsky       member     1873-01-14  1918-08-30              44   assassinated  no         Shot by Leonid Kannegisser
Grigory Zinoviev     member     1883-09-23  1936-08-25  1934-12-16  34   executed      yes        Shot after the Trial of the Sixteen
Alexandra Kollontai  candidate  1872-03-31  1952-03-09              45   natural       no         Died in Moscow

Members (5)
  fates: executed 1, assassinated 2, natural 2
  killed on Stalin's orders: 2 of 5 (40%)
  arrested: 1 (of whom survived: 0)
  died before the Great Terror (before 1936): 2
  outlived Stalin (died after 5 Mar 1953): 0
  age at the revolution: median 38, mean 40.2
  youngest: Grigory Zinoviev (34); oldest: Vladimir Lenin (47)

Candidates (1)
  fates: natural 1
  killed on Stalin's orders: 0 of 1 (0%)
  arrested: 0 (of whom survived: 0)
  died before the Great Terror (before 1936): 0
  outlived Stalin (died after 5 Mar 1953): 0
  age at the revolution: median 45, mean 45.0
  youngest: Alexandra Kollontai (45); oldest: Alexandra Kollontai (45)

Roster: 6 of 30 known (5 of 21 members, 1 of 9 candidates); 24 slots unfilled

Published figures beside the data
  Test Author (2024): 3 of 30, killed on Stalin's orders — “three of the thirty were killed on Stalin's orders”
    the data: 2 of 6 — people killed on Stalin's orders (derived from the edges)
    why they may differ: A made-up figure for the tests
  Test Author (2024): 34, median age at the revolution — “the median member was 34”
    the data: 38 — median completed age on 7 Nov 1917 of the full members with a known age
"""


def test_fates_table(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["fates", "--data", str(tiny_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout == TINY_FATES


def test_fates_csv(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["fates", "--format", "csv", "--data", str(tiny_dir)])
    lines = result.stdout.splitlines()
    assert lines[0] == ("id,name,role,born,died,arrested,age,fate,killed_on_stalins_orders,how")
    assert lines[3] == (
        "trotsky,Leon Trotsky,member,1879-11-07,1940-08-21,,38,assassinated,true,"
        "Struck with an ice axe by an NKVD agent"
    )
    assert len(lines) == 7


def test_fates_json(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["fates", "--format", "json", "--data", str(tiny_dir)])
    data = json.loads(result.stdout)
    assert data["body"] == {
        "id": "cc-1917-aug",
        "name": "Central Committee elected at the Sixth Congress",
        "kind": "central-committee",
        "start": "1917-08-16",
        "end": "1918-03-08",
    }
    assert data["summary"]["member"]["killed_on_stalins_orders"] == 2


def test_fates_unknown_body(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["fates", "--body", "cc-1917-agu", "--data", str(tiny_dir)])
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown body 'cc-1917-agu'; did you mean: cc-1917-aug?\n"


def test_people(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(
        cli, ["people", "--body", "cc-1917-aug", "--format", "csv", "--data", str(tiny_dir)]
    )
    assert result.stdout == (
        "id,name,born,died,fate\n"
        "kollontai,Alexandra Kollontai,1872-03-31,1952-03-09,natural\n"
        "lenin,Vladimir Lenin,1870-04-22,1924-01-21,natural\n"
        "stalin,Joseph Stalin,1878-12-18,1953-03-05,natural\n"
        "trotsky,Leon Trotsky,1879-11-07,1940-08-21,assassinated\n"
        "uritsky,Moisei Uritsky,1873-01-14,1918-08-30,assassinated\n"
        "zinoviev,Grigory Zinoviev,1883-09-23,1936-08-25,executed\n"
    )


def test_show(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["show", "kollontai", "--data", str(tiny_dir)])
    assert result.exit_code == 0
    assert result.stdout == (
        "Alexandra Kollontai (kollontai)\n"
        "  full name: Alexandra Mikhailovna Kollontai\n"
        "  in Russian: Александра Михайловна Коллонтай\n"
        "  born: 1872-03-31 (O.S. 1872-03-19), St Petersburg, Russia\n"
        "  died: 1952-03-09, Moscow, Russia\n"
        "  fate: natural — Died in Moscow\n"
        "  killed on Stalin's orders: no\n"
        "memberships:\n"
        "  Central Committee elected at the Sixth Congress (cc-1917-aug), candidate,"
        " 1917-08-16 to 1918-03-08\n"
        "sources:\n"
        "  tiny-ref: A reference work made up for the tests\n"
    )


def test_show_json(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["show", "trotsky", "--format", "json", "--data", str(tiny_dir)])
    data = json.loads(result.stdout)
    assert data["killed_on_stalins_orders"] is True
    assert data["relationships"][0]["object"] == "mercader"


def test_show_unknown_person(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["show", "trotski", "--data", str(tiny_dir)])
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown person 'trotski'; did you mean: trotsky?\n"


def test_validate_clean(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["validate", "--data", str(tiny_dir)])
    assert (result.exit_code, result.stdout) == (0, f"{tiny_dir}: no problems\n")


def test_validate_reports_every_problem(runner: CliRunner, tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    people.write_text(
        people.read_text(encoding="utf-8")
        .replace("1883-09-23", "1883-9-23")
        .replace(",Q855,", ",X,")
    )
    result = runner.invoke(cli, ["validate", "--data", str(tiny_copy)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2 problems in the data:\n"
        "  people.csv:3:15 (wikidata): 'X' is not a Wikidata QID (Q followed by digits)\n"
        "  people.csv:5:6 (born): '1883-9-23' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    )
    assert "Traceback" not in result.output


def test_missing_data_directory(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["fates", "--data", "/no/such/dir"])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: data directory '/no/such/dir' does not exist\n",
    )


def test_empty_data_directory(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["people", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: '{tmp_path}' holds no bolshevik-graph tables")


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["fates", "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json', 'csv'" in result.stderr


def test_directory_of_other_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "victims.csv").write_text("name,year\nX,1937\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: '{tmp_path}' holds no bolshevik-graph tables (expected people.csv, bodies.csv, "
        "memberships.csv, relationships.csv, events.csv, participants.csv, figures.csv, sources.csv, "
        "alternatives.csv)\n"
    )


def test_data_option_pointing_at_a_file(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["fates", "--data", str(tiny_dir / "people.csv")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: '{tiny_dir / 'people.csv'}' is not a directory\n",
    )


def _on_terminal(args: list[str]) -> tuple[int, str]:
    """Run the real CLI with stderr on a pseudo-terminal, as a user sees it; return (exit, stderr)."""
    main, side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bolshevik_graph", *args], stdout=subprocess.DEVNULL, stderr=side
    )
    os.close(side)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return process.wait(), b"".join(chunks).decode("utf-8", errors="replace")


@pytest.fixture
def big_data(tiny_copy: Path) -> Path:
    """The tiny dataset grown past the size at which reading shows a bar (a 9 MB note)."""
    people = tiny_copy / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    note = "x" * 9_000_000
    lines.append(
        f"filler,Filler,Filler Fillerov,,,1880-01-01,,,1950-01-01,,,,natural,,,{note},tiny-ref\n"
    )
    people.write_text("".join(lines), encoding="utf-8")
    return tiny_copy


def test_progress_bar_on_a_terminal_for_big_data(big_data: Path) -> None:
    code, terminal = _on_terminal(["validate", "--data", str(big_data)])
    assert code == 0
    assert "reading" in terminal and "100%" in terminal


def test_no_progress_bar_for_small_data_or_when_piped(big_data: Path, tiny_dir: Path) -> None:
    assert _on_terminal(["validate", "--data", str(tiny_dir)]) == (0, "")
    piped = subprocess.run(
        [sys.executable, "-m", "bolshevik_graph", "validate", "--data", str(big_data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (piped.returncode, piped.stderr) == (0, "")


def test_tables_fit_the_terminal_and_wide_shows_everything(
    runner: CliRunner, tiny_dir: Path
) -> None:
    args = ["timeline", "zinoviev", "--data", str(tiny_dir)]
    fitted = runner.invoke(cli, args, env={"COLUMNS": "80"}).stdout.splitlines()
    assert max(len(line) for line in fitted) <= 80
    assert any("…" in line for line in fitted)
    wide = runner.invoke(cli, [*args, "--wide"], env={"COLUMNS": "80"}).stdout.splitlines()
    assert max(len(line) for line in wide) > 80
    assert wide == runner.invoke(cli, args).stdout.splitlines()  # piped: not cut
    assert runner.invoke(cli, [*args, "--format", "csv"], env={"COLUMNS": "80"}).stdout == (
        runner.invoke(cli, [*args, "--format", "csv"]).stdout
    )


def test_chart_says_what_it_wrote_on_stderr(
    runner: CliRunner, tiny_dir: Path, tmp_path: Path
) -> None:
    chart = tmp_path / "fates.svg"
    result = runner.invoke(
        cli, ["fates", "--chart", str(chart), "--format", "csv", "--data", str(tiny_dir)]
    )
    assert result.stderr == f"wrote {chart}\n"
    assert result.stdout.startswith("id,name,role,")


def test_export_to_standard_output(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(
        cli, ["export", "--format", "cypher", "-o", "-", "--data", str(tiny_dir)]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("// bolshevik-graph: makes the same graph")
    assert not Path("-").exists()


def test_render_open_says_when_no_browser_opens(tiny_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    page = tmp_path / "p.html"
    env = {**os.environ, "BROWSER": "false"}
    env.pop("DISPLAY", None)
    command = [sys.executable, "-m", "bolshevik_graph", "render", "-o", str(page), "--open"]
    done = subprocess.run(
        [*command, "--data", str(tiny_dir)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stderr == f"could not open a browser here; open {page} yourself\n"
