"""Progress callbacks: how long-running work (reading a dataset, loading an engine) reports back.

The library only calls them; drawing a bar (on a terminal, never when piped) is the CLI's job.
"""

from __future__ import annotations

from collections.abc import Callable

#: Called with (units done, units in all): bytes while reading, rows while loading an engine.
Progress = Callable[[int, int], None]


class Meter:
    """Counts units as they pass and calls ``progress`` every ``every`` calls and at the end."""

    def __init__(self, progress: Progress | None, total: int, every: int = 4096) -> None:
        self._progress = progress
        self.total = total
        self.done = 0
        self._every = every
        self._calls = 0

    def advance(self, units: int) -> None:
        """Count ``units`` more done; report now and then, so that reporting costs nothing."""
        self.done += units
        self._calls += 1
        if self._progress and self._calls % self._every == 0:
            self._progress(min(self.done, self.total), self.total)

    def report(self, units: int) -> None:
        """Count ``units`` more done and report now (for work that advances in large steps)."""
        self.done += units
        if self._progress:
            self._progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        """Report that everything is done."""
        if self._progress:
            self._progress(self.total, self.total)
