"""Turning a table's CSV rows into records, and locating every bad cell, row and duplicate id.

Rows come in blocks (:mod:`.csvsource`). A clean block is read column by column (:mod:`.blocks`);
any other block row by row, where each problem is located at its file, line and column. A file
with :data:`FILE_PROBLEM_LIMIT` problems is not read further.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from .blocks import Plan, parse_block
from .errors import Problem
from .models import Dataset
from .tables import TABLES, Table, text_cell


@dataclass
class ReadResult:
    """A dataset as read, every problem met on the way, and the keys of rows that failed to parse.

    ``broken_keys`` lets the cross-table checks skip references to rows that are already reported,
    so one bad row is not reported again at every place that refers to it; ``unreadable`` names
    the tables that could not be read at all (missing, empty, bad header), for the same reason.
    """

    dataset: Dataset
    problems: list[Problem] = field(default_factory=list)
    broken_keys: dict[str, set[str]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)


class Block:
    """Rows waiting to be read as a block (:mod:`.blocks`), or row by row if it is not clean."""

    #: Rows per block: enough for columns to pay, few enough to hold little memory.
    SIZE = 4096

    def __init__(self, table: Table, width: int, positions: dict[str, int], result: ReadResult):
        self.table, self.width, self.positions, self.result = table, width, positions, result
        self.plan = plan_of(table, positions)
        self.positional = _POSITIONAL[table.name]
        self.parsed: list[dict[str, Any]] = [
            _known_ids(result.dataset, table.name, name) for name, *_ in self.plan
        ]
        self.rows: list[list[str]] = []
        self.lines: Sequence[int] = []
        self.limit = len(result.problems) + FILE_PROBLEM_LIMIT

    def add(self, row: list[str], line: int) -> bool:
        """Hold a row (and the line it starts on) until the block is full; True when reading
        must stop (see :meth:`flush`)."""
        self.rows.append(row)
        self.lines.append(line)  # type: ignore[attr-defined]
        return len(self.rows) >= self.SIZE and self.flush()

    def take(self, rows: list[list[str]], lines: Sequence[int]) -> bool:
        """Read a whole block of ``rows`` (and the line each starts on) at once; True when
        reading must stop (see :meth:`flush`)."""
        self.rows, self.lines = rows, lines
        return self.flush()

    def flush(self) -> bool:
        """Read the rows held, as a block if clean, else row by row; True when the file reached
        :data:`FILE_PROBLEM_LIMIT` problems, which is then reported (the file is not read
        further, as if each row were read and counted one by one)."""
        table, result = self.table, self.result
        records = (
            parse_block(table.record, self.rows, self.lines, self.width, self.plan, self.parsed)
            if self.positional and self.rows
            else None
        )
        rows, lines = self.rows, self.lines
        self.rows, self.lines = [], []
        if records is None:
            for row, line in zip(rows, lines, strict=True):
                add_row(table, row, line, self.width, self.positions, self.plan, result)
                if self._stopped(line):
                    return True
        elif table.key is None:
            getattr(result.dataset, table.name).extend(records)
        else:
            for record, line in zip(records, lines, strict=True):
                store(table, record, line, self.positions, result)
                if self._stopped(line):
                    return True
        return False

    def _stopped(self, line: int) -> bool:
        """Report the limit at ``line`` if the file has reached it."""
        if len(self.result.problems) < self.limit:
            return False
        message = (
            f"{FILE_PROBLEM_LIMIT:,} problems in this file: stopped reading it here "
            "(fix these and run again)"
        )
        self.result.problems.append(Problem(self.table.filename, line, None, None, message))
        self.result.unreadable.add(self.table.name)
        return True


#: Columns that name a row of a table read before theirs (people before memberships and
#: relationships, events before participants).
REFERENCES = {
    ("memberships", "person"): "people",
    ("memberships", "body"): "bodies",
    ("relationships", "subject"): "people",
    ("relationships", "object"): "people",
    ("participants", "person"): "people",
    ("participants", "event"): "events",
}


def _known_ids(dataset: Dataset, table: str, column: str) -> dict[str, Any]:
    """The values a column starts out knowing: for a column that names people (bodies,
    events), the ids of those already read, each already checked as an id, so that a block of a
    big table finds nearly every id known (a million relationships name 100,000 people)."""
    other = REFERENCES.get((table, column))
    if other is None:
        return {}
    return {key: key for key in getattr(dataset, other)}


#: A file with this many problems is not read further: a generated file of a million bad rows
#: would otherwise hold millions of problems in memory (5 million took 835 MB and 54 s).
FILE_PROBLEM_LIMIT = 10_000


#: Control characters a cell may not hold (a line break inside a quoted cell is allowed), and
#: the invisible bidirectional overrides that make text display in another order than it reads.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {0: "NUL", 9: "tab", 13: "carriage return", 0x7F: "DEL"}


def control_character(cell: str) -> str | None:
    """A message for the first control character in ``cell``, if any (CRLF counts as a break)."""
    if cell.isprintable():
        return None
    match = _CONTROL.search(cell.replace("\r\n", "\n"))
    if match is None:
        return None
    code = ord(match.group())
    name = _CONTROL_NAMES.get(code, f"U+{code:04X}")
    if code >= 0x202A:
        return (
            f"invisible bidirectional override {name} at position {match.start() + 1}: remove "
            "it (it makes text display in another order than it reads)"
        )
    return (
        f"control character {name} at position {match.start() + 1}: remove it (a cell may hold "
        "line breaks, not other control characters)"
    )


def plan_of(table: Table, positions: dict[str, int]) -> Plan:
    """The reading plan of ``table`` for a file whose header gives ``positions``: worked out once
    per file, not once per cell."""
    return [
        (
            column.name,
            positions.get(column.name),
            None if column.parse is text_cell else column.parse,
            column.required,
            column.empty,
        )
        for column in table.columns
    ]


def _positional(table: Table) -> bool:
    """True when ``table.record`` takes the columns in their order, then ``line``: rows are then
    built without a dict of keyword arguments each."""
    names = [f.name for f in fields(table.record) if f.init]
    return names == [*table.column_names, "line"]


def add_row(
    table: Table,
    row: list[str],
    line: int,
    width: int,
    positions: dict[str, int],
    plan: Plan,
    result: ReadResult,
) -> None:
    """Parse one row into a record, or report each of its bad cells.

    Per cell: a control character is refused, CRLF inside a cell becomes a line break, the cell
    is stripped, an empty cell is refused if required (else takes the column's empty value), and
    the rest is parsed, a ``ValueError`` becoming a located problem."""
    if len(row) != width:
        message = f"expected {width} fields as in the header, found {len(row)}"
        result.problems.append(Problem(table.filename, line, None, None, message))
        mark_broken(table, row, positions, result)
        return
    values: list[Any] = []
    failed = False
    for name, index, parse, required, empty in plan:
        cell = row[index] if index is not None else ""
        if cell and not cell.isprintable():
            control = control_character(cell)
            if control:
                assert index is not None
                result.problems.append(Problem(table.filename, line, index + 1, name, control))
                failed = True
                continue
            if "\r" in cell:
                cell = cell.replace("\r\n", "\n")
        if cell:
            cell = cell.strip()
        if not cell:
            if required:
                where = (table.filename, line, (index or 0) + 1, name)
                result.problems.append(Problem(*where, "required value is empty"))
                failed = True
            values.append(empty)
        elif parse is None:
            values.append(cell)
        else:
            try:
                values.append(parse(cell))
            except ValueError as err:
                assert index is not None
                result.problems.append(Problem(table.filename, line, index + 1, name, str(err)))
                failed = True
    if failed:
        mark_broken(table, row, positions, result)
        return
    if _POSITIONAL[table.name]:
        record = table.record(*values, line)
    else:
        record = table.record(**dict(zip(table.column_names, values, strict=True)), line=line)
    store(table, record, line, positions, result)


_POSITIONAL = {table.name: _positional(table) for table in TABLES}


def mark_broken(
    table: Table, row: list[str], positions: dict[str, int], result: ReadResult
) -> None:
    if table.key and table.key in positions and positions[table.key] < len(row):
        key = row[positions[table.key]].strip()
        result.broken_keys.setdefault(table.name, set()).add(key)


def store(
    table: Table, record: Any, line: int, positions: dict[str, int], result: ReadResult
) -> None:
    """Add a record to the dataset, reporting a duplicate key."""
    collection = getattr(result.dataset, table.name)
    if table.key is None:
        collection.append(record)
        return
    key = getattr(record, table.key)
    if key in collection:
        first = collection[key].line
        column = positions[table.key] + 1
        message = f"duplicate id {key!r} (first on line {first})"
        result.problems.append(Problem(table.filename, line, column, table.key, message))
        return
    collection[key] = record
