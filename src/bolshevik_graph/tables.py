"""The schema of every CSV table: its columns, which are required, and how each cell parses.

This is the one place a column is declared; the loader, the validator and the data dictionary
test all read it. Ideas from Frictionless Table Schema: required fields, enums, primary keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from .dates import parse_partial
from .models import (
    Alternative,
    Body,
    BodyKind,
    Confidence,
    Event,
    EventKind,
    Fate,
    Figure,
    Measure,
    Membership,
    ParticipantRole,
    Participation,
    Person,
    Relationship,
    RelType,
    Role,
    Source,
    SourceKind,
)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_QID = re.compile(r"Q[1-9][0-9]*")


def text_cell(value: str) -> str:
    """A text column's parser: the cell as it is (the loader skips calling it)."""
    return value


#: Distinct ids and source lists kept checked (by text): the same ids and sources recur on
#: millions of rows of a big dataset, and every row then shares one string or tuple.
_CACHED = 1 << 18


@lru_cache(maxsize=_CACHED)
def _slug(value: str) -> str:
    if not value.isascii():
        import unicodedata

        index, char = next((i, ch) for i, ch in enumerate(value) if not ch.isascii())
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        raise ValueError(
            f"{value!r} is not an id: {char!r} ({name}) at position {index + 1} is not ASCII "
            "(ids are lowercase ASCII letters, digits and single hyphens; a look-alike letter "
            "from another script makes a different id)"
        )
    if not _SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not an id (lowercase letters, digits and single hyphens)")
    return value


#: A date column's parser (cached by text: a dataset repeats the same days many times).
_date = parse_partial


@lru_cache(maxsize=_CACHED)
def _list(value: str) -> tuple[str, ...]:
    if ";" not in value and value and value == value.strip():
        return (value,)
    items = tuple(item.strip() for item in value.split(";"))
    if "" in items:
        raise ValueError(f"{value!r} has an empty item in its ';'-separated list")
    return items


def _count(value: str) -> int:
    if not value.isascii() or not value.isdigit():
        raise ValueError(f"{value!r} is not a whole number (digits only)")
    return int(value)


def _qid(value: str) -> str:
    if not _QID.fullmatch(value):
        raise ValueError(f"{value!r} is not a Wikidata QID (Q followed by digits)")
    return value


def _enum(enum: type[StrEnum]) -> Callable[[str], StrEnum]:
    allowed = ", ".join(member.value for member in enum)
    # A dict look-up, not enum(value): the enum's constructor is ten times slower, and a big
    # dataset has a few million cells of vocabulary.
    members = {member.value: member for member in enum}

    def parse(value: str) -> StrEnum:
        member = members.get(value)
        if member is None:
            raise ValueError(f"{value!r} is not one of: {allowed}")
        return member

    return parse


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, whether a value is required, and how a non-empty cell parses."""

    name: str
    parse: Callable[[str], Any] = text_cell
    required: bool = False
    # What an empty optional cell becomes.
    empty: Any = ""


def _required(name: str, parse: Callable[[str], Any] = text_cell) -> Column:
    return Column(name, parse, required=True)


def _optional_date(name: str) -> Column:
    return Column(name, _date, empty=None)


def _sources() -> Column:
    return Column("sources", _list, required=True)


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV table: file name, columns in their documented order, the record it builds, its key."""

    name: str
    columns: tuple[Column, ...]
    record: type
    key: str | None = None
    optional_file: bool = False

    @property
    def filename(self) -> str:
        """The file the table lives in."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        """The documented column names, in order."""
        return tuple(column.name for column in self.columns)

    @property
    def date_columns(self) -> tuple[str, ...]:
        """The names of the columns holding dates."""
        return tuple(column.name for column in self.columns if column.parse is _date)


PEOPLE = Table(
    "people",
    (
        _required("id", _slug),
        _required("name"),
        _required("full_name"),
        Column("name_ru"),
        Column("aliases", _list, empty=()),
        _optional_date("born"),
        _optional_date("born_os"),
        Column("born_place"),
        _optional_date("died"),
        _optional_date("died_os"),
        Column("died_place"),
        _optional_date("arrested"),
        _required("fate", _enum(Fate)),
        Column("fate_detail"),
        Column("wikidata", _qid),
        Column("note"),
        _sources(),
    ),
    Person,
    key="id",
)

BODIES = Table(
    "bodies",
    (
        _required("id", _slug),
        _required("name"),
        Column("name_ru"),
        _required("kind", _enum(BodyKind)),
        Column("parent", _slug),
        Column("predecessor", _slug),
        _optional_date("start"),
        _optional_date("end"),
        Column("size_members", _count, empty=None),
        Column("size_candidates", _count, empty=None),
        Column("note"),
        _sources(),
    ),
    Body,
    key="id",
)

MEMBERSHIPS = Table(
    "memberships",
    (
        _required("person", _slug),
        _required("body", _slug),
        _required("role", _enum(Role)),
        _optional_date("start"),
        _optional_date("end"),
        Column("note"),
        _sources(),
    ),
    Membership,
)

RELATIONSHIPS = Table(
    "relationships",
    (
        _required("subject", _slug),
        _required("type", _enum(RelType)),
        _required("object", _slug),
        _optional_date("start"),
        _optional_date("end"),
        _required("confidence", _enum(Confidence)),
        Column("note"),
        _sources(),
    ),
    Relationship,
)

SOURCES = Table(
    "sources",
    (
        _required("id", _slug),
        _required("kind", _enum(SourceKind)),
        _required("title"),
        Column("author"),
        Column("publisher"),
        Column("year"),
        Column("url"),
        Column("note"),
    ),
    Source,
    key="id",
)

EVENTS = Table(
    "events",
    (
        _required("id", _slug),
        _required("name"),
        Column("name_ru"),
        _required("kind", _enum(EventKind)),
        _optional_date("start"),
        _optional_date("end"),
        Column("place"),
        Column("note"),
        _sources(),
    ),
    Event,
    key="id",
    optional_file=True,
)

PARTICIPANTS = Table(
    "participants",
    (
        _required("event", _slug),
        _required("person", _slug),
        _required("role", _enum(ParticipantRole)),
        Column("sentence"),
        Column("note"),
        _sources(),
    ),
    Participation,
    optional_file=True,
)

FIGURES = Table(
    "figures",
    (
        _required("id", _slug),
        Column("body", _slug),
        _required("measure", _enum(Measure)),
        _required("value", _count),
        Column("total", _count, empty=None),
        _required("claimant"),
        Column("year"),
        _required("statement"),
        Column("note"),
        _sources(),
    ),
    Figure,
    key="id",
    optional_file=True,
)

ALTERNATIVES = Table(
    "alternatives",
    (
        _required("table"),
        _required("id"),
        _required("column"),
        _required("value"),
        _sources(),
        Column("note"),
    ),
    Alternative,
    optional_file=True,
)

#: Every table, in the order they are read and reported.
TABLES: tuple[Table, ...] = (
    PEOPLE,
    BODIES,
    MEMBERSHIPS,
    RELATIONSHIPS,
    EVENTS,
    PARTICIPANTS,
    FIGURES,
    SOURCES,
    ALTERNATIVES,
)
TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
