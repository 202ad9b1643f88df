"""Checks that dates are possible, not only well formed: nothing after today, no life over
:data:`MAX_AGE` years, and no alternative birth or death date (alternatives.csv) on the wrong side
of the date the person's row gives.

A typo such as ``9999-12-31`` or ``1837`` for ``1937`` parses as a date; these checks catch what
parsing cannot. Kept apart from :mod:`.validate` (which calls them) so each stays short.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from .dates import MAX_AGE, PartialDate, age_range, latest_first_day_made
from .errors import Problem
from .models import Person
from .screens import latest_first_day
from .tables import TABLES, TABLES_BY_NAME

if TYPE_CHECKING:
    from .validate import _Checker


def check_plausibility(c: _Checker, today: date | None = None) -> Iterator[Problem]:
    """Every date after ``today`` (default: the machine's), every life over :data:`MAX_AGE`
    years, every alternative birth after a death or death before a birth."""
    today = today or date.today()
    yield from _future_dates(c, today)
    yield from _ages(c, today)
    yield from _alternative_dates(c, today)


def _future_dates(c: _Checker, today: date) -> Iterator[Problem]:
    last_day = today.toordinal()
    if latest_first_day_made() <= last_day:
        return  # no date made in this process, so none of the dataset's, is in the future
    for table in TABLES:
        columns = table.date_columns
        if not columns:
            continue
        rows = getattr(c.dataset, table.name)
        rows = list(rows.values()) if isinstance(rows, dict) else rows
        latest = [latest_first_day(rows, column) or 0 for column in columns]
        if max(latest) <= last_day:
            continue
        for row in rows:
            for column in columns:
                value = getattr(row, column)
                if value is not None and value.first > last_day:
                    yield c.at(table.name, row.line, column, f"{value} is in the future")


def _ages(c: _Checker, today: date) -> Iterator[Problem]:
    for person in c.dataset.people.values():
        if person.born is None or person.died is None or _impossible_life(person):
            continue
        if person.died.first - person.born.last < MAX_AGE * 365:
            continue  # too short to be too long (a screen: the exact age is taken below)
        if person.died.earliest > today:
            continue  # reported as a date in the future
        youngest, _ = age_range(person.born, person.died.earliest)
        if youngest > MAX_AGE:
            message = (
                f"age at death would be at least {youngest} (born {person.born}, died "
                f"{person.died}); over {MAX_AGE} is not possible"
            )
            yield c.at("people", person.line, "died", message)


def _alternative_dates(c: _Checker, today: date) -> Iterator[Problem]:
    """An alternative date must not be in the future, nor an alternative birth after the death
    the person's row gives (or an alternative death before the birth)."""
    for alt in c.dataset.alternatives:
        table = TABLES_BY_NAME.get(alt.table)
        column = (
            next((col for col in table.columns if col.name == alt.column), None) if table else None
        )
        try:
            value = column.parse(alt.value) if column else None
        except ValueError:
            continue  # reported by the alternatives check
        if not isinstance(value, PartialDate):
            continue
        if value.earliest > today:
            yield c.at("alternatives", alt.line, "value", f"{value} is in the future")
            continue
        person = c.dataset.people.get(alt.id) if alt.table == "people" else None
        if person is None or _impossible_life(person):
            continue
        if alt.column == "born" and person.died and value.is_after(person.died):
            message = f"born {value} is after {person.id} died ({person.died})"
            yield c.at("alternatives", alt.line, "value", message)
        if alt.column == "died" and person.born and value.is_before(person.born):
            message = f"died {value} is before {person.id} was born ({person.born})"
            yield c.at("alternatives", alt.line, "value", message)


def _impossible_life(person: Person) -> bool:
    """A death before birth, already reported by the lifetime check: not reported again."""
    return bool(person.born and person.died and person.died.is_before(person.born))
