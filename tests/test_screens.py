"""Screens pass every row the exact checks would flag: tested against those checks themselves."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bolshevik_graph import validate
from bolshevik_graph.dates import PartialDate
from bolshevik_graph.errors import Problem
from bolshevik_graph.models import (
    POSTHUMOUS_OBJECT_TYPES,
    Body,
    BodyKind,
    Confidence,
    Dataset,
    Fate,
    Membership,
    Person,
    Relationship,
    RelType,
    Role,
)
from bolshevik_graph.screens import (
    distinct,
    latest_first_day,
    repeated,
    suspect_memberships,
    suspect_relationships,
)
from bolshevik_graph.validate import check


def test_of_what_strip_removes_only_the_space_is_printable() -> None:
    """The block reader skips ``strip`` on a printable column without a space (blocks.py)."""
    stripped = [chr(c) for c in range(sys.maxunicode + 1) if not chr(c).strip()]
    assert [c for c in stripped if c.isprintable()] == [" "]


# Few years, months and days, so that dates often meet at a boundary (the last day of one is
# the day before the first of another), where an off-by-one screen would let a problem pass.
years, months, days = (
    st.sampled_from([1900, 1901]),
    st.sampled_from([1, 12]),
    st.sampled_from([1, 31]),
)
dates = st.one_of(
    st.none(),
    st.builds(PartialDate, years),
    st.builds(PartialDate, years, months),
    st.builds(PartialDate, years, months, days),
)
IDS = ["a", "b", "c", "ghost"]


def _person(key: str, born: PartialDate | None, died: PartialDate | None) -> Person:
    fate = Fate.NATURAL if died else Fate.UNKNOWN
    return Person(key, key, "", "", (), born, None, "", died, None, "", None, fate, "", "", "", ())


lives = st.lists(st.tuples(dates, dates), min_size=3, max_size=3)
spans = st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(IDS), dates, dates), max_size=8)


def _people(lives: list[tuple[PartialDate | None, PartialDate | None]]) -> dict[str, Person]:
    """People a, b and c with these lives (a death before birth leaves the person out)."""
    return {
        key: _person(key, born, died)
        for key, (born, died) in zip(IDS, lives, strict=False)
        if not (born and died and died.is_before(born))
    }


def _flagged(dataset: Dataset, file: str) -> set[int]:
    """The lines of ``file`` the exact checks flag (duplicate claims aside: they are found by
    their own check, from keys, not screened by rows)."""
    problems = _unscreened_check(dataset)
    return {p.line or 0 for p in problems if p.file == file and "already claimed" not in p.message}


@settings(max_examples=1000, deadline=None)
@given(lives=lives, spans=spans, posthumous=st.booleans())
def test_every_relationship_with_a_problem_is_a_suspect(
    lives: list[tuple[PartialDate | None, PartialDate | None]],
    spans: list[tuple[str, str, PartialDate | None, PartialDate | None]],
    posthumous: bool,
) -> None:
    people = _people(lives)
    kind = RelType.DENOUNCED if posthumous else RelType.OPPOSED
    relationships = [
        Relationship(subject, kind, obj, start, end, Confidence.LIKELY, "", (), line)
        for line, (subject, obj, start, end) in enumerate(spans, start=2)
    ]
    dataset = Dataset(people=people, relationships=relationships)
    suspects = suspect_relationships(relationships, people, POSTHUMOUS_OBJECT_TYPES)
    assert _flagged(dataset, "relationships.csv") <= {r.line for r in suspects}


@settings(max_examples=1000, deadline=None)
@given(lives=lives, spans=spans, body_span=st.tuples(dates, dates))
def test_every_membership_with_a_problem_is_a_suspect(
    lives: list[tuple[PartialDate | None, PartialDate | None]],
    spans: list[tuple[str, str, PartialDate | None, PartialDate | None]],
    body_span: tuple[PartialDate | None, PartialDate | None],
) -> None:
    people = _people(lives)
    body = Body("cc", "CC", "", BodyKind.CENTRAL_COMMITTEE, "", "", *body_span, None, None, "", ())
    memberships = [
        Membership(
            person, "nowhere" if other == "ghost" else "cc", Role.MEMBER, start, end, "", (), line
        )
        for line, (person, other, start, end) in enumerate(spans, start=2)
    ]
    dataset = Dataset(people=people, bodies={"cc": body}, memberships=memberships)
    suspects = suspect_memberships(memberships, people, dataset.bodies)
    assert _flagged(dataset, "memberships.csv") <= {m.line for m in suspects}


def _unscreened_check(dataset: Dataset) -> list[Problem]:
    """The exact checks run on every row (each screen passing everything): the reference."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validate, "suspect_relationships", lambda rows, *_: iter(rows))
        patch.setattr(validate, "suspect_memberships", lambda rows, *_: iter(rows))
        return check(dataset)


def test_small_helpers() -> None:
    early, late = PartialDate(1900), PartialDate(1930, 2)
    rows = [Membership("a", "b", Role.MEMBER, early, None, "", (), 1)] * 2
    rows.append(Membership("a", "b", Role.MEMBER, late, None, "", (), 2))
    assert latest_first_day(rows, "start") == late.first
    assert latest_first_day(rows, "end") is None
    assert repeated(["a", "b", "a", "c", "c"]) == {"a", "c"}
    assert repeated(["a", "b"]) == set()
    one = ("s",)
    assert distinct([one, one, ("t",)]) == [one, ("t",)]
