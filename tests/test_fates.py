"""The fates analysis on the tiny dataset, whose answers are known by heart."""

from __future__ import annotations

import pytest

from bolshevik_graph.errors import UnknownIdError
from bolshevik_graph.fates import fates
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
    ages = {row.id: row.age_at_revolution for row in fates(tiny).people}
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
    assert set(data) == {"body", "people", "summary"}
    assert set(data["summary"]) == {"member", "candidate"}
    assert data["people"][2] == {
        "id": "trotsky",
        "name": "Leon Trotsky",
        "role": "member",
        "born": "1879-11-07",
        "died": "1940-08-21",
        "age_at_revolution": 38,
        "age_range": [38, 38],
        "fate": "assassinated",
        "killed_on_stalins_orders": True,
        "how": "Struck with an ice axe by an NKVD agent",
    }
