"""The fates analysis on the tiny dataset, whose answers are known by heart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bolshevik_graph.errors import UnknownIdError
from bolshevik_graph.fates import fates
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset


def test_rows_in_role_then_id_order(tiny: Dataset) -> None:
    report = fates(tiny)
    assert [(row.id, row.role) for row in report.people] == [
        ("lenin", "member"),
        ("stalin", "member"),
        ("trotsky", "member"),
        ("uritsky", "member"),
        ("zinoviev", "member"),
        ("kollontai", "candidate"),
    ]


def test_age_is_completed_years_on_7_november_1917(tiny: Dataset) -> None:
    ages = {row.id: row.age for row in fates(tiny).people}
    # Trotsky was born on 7 Nov 1879 N.S.: he turned 38 on the day of the revolution.
    assert ages == {
        "lenin": 47,
        "stalin": 38,
        "trotsky": 38,
        "uritsky": 44,
        "zinoviev": 34,
        "kollontai": 45,
    }


def test_killed_on_stalins_orders_follows_the_edges(tiny: Dataset) -> None:
    killed = {row.id for row in fates(tiny).people if row.killed_on_stalins_orders}
    # zinoviev: PURGED_BY stalin; trotsky: KILLED_BY mercader, who ACTED_ON_ORDERS_OF stalin;
    # uritsky: killed, but by kannegisser, who acted on nobody's orders.
    assert killed == {"zinoviev", "trotsky"}


def test_member_summary(tiny: Dataset) -> None:
    members = fates(tiny).summaries[0].to_dict()
    assert members == {
        "role": "member",
        "count": 5,
        "fates": {"executed": 1, "assassinated": 2, "natural": 2},
        "killed_on_stalins_orders": 2,
        "killed_on_stalins_orders_share": 0.4,
        "arrested": 1,
        "arrested_survived": 0,
        "died_before_great_terror": 2,
        "outlived_stalin": 0,
        "ages_known": 5,
        "median_age": 38,
        "mean_age": 40.2,
        "youngest": {"id": "zinoviev", "name": "Grigory Zinoviev", "age": 34},
        "oldest": {"id": "lenin", "name": "Vladimir Lenin", "age": 47},
    }


def test_candidates_are_summarised_apart(tiny: Dataset) -> None:
    candidates = fates(tiny).summaries[1]
    assert (candidates.role, candidates.count, candidates.outlived_stalin) == ("candidate", 1, 0)


def test_unknown_body_suggests_close_ids(tiny: Dataset) -> None:
    with pytest.raises(
        UnknownIdError, match=r"unknown body 'cc-1917-agu'; did you mean: cc-1917-aug\?"
    ):
        fates(tiny, "cc-1917-agu")


def test_json_shape(tiny: Dataset) -> None:
    data = fates(tiny).to_dict()
    assert set(data) == {"body", "age_basis", "people", "summary", "coverage", "figures"}
    assert data["age_basis"] == "revolution"
    assert set(data["summary"]) == {"member", "candidate"}
    assert data["people"][2] == {
        "id": "trotsky",
        "name": "Leon Trotsky",
        "role": "member",
        "born": "1879-11-07",
        "died": "1940-08-21",
        "arrested": None,
        "age": 38,
        "age_range": [38, 38],
        "fate": "assassinated",
        "killed_on_stalins_orders": True,
        "how": "Struck with an ice axe by an NKVD agent",
    }


def test_roster_coverage_against_the_published_size(tiny: Dataset) -> None:
    coverage = [c.to_dict() for c in fates(tiny).coverage]
    assert coverage == [
        {"role": "member", "size": 21, "known": 5},
        {"role": "candidate", "size": 9, "known": 1},
    ]


def test_published_figures_beside_the_data(tiny: Dataset) -> None:
    checks = {
        c.figure.id: (c.figure.value, c.computed, c.computed_total) for c in fates(tiny).figures
    }
    # Killed on Stalin's orders: zinoviev and trotsky of the six people; median member age 38.
    assert checks == {"test-killed": (3, 2, 6), "test-median": (34, 38, None)}


def test_later_bodies_give_the_age_on_entering(tiny_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(tiny_dir, tmp_path, dirs_exist_ok=True)
    with (tmp_path / "bodies.csv").open("a", encoding="utf-8") as f:
        f.write("politburo-test,A Politburo for the test,,politburo,,,1919-03-25,,,,,tiny-ref\n")
    with (tmp_path / "memberships.csv").open("a", encoding="utf-8") as f:
        f.write("stalin,politburo-test,member,1919-03-25,1953-03-05,,tiny-ref\n")
        f.write("zinoviev,politburo-test,member,1921-03,1926-07,,tiny-ref\n")
    report = fates(load_dataset(tmp_path), "politburo-test")
    assert report.age_basis == "entry"
    # Stalin entered on 1919-03-25, aged 40; Zinoviev on 1921-03, aged 37 whatever the day.
    assert {row.id: (row.age, row.age_range) for row in report.people} == {
        "stalin": (40, (40, 40)),
        "zinoviev": (37, (37, 37)),
    }
