import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bolshevik_graph.dates import REVOLUTION, PartialDate, age_range, julian_to_gregorian


@pytest.mark.parametrize(
    ("text", "precision"), [("1881", "year"), ("1881-02", "month"), ("1881-02-24", "day")]
)
def test_parse_keeps_precision(text: str, precision: str) -> None:
    parsed = PartialDate.parse(text)
    assert parsed.precision == precision
    assert str(parsed) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1881-13", "has no month 13"),
        ("1881-02-30", "is not a day of the calendar"),
        ("81", "is not an ISO date"),
        ("1881/02/03", "is not an ISO date"),
        ("24.02.1881", "is not an ISO date"),
        ("0000", "has no year 0"),
        ("0000-01-01", "has no year 0"),
        ("\u0661\u0669\u0661\u0667", "is not an ISO date"),  # Arabic-Indic digits
    ],
)
def test_parse_rejects(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_bounds_of_partial_dates() -> None:
    assert PartialDate.parse("1900-02").latest == date(1900, 2, 28)
    assert PartialDate.parse("1904").earliest == date(1904, 1, 1)
    assert PartialDate.parse("1904").latest == date(1904, 12, 31)


def test_comparisons_only_when_certain() -> None:
    year = PartialDate.parse("1917")
    assert not year.is_before(PartialDate.parse("1917-11-07"))
    assert not year.is_after(PartialDate.parse("1917-11-07"))
    assert year.is_before(date(1918, 1, 1))
    assert PartialDate.parse("1918-01").is_after(year)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("1917-10-25", "1917-11-07"),  # the October Revolution
        ("1870-04-10", "1870-04-22"),  # Lenin's birth: 12 days in the 19th century
        ("1918-01-31", "1918-02-13"),  # the last Julian day in Soviet Russia
        ("1900-02-28", "1900-03-12"),  # Julian 1900 is a leap year, Gregorian is not
        ("1800-02-28", "1800-03-11"),
    ],
)
def test_julian_to_gregorian(old: str, new: str) -> None:
    assert str(julian_to_gregorian(PartialDate.parse(old))) == new


def test_partial_julian_dates_are_not_shifted() -> None:
    assert str(julian_to_gregorian(PartialDate.parse("1917-10"))) == "1917-10"


def test_age_is_completed_years() -> None:
    assert age_range(PartialDate.parse("1879-11-07"), REVOLUTION) == (38, 38)  # birthday that day
    assert age_range(PartialDate.parse("1879-11-08"), REVOLUTION) == (37, 37)
    assert age_range(PartialDate.parse("1879"), REVOLUTION) == (37, 38)
    assert age_range(PartialDate.parse("1879-03"), REVOLUTION) == (38, 38)


def test_human_form() -> None:
    assert PartialDate.parse("1917-11-07").human() == "7 Nov 1917"
    assert PartialDate.parse("1917-11").human() == "Nov 1917"


def test_alive_on_says_unknown_rather_than_alive() -> None:
    from bolshevik_graph.dates import alive_on

    born, died = PartialDate.parse("1883-09-23"), PartialDate.parse("1936-08-25")
    assert alive_on(born, died, date(1930, 1, 1)) is True
    assert alive_on(born, died, date(1937, 1, 1)) is False
    assert alive_on(born, died, date(1880, 1, 1)) is False
    assert alive_on(born, None, date(1953, 1, 1)) is None  # no death date: not known
    assert alive_on(None, died, date(1930, 1, 1)) is None  # no birth date: not known either
    assert alive_on(born, PartialDate.parse("1936"), date(1936, 6, 1)) is None  # vague death
    assert alive_on(born, None, date(2010, 1, 1)) is False  # 120 years after birth


def test_day_numbers_and_iso_text_are_made_once_and_shared() -> None:
    february = PartialDate.parse("1917-02")
    first, last = date(1917, 2, 1).toordinal(), date(1917, 2, 28).toordinal()
    assert (february.first, february.last, february.iso) == (first, last, "1917-02")
    assert PartialDate.parse("1917-02") is february  # parsed once, then shared
    assert PartialDate(1917, 2) == february and PartialDate(1917, 2).last == last
    assert february.is_before(date(1917, 3, 1)) and not february.is_before(date(1917, 2, 28))


@given(
    st.integers(1, 9999),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 28)),
)
def test_first_last_and_iso_are_the_days_a_date_could_mean(
    year: int, month: int | None, day: int | None
) -> None:
    if month is None:
        day = None
    partial = PartialDate(year, month, day)
    end_month = month or 12
    last_day = day or calendar.monthrange(year, end_month)[1]
    assert partial.first == date(year, month or 1, day or 1).toordinal()
    assert partial.last == date(year, end_month, last_day).toordinal()
    assert PartialDate.parse(partial.iso) == partial


def test_every_date_made_raises_the_high_water_mark_even_unpickled() -> None:
    """The future-date check skips its search when no date made is after today: a date made
    by any path (parsed, built, copied, unpickled) must count."""
    import copy
    import pickle
    import subprocess
    import sys

    from bolshevik_graph.dates import latest_first_day_made

    far = PartialDate(9000, 1, 2)
    assert latest_first_day_made() >= far.first
    assert copy.copy(far) == far and pickle.loads(pickle.dumps(far)) == far
    code = (
        "import pickle, sys; from bolshevik_graph.dates import latest_first_day_made;"
        "pickle.loads(sys.stdin.buffer.read()); print(latest_first_day_made())"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(far), capture_output=True, check=True
    )
    assert int(found.stdout) == far.first
