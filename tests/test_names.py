"""Finding people by any name: ids, names, aliases, Russian names, words of names; ambiguity."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.cli import cli
from bolshevik_graph.errors import AmbiguousNameError, UnknownIdError
from bolshevik_graph.models import Dataset
from bolshevik_graph.names import PersonNames, match_people, normalise, resolve_person


def test_normalise_folds_case_accents_scripts_and_punctuation() -> None:
    assert normalise("Ramón  Mercader") == "ramon mercader"
    assert normalise("Иосиф Виссарионович Джугашвили") == "iosif vissarionovich dzhugashvili"
    assert normalise("Jānis Bērziņš") == "janis berzins"
    assert normalise("Berzin-Jan-A") == "berzin jan a"
    assert normalise("Stanisław") == "stanislaw"
    assert normalise(" ,. ") == ""


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("stalin", "stalin"),
        ("Koba", "stalin"),
        ("koba", "stalin"),
        ("Dzhugashvili", "stalin"),
        ("Сталин", "stalin"),
        ("Ulyanov", "lenin"),
        ("Lev Bronstein", "trotsky"),
        ("LEV DAVIDOVICH BRONSTEIN", "trotsky"),
        ("Iron Felix", "dzerzhinsky"),
        ("Ramon", "mercader"),
        ("Ramón Mercader", "mercader"),
        ("Bukharin", "bukharin"),
        ("Ezhov", "yezhov"),
        ("Sergo", "ordzhonikidze"),
    ],
)
def test_any_name_finds_the_person(shipped: Dataset, given: str, expected: str) -> None:
    assert resolve_person(shipped, given) == expected


def test_a_shared_birth_name_is_ambiguous(shipped: Dataset) -> None:
    # Trotsky and his sister Olga Kameneva were both born Bronstein.
    with pytest.raises(AmbiguousNameError, match=r"'Bronstein' could be 2 people"):
        resolve_person(shipped, "Bronstein")


def test_an_id_wins_over_names(shipped: Dataset) -> None:
    # "Kamenev" is also a word of Sergei Kamenev's name; the id `kamenev` is Lev Kamenev.
    assert resolve_person(shipped, "kamenev") == "kamenev"
    assert resolve_person(shipped, "Kamenev") == "kamenev"


def test_an_ambiguous_name_lists_the_candidates_with_ids_and_dates(shipped: Dataset) -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        resolve_person(shipped, "Berzin")
    assert str(caught.value) == (
        "'Berzin' could be 3 people; give one of these ids:\n"
        "  berzin-jan-a: Jan Berzin (Ziemelis), 1881-10-11 – 1938-08-29\n"
        "  berzin-jan-k: Jan Karlovich Berzin (Pēteris Ķuzis), 1889-11-25 – 1938-07-29\n"
        "  berzin-e-p: Eduard Berzin, 1894-02-19 – 1938-08-01"
    )


def test_a_whole_name_beats_words_of_names() -> None:
    people = [
        PersonNames("a", "Ivan Petrov", "1900", "1950", ("Ivan Petrov",)),
        PersonNames("b", "Ivan Petrov-Vodkin", "1901", "", ("Ivan Petrov-Vodkin",)),
    ]
    assert [p.id for p in match_people(people, "ivan petrov")] == ["a"]
    assert [p.id for p in match_people(people, "Petrov")] == ["a", "b"]
    assert match_people(people, "") == []


def test_an_unknown_name_suggests_close_ids(tiny: Dataset) -> None:
    with pytest.raises(UnknownIdError, match=r"unknown person 'trotski'; did you mean: trotsky\?"):
        resolve_person(tiny, "trotski")


def test_cli_show_by_alias(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["show", "Koba", "--data", str(tiny_dir)])
    assert result.exit_code == 0
    assert result.stdout.startswith("Joseph Stalin (stalin)\n")


def test_cli_ambiguous_name_exits_1_with_the_candidates(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["timeline", "Berzin"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "Error: 'Berzin' could be 3 people; give one of these ids:",
        "  berzin-jan-a: Jan Berzin (Ziemelis), 1881-10-11 – 1938-08-29",
        "  berzin-jan-k: Jan Karlovich Berzin (Pēteris Ķuzis), 1889-11-25 – 1938-07-29",
        "  berzin-e-p: Eduard Berzin, 1894-02-19 – 1938-08-01",
    ]


def test_cli_path_render_and_query_take_names(
    runner: CliRunner, tiny_dir: Path, tmp_path: Path
) -> None:
    data = ["--data", str(tiny_dir)]
    by_name = runner.invoke(cli, ["path", "Bronstein", "Jacques Mornard", "--format", "csv", *data])
    by_id = runner.invoke(cli, ["path", "trotsky", "mercader", "--format", "csv", *data])
    assert by_name.exit_code == 0
    assert by_name.stdout == by_id.stdout
    out = tmp_path / "p.html"
    page = runner.invoke(
        cli, ["render", "-o", str(out), "--focus", "Ulyanov", "--depth", "1", *data]
    )
    assert page.exit_code == 0, page.stderr
    assert "1 step around Vladimir Lenin" in out.read_text(encoding="utf-8")
    query = ["query", "run", "victims-of", "--format", "csv", *data]
    unknown = runner.invoke(cli, [*query, "-p", "person", "Nobody"])
    assert (unknown.exit_code, unknown.stderr) == (
        1,
        "Error: unknown person 'Nobody' (known: kannegisser, kollontai, lenin, mercader, stalin,"
        " trotsky, uritsky, zinoviev)\n",
    )
    assert (
        runner.invoke(cli, [*query, "-p", "person", "Коба"]).stdout
        == runner.invoke(cli, [*query, "-p", "person", "stalin"]).stdout
    )
