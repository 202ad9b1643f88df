"""Listing people and a person's profile."""

from __future__ import annotations

import pytest

from bolshevik_graph.errors import UnknownIdError
from bolshevik_graph.models import Dataset
from bolshevik_graph.people import list_people, person_profile


def test_list_everyone_sorted_by_id(tiny: Dataset) -> None:
    assert [p.id for p in list_people(tiny)][:3] == ["kannegisser", "kollontai", "lenin"]


def test_list_a_body(tiny: Dataset) -> None:
    assert len(list_people(tiny, "cc-1917-aug")) == 6


def test_profile_gathers_both_directions(tiny: Dataset) -> None:
    profile = person_profile(tiny, "stalin")
    assert [r.type for r in profile.outgoing] == ["ALLIED_WITH"]
    assert [(r.subject, r.type) for r in profile.incoming] == [
        ("zinoviev", "PURGED_BY"),
        ("mercader", "ACTED_ON_ORDERS_OF"),
    ]
    assert [a.value for a in profile.alternatives] == ["1879-12-21"]
    assert [s.id for s in profile.sources] == ["tiny-ref"]


def test_unknown_person(tiny: Dataset) -> None:
    with pytest.raises(
        UnknownIdError, match=r"unknown person 'zinovjev'; did you mean: zinoviev\?"
    ):
        person_profile(tiny, "zinovjev")


def test_a_profile_lists_events_and_trial_roles(tiny: Dataset) -> None:
    from bolshevik_graph.output import profile_text

    profile = person_profile(tiny, "Zinoviev")
    assert profile.to_dict()["events"] == [
        {
            "event": "trial-of-the-sixteen",
            "name": "Trial of the Sixteen",
            "kind": "trial",
            "start": "1936-08-19",
            "end": "1936-08-24",
            "role": "defendant",
            "sentence": "death",
            "sources": ["tiny-ref"],
        }
    ]
    text = profile_text(profile).splitlines()
    assert text[text.index("events:") + 1] == (
        "  defendant in Trial of the Sixteen (trial-of-the-sixteen), 1936-08-19 to 1936-08-24"
        " — sentence: death"
    )
