"""The Central Committees as shipped: rosters within their published sizes, gaps explained,
every term sourced and within the person's freedom and life, the historians' figures beside."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bolshevik_graph.cli import cli
from bolshevik_graph.cohort import cohort
from bolshevik_graph.fates import fates
from bolshevik_graph.models import BodyKind, Dataset

COMMITTEES = (
    *("cc-1918", "cc-1919", "cc-1920", "cc-1921", "cc-1922", "cc-1923"),
    *("cc-1924", "cc-1925", "cc-1927", "cc-1930", "cc-1934", "cc-1939"),
)
#: Terms that run past the person's arrest because a page says so: the plenum of 25 Jun 1937
#: expelled Kartvelishvili and Antipov, arrested days before; Vannikov, arrested in 1941 and
#: released, is given as a CC member 1939-1961.
PAST_ARREST = {("kartvelishvili", "cc-1934"), ("antipov", "cc-1934"), ("vannikov", "cc-1939")}


def test_every_committee_of_the_period_is_a_body(shipped: Dataset) -> None:
    committees = {b.id for b in shipped.bodies.values() if b.kind is BodyKind.CENTRAL_COMMITTEE}
    assert set(COMMITTEES) <= committees


def test_rosters_never_exceed_the_published_size(shipped: Dataset) -> None:
    for body in shipped.bodies.values():
        for coverage in fates(shipped, body.id).coverage:
            assert coverage.known <= coverage.size, (body.id, coverage)


def test_unfilled_slots_are_explained_in_the_body_note(shipped: Dataset) -> None:
    for body_id in ("cc-1934", "cc-1939"):
        body = shipped.bodies[body_id]
        unfilled = sum(c.unfilled for c in fates(shipped, body_id).coverage)
        assert unfilled > 0  # the rosters are not complete yet: the note must say why
        assert "ROSTER" in body.note and "unidentified" in body.note, body_id


def test_every_committee_term_cites_a_known_source(shipped: Dataset) -> None:
    for body_id in COMMITTEES:
        for m in shipped.memberships_by_body[body_id]:
            assert m.sources and all(s in shipped.sources for s in m.sources), m


def test_no_term_runs_past_an_arrest_unless_a_page_says_so(
    shipped: Dataset,
) -> None:
    for body_id in COMMITTEES:
        for m in shipped.memberships_by_body[body_id]:
            arrested = shipped.people[m.person].arrested
            if arrested and m.end and m.end.is_after(arrested):
                assert (m.person, body_id) in PAST_ARREST, m


def test_khrushchevs_figure_is_printed_beside_the_data(shipped: Dataset) -> None:
    checks = {c.figure.id: c for c in fates(shipped, "cc-1934").figures}
    khrushchev = checks["khrushchev-1956-cc-1934"]
    assert (khrushchev.figure.value, khrushchev.figure.total) == (98, 139)
    # The data names fewer people than the roster holds: its count is a lower bound.
    assert khrushchev.computed is not None and khrushchev.computed <= 98
    assert khrushchev.computed_total == len(fates(shipped, "cc-1934").people)


def test_cohort_runs_from_1917_in_order_of_election(shipped: Dataset) -> None:
    rows = cohort(shipped)
    ids = [row.body.id for row in rows]
    assert ids[:2] == ["cc-1917-apr", "cc-1917-aug"]
    assert ids.index("cc-1934") < ids.index("cc-1939")
    for row in rows:
        assert row.killed_on_stalins_orders <= row.died_violently <= row.known


DOC = Path(__file__).parent.parent / "docs" / "committees.md"


def test_the_docs_show_what_cohort_prints_today(runner: CliRunner) -> None:
    shown = DOC.read_text(encoding="utf-8").split("<!-- cohort-output -->\n```\n", 1)[1]
    shown = shown.split("\n```\n<!-- /cohort-output -->", 1)[0]
    assert runner.invoke(cli, ["cohort"]).stdout.rstrip("\n") == shown


def test_the_docs_figures_table_matches_the_data(shipped: Dataset) -> None:
    text = DOC.read_text(encoding="utf-8")
    report = fates(shipped, "cc-1934")
    checks = {c.figure.id: c for c in report.figures}
    named = len(report.people)
    executed = checks["khrushchev-1956-cc-1934"].computed
    violent = checks["conquest-cc-1934-violent"].computed
    assert f"| {executed} executed of the {named} people it names |" in text
    assert f"| {violent} of {named} (executed, died in custody, assassinated) |" in text
