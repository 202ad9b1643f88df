"""Meter: progress reported now and then and once at the end, never past the total."""

from __future__ import annotations

from bolshevik_graph.progress import Meter


def test_reports_every_nth_call_and_at_the_end() -> None:
    calls: list[tuple[int, int]] = []
    meter = Meter(lambda done, total: calls.append((done, total)), total=100, every=3)
    for _ in range(7):
        meter.advance(10)
    meter.finish()
    assert calls == [(30, 100), (60, 100), (100, 100)]


def test_never_reports_more_than_the_total() -> None:
    calls: list[tuple[int, int]] = []
    meter = Meter(lambda done, total: calls.append((done, total)), total=5, every=1)
    meter.advance(8)
    assert calls == [(5, 5)]


def test_without_a_callback_it_only_counts() -> None:
    meter = Meter(None, total=10)
    meter.advance(4)
    meter.finish()
    assert meter.done == 4
