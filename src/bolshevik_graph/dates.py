"""Partial ISO 8601 dates (year, year-month or full date) and the Julian → Gregorian conversion.

Historical sources often give only a year or a month; a :class:`PartialDate` keeps exactly the
precision the source gives and never invents a day. Comparisons between partial dates are made on
the interval of days each could mean (``earliest`` and ``latest``).
"""

from __future__ import annotations

import calendar
import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

# ASCII digits only: ``\d`` would also take Arabic-Indic or Devanagari digits.
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

#: The day of the October Revolution: 25 October 1917 Old Style.
REVOLUTION = date(1917, 11, 7)
#: Stalin's death, the end of the period this project is about.
STALIN_DIED = date(1953, 3, 5)
#: No one in the record lived longer: a life over this many years is a typo, and someone born
#: more than this many years before a day was no longer alive on it, death date or not.
MAX_AGE = 120


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day.

    ``first`` and ``last`` are the day numbers (``date.toordinal``) of the first and last day it
    could mean and ``iso`` its ISO text, computed once: comparisons are then integer comparisons,
    not new ``date`` objects (the cross-table checks made millions of them at 1M relationships),
    and the graph's ISO strings are not formatted again for every edge."""

    year: int
    month: int | None = None
    day: int | None = None
    first: int = field(init=False, repr=False, compare=False)
    last: int = field(init=False, repr=False, compare=False)
    iso: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        year, month, day = self.year, self.month, self.day
        if day is not None and month is not None:  # the common case: one day, one date object
            first = last = date(year, month, day).toordinal()
            text = f"{year:04d}-{month:02d}-{day:02d}"
        else:
            first = date(year, month or 1, day or 1).toordinal()
            end = day or calendar.monthrange(year, month or 12)[1]
            last = date(year, month or 12, end).toordinal()
            text = f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
        _set_first(self, first)
        _set_last(self, last)
        _set_iso(self, text)
        _LATEST[0] = max(_LATEST[0], first)

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None]]:
        # Copies and unpickled dates are made anew, so every date passes through __post_init__
        # (and the high-water mark of :func:`latest_first_day_made` sees it).
        return (PartialDate, (self.year, self.month, self.day))

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a ``ValueError`` says what is wrong.

        Parsed dates are cached by their text (a dataset repeats the same days many times), so
        equal texts give the same immutable object."""
        return parse_partial(text)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> date:
        """The first day this date could mean."""
        return date.fromordinal(self.first)

    @property
    def latest(self) -> date:
        """The last day this date could mean."""
        return date.fromordinal(self.last)

    def is_before(self, other: PartialDate | date) -> bool:
        """True when this date certainly lies before ``other`` (whatever days both could mean)."""
        return self.last < (other.first if isinstance(other, PartialDate) else other.toordinal())

    def is_after(self, other: PartialDate | date) -> bool:
        """True when this date certainly lies after ``other``."""
        return self.first > (other.last if isinstance(other, PartialDate) else other.toordinal())

    def __str__(self) -> str:
        return self.iso

    def human(self) -> str:
        """``7 Nov 1917``, ``Nov 1917`` or ``1917``, as a reader expects it."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_abbr[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


#: The greatest first day of any date made in this process (a high-water mark): when it is not
#: after today, no date anywhere is in the future, and no table needs searching for one.
_LATEST = [0]


def latest_first_day_made() -> int:
    """The greatest :attr:`PartialDate.first` of any date made so far in this process."""
    return _LATEST[0]


#: The computed fields' slots, set directly (the frozen class refuses ``setattr``).
_set_first = PartialDate.__dict__["first"].__set__
_set_last = PartialDate.__dict__["last"].__set__
_set_iso = PartialDate.__dict__["iso"].__set__


#: Distinct date texts kept parsed: about 45,000 days span 1850-1975; a bound keeps a hostile file
#: of millions of distinct dates from growing the cache without end.
_CACHED_DATES = 1 << 17


@lru_cache(maxsize=_CACHED_DATES)
def parse_partial(text: str) -> PartialDate:
    """:meth:`PartialDate.parse`, cached by text (the loader calls this one directly)."""
    match = _ISO.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year == 0:
        raise ValueError(f"{text!r} has no year 0 (the calendar starts at year 1)")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    if month is not None and day is not None and not 1 <= day <= monthrange(year, month)[1]:
        raise ValueError(f"{text!r} is not a day of the calendar")
    return PartialDate(year, month, day)


def parse_date(text: str) -> date:
    """Parse a full ISO date given by a user (``--as-of``); raise ``ValueError`` with a reason."""
    parsed = PartialDate.parse(text)
    if parsed.precision != "day":
        return parsed.latest
    return parsed.earliest


def alive_on(born: PartialDate | None, died: PartialDate | None, day: date) -> bool | None:
    """Whether someone was alive on ``day``: True or False when the dates say so, None when
    they cannot (no death date, no birth date, or a partial date that straddles the day).

    A missing death date means "not known", never "still alive": a historical figure without one
    is not alive in 1953 for want of a record (and no one is alive :data:`MAX_AGE` years after
    birth)."""
    if (born and born.is_after(day)) or (died and died.is_before(day)):
        return False
    if born and born.latest.year + MAX_AGE < day.year:
        return False
    if born is None or died is None or born.latest > day or died.earliest < day:
        return None
    return True


def age_range(born: PartialDate, on: date) -> tuple[int, int]:
    """Completed years on ``on`` for someone born on ``born``: (lowest, highest) possible age.

    The two differ only when ``born`` is too imprecise to tell whether the birthday had passed.
    """

    def completed(birth: date) -> int:
        return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))

    return completed(born.latest), completed(born.earliest)


def julian_to_gregorian(julian: PartialDate) -> PartialDate:
    """Convert an Old Style (Julian) date to New Style (Gregorian), keeping its precision.

    Only a full date converts exactly; a year or month is returned as it is, since a Julian month
    straddles two Gregorian ones.
    """
    if julian.precision != "day":
        return julian
    assert julian.month is not None and julian.day is not None
    gregorian = _julian_day_to_date(
        _julian_calendar_day_number(julian.year, julian.month, julian.day)
    )
    return PartialDate(gregorian.year, gregorian.month, gregorian.day)


def _julian_calendar_day_number(year: int, month: int, day: int) -> int:
    """Julian Day Number of a Julian-calendar date (Meeus, Astronomical Algorithms, ch. 7)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def _julian_day_to_date(jdn: int) -> date:
    """The Gregorian date of a Julian Day Number."""
    # date.toordinal() counts 1 January of year 1 (proleptic Gregorian) as day 1 = JDN 1721426.
    return date.fromordinal(1) + timedelta(days=jdn - 1721426)
