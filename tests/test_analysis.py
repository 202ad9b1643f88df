"""Analyses on the tiny dataset: chains, centrality, timelines, survival."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.analysis import (
    centrality,
    collapse,
    shortest_path,
    survival,
    timeline,
    to_pandas,
)
from bolshevik_graph.cli import cli
from bolshevik_graph.errors import InvalidValueError, UnknownIdError
from bolshevik_graph.graph import build_graph, select_subgraph
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset


def test_shortest_path_walks_edges_either_way(tiny: Dataset) -> None:
    graph = select_subgraph(tiny, rel_types=["KILLED_BY", "ACTED_ON_ORDERS_OF"])
    steps = shortest_path(graph, "stalin", "trotsky")
    assert [(s.source, s.rel_type, s.target, s.forward) for s in steps] == [
        ("mercader", "ACTED_ON_ORDERS_OF", "stalin", False),
        ("trotsky", "KILLED_BY", "mercader", False),
    ]
    assert steps[1].start == "1940-08-20" and steps[1].sources == "tiny-ref"


def test_no_path(tiny: Dataset) -> None:
    graph = select_subgraph(tiny, rel_types=["KILLED_BY"])
    with pytest.raises(
        InvalidValueError,
        match=r"links Vladimir Lenin \(lenin\) and Leon Trotsky \(trotsky\)",
    ):
        shortest_path(graph, "lenin", "trotsky")


def test_unknown_end(tiny: Dataset) -> None:
    with pytest.raises(UnknownIdError, match="unknown person 'lenni'"):
        shortest_path(build_graph(tiny), "lenni", "stalin")


def test_collapse_counts_parallel_edges(tiny: Dataset) -> None:
    simple = collapse(build_graph(tiny))
    # stalin-zinoviev: ALLIED_WITH one way, PURGED_BY the other.
    assert simple["stalin"]["zinoviev"]["weight"] == 2
    assert simple.number_of_edges() == 14  # 15 edges, one parallel pair


def test_degree_centrality(tiny: Dataset) -> None:
    ranked = centrality(build_graph(tiny), "degree", 3)
    # Stalin: cc-1917-aug, zinoviev, mercader, trial-of-the-sixteen = 4 of 10 other nodes;
    # then three people with 3 neighbours each, ties broken by id.
    assert [(c.rank, c.id) for c in ranked] == [(1, "stalin"), (2, "mercader"), (3, "trotsky")]
    assert ranked[0].score == pytest.approx(4 / 10)


@pytest.mark.parametrize("by", ["betweenness", "pagerank"])
def test_other_measures_rank_people_only(tiny: Dataset, by: str) -> None:
    ranked = centrality(build_graph(tiny), by, 20)
    assert {c.id for c in ranked} == set(tiny.people)
    assert ranked[0].id == "stalin"


def test_timeline_in_date_order(tiny: Dataset) -> None:
    entries = timeline(tiny, "zinoviev")
    assert [(e.date, e.what) for e in entries] == [
        ("1883-09-23", "born"),
        ("1917-08-16", "member of Central Committee elected at the Sixth Congress (cc-1917-aug)"),
        ("1923", "Joseph Stalin ALLIED_WITH them"),
        ("1934-12-16", "PURGED_BY Joseph Stalin"),
        ("1936-08-19", "defendant in Trial of the Sixteen (trial-of-the-sixteen)"),
        ("1936-08-25", "died"),
    ]


def test_survival(tiny: Dataset) -> None:
    rows = {r.year: r for r in survival(tiny, "cc-1917-aug")}
    assert (rows[1917].alive, rows[1917].dead) == (6, 0)
    assert (rows[1918].alive, rows[1918].dead) == (5, 1)  # Uritsky
    assert (rows[1936].dead, rows[1936].killed_on_stalins_orders) == (3, 1)  # + Lenin, Zinoviev
    assert (rows[1940].dead, rows[1940].killed_on_stalins_orders) == (4, 2)  # + Trotsky
    assert (rows[1953].alive, rows[1960].alive) == (0, 0)
    assert len(rows) == 44


def test_to_pandas_says_what_it_needs(tiny: Dataset) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(InvalidValueError, match="to_pandas\\(\\) needs pandas"):
            to_pandas(survival(tiny))
    else:
        assert next(iter(to_pandas(survival(tiny)).columns)) == "year"


def test_cli_path(runner: CliRunner, tiny_dir: Path) -> None:
    args = [
        "path",
        "stalin",
        "trotsky",
        "--rel-types",
        "KILLED_BY,ACTED_ON_ORDERS_OF",
        "--format",
        "csv",
    ]
    result = runner.invoke(cli, [*args, "--data", str(tiny_dir)])
    assert result.stdout == (
        "step,subject,relationship,object,role,start,end,confidence,sources\n"
        "1,mercader,ACTED_ON_ORDERS_OF,stalin,,1940,1940,certain,tiny-ref\n"
        "2,trotsky,KILLED_BY,mercader,,1940-08-20,1940-08-21,certain,tiny-ref\n"
    )


def test_cli_central(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(
        cli, ["central", "--top", "2", "--format", "csv", "--data", str(tiny_dir)]
    )
    assert (
        result.stdout
        == "rank,id,name,score\n1,stalin,Joseph Stalin,0.4\n2,mercader,Ramón Mercader,0.3\n"
    )


def test_cli_survival_chart(runner: CliRunner, tiny_dir: Path, tmp_path: Path) -> None:
    chart = tmp_path / "s.svg"
    result = runner.invoke(
        cli, ["survival", "--chart", str(chart), "--format", "csv", "--data", str(tiny_dir)]
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "year,alive,dead,unknown,killed_on_stalins_orders",
        "1917,6,0,0,0",
        "1918,5,1,0,0",
    ]
    assert "survival of its members" in chart.read_text(encoding="utf-8")


def test_cli_timeline_unknown(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["timeline", "zinovjev", "--data", str(tiny_dir)])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: unknown person 'zinovjev'; did you mean: zinoviev?\n",
    )


def test_cli_path_says_when_both_ends_are_one_person(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["path", "stalin", "Koba", "--data", str(tiny_dir)])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: 'stalin' and 'Koba' are the same person, Joseph Stalin (stalin): "
        "a chain needs two different people\n",
    )


def test_cli_path_says_who_was_not_alive_on_the_date(runner: CliRunner, tiny_dir: Path) -> None:
    args = ["path", "trotsky", "mercader", "--as-of", "1945-01-01", "--data", str(tiny_dir)]
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: Leon Trotsky (trotsky) was not alive on 1945-01-01"
        " (lived 1879-11-07 – 1940-08-21)\n",
    )


def test_survival_counts_unknown_deaths_apart(tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    text = people.read_text(encoding="utf-8")
    assert ",1952-03-09," in text and ",natural,Died in Moscow," in text
    text = text.replace(",1952-03-09,", ",,").replace(",natural,Died in Moscow,", ",unknown,,")
    people.write_text(text, encoding="utf-8")
    rows = {r.year: r for r in survival(load_dataset(tiny_copy), "cc-1917-aug")}
    # Kollontai has no death date: not alive in 1953 for want of one, but unknown.
    assert (rows[1917].alive, rows[1917].dead, rows[1917].unknown) == (5, 0, 1)
    assert (rows[1953].alive, rows[1953].dead, rows[1953].unknown) == (0, 5, 1)
