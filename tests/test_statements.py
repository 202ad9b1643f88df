"""The load statements' rows: made lazily, any number of times, in batches of the set size."""

from __future__ import annotations

from bolshevik_graph.backends.statements import Rows, batches, load_steps
from bolshevik_graph.models import Dataset


def test_rows_are_made_when_read_and_can_be_read_again() -> None:
    made: list[int] = []

    def make(n: int) -> dict[str, int]:
        made.append(n)
        return {"n": n}

    rows = Rows([1, 2, 3], make)
    assert (len(rows), made) == (3, [])
    assert list(rows) == list(rows) == [{"n": 1}, {"n": 2}, {"n": 3}]
    assert {"n": 2} in rows and {"n": 4} not in rows


def test_batches_keep_every_row_in_order() -> None:
    rows = Rows(list(range(12)), lambda n: {"n": n})
    sizes = [len(batch) for batch in batches(rows, 5)]
    assert sizes == [5, 5, 2]
    assert [row["n"] for batch in batches(rows, 5) for row in batch] == list(range(12))


def test_one_row_per_record(tiny: Dataset) -> None:
    counts = [len(step.rows) for step in load_steps(tiny)]
    records = (
        len(tiny.people)
        + len(tiny.bodies)
        + len(tiny.events)
        + len(tiny.memberships)
        + len(tiny.participants)
        + len(tiny.relationships)
    )
    assert sum(counts) == records
    assert all(len(list(step.rows)) == len(step.rows) for step in load_steps(tiny))
