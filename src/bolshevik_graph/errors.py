"""The one error hierarchy of bolshevik-graph: every message is safe to show a user as it is."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

#: A problem printed as a line shows at most this many characters of its message.
MESSAGE_WIDTH = 300


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, located as precisely as it can be.

    ``line`` and ``column`` are 1-based; either may be ``None`` when the problem concerns a whole
    file (a missing file) or a whole row.
    """

    file: str
    line: int | None
    column: int | None
    column_name: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.column_name:
            where += f" ({self.column_name})"
        message = self.message
        if len(message) > MESSAGE_WIDTH:  # a 10 MB cell quoted in a message is not read whole
            message = message[: MESSAGE_WIDTH - 1] + "…"
        return f"{where}: {message}"


class BolshevikGraphError(Exception):
    """Base class of every error this package raises on purpose."""


class DataNotFoundError(BolshevikGraphError):
    """Raised when a data directory is missing, empty, or holds none of the expected tables."""


#: How many problems an error message lists; the rest are counted (all are in ``.problems``).
PROBLEM_LIMIT = 50


class ValidationError(BolshevikGraphError):
    """Raised when a dataset has problems; carries every problem found, not only the first.

    The message lists the first ``limit`` of them (all when ``limit`` is None) and counts the
    rest, so a file with 100,000 bad rows gives a readable error rather than a flood."""

    def __init__(
        self,
        problems: Iterable[Problem],
        limit: int | None = PROBLEM_LIMIT,
        list_all: str = "bolshevik-graph validate --all",
    ) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [f"{count:,} problem{'s' if count != 1 else ''} in the data:"]
        lines += [f"  {p}" for p in shown]
        if len(shown) < count:
            lines.append(
                f"  ... and {count - len(shown):,} more (`{list_all}` lists "
                "every one, `--format json` too)"
            )
        super().__init__("\n".join(lines))


class UnknownIdError(BolshevikGraphError):
    """Raised when a user names a person, body or query that does not exist; suggests close ids."""

    def __init__(self, kind: str, given: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.given = given
        names = sorted(known)
        self.suggestions = difflib.get_close_matches(given, names, n=3, cutoff=0.6)
        message = f"unknown {kind} {given!r}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions) + "?"
        elif 0 < len(names) <= 10:
            message += " (known: " + ", ".join(names) + ")"
        super().__init__(message)


class AmbiguousNameError(BolshevikGraphError):
    """Raised when a name given for a person fits several people; lists them with their ids."""

    def __init__(self, given: str, candidates: Iterable[str]) -> None:
        self.given = given
        self.candidates = list(candidates)
        lines = [f"{given!r} could be {len(self.candidates)} people; give one of these ids:"]
        lines += [f"  {candidate}" for candidate in self.candidates]
        super().__init__("\n".join(lines))


class InvalidValueError(BolshevikGraphError):
    """Raised when a value given by the user (a date, a level) cannot be understood."""


class QueryError(BolshevikGraphError):
    """Raised when a query cannot run: a syntax error, a missing parameter, a refused write."""


class BackendUnavailableError(BolshevikGraphError):
    """Raised when a backend cannot be reached or used; the message says how to fix it."""
