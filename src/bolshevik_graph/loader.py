"""Finding a dataset (the packaged one or a user's ``--data DIR``), reading its CSVs into records.

Reading never stops at the first problem: every bad cell, row and header is collected as a
located :class:`~bolshevik_graph.errors.Problem`, so that a user fixes everything in one pass.
Files are read line by line (UTF-8 with or without BOM, LF or CRLF), so memory grows with the
records kept, not with a copy of the file.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import IO, Any

from .blocks import Plan, parse_block
from .collector import paused_collector
from .errors import DataNotFoundError, Problem, ValidationError
from .models import Dataset
from .progress import Meter, Progress
from .sourcing import weak_problems
from .tables import TABLES, Table, text_cell
from .validate import check

# A curated note may be long; a user's own file may hold far longer fields.
csv.field_size_limit(sys.maxsize)


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


def packaged_data_dir() -> Path:
    """The curated dataset that ships with the package (inside a wheel, or in a source checkout)."""
    packaged = resources.files("bolshevik_graph") / "_data" / "graph_data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "graph_data"


def resolve_data_dir(path: str | Path | None) -> Path:
    """The directory to read: ``path`` if given, else the packaged data; checked to hold tables."""
    directory = packaged_data_dir() if path is None else Path(path)
    if not directory.exists():
        raise DataNotFoundError(f"data directory {str(directory)!r} does not exist")
    if not directory.is_dir():
        raise DataNotFoundError(f"{str(directory)!r} is not a directory")
    if not any((directory / table.filename).is_file() for table in TABLES):
        expected = ", ".join(table.filename for table in TABLES)
        raise DataNotFoundError(
            f"{str(directory)!r} holds no bolshevik-graph tables (expected {expected})"
        )
    return directory


def read_dataset(path: str | Path | None = None, progress: Progress | None = None) -> ReadResult:
    """Read every table of a dataset; per-row problems are collected, never raised.

    ``progress`` is called now and then with (bytes read, bytes in all the dataset's files)."""
    directory = resolve_data_dir(path)
    result = ReadResult(Dataset(location=str(directory)))
    files = {table.name: directory / table.filename for table in TABLES}
    meter = Meter(progress, sum(file.stat().st_size for file in files.values() if file.is_file()))
    with paused_collector():
        _read_tables(files, result, meter)
    meter.finish()
    return result


def _read_tables(files: dict[str, Path], result: ReadResult, meter: Meter) -> None:
    for table in TABLES:
        file = files[table.name]
        if not file.is_file():
            if file.is_symlink() or file.exists():
                message = (
                    "is not a regular file (a directory, a device, a pipe, or a link to nothing "
                    "or to itself): point it at the CSV"
                )
                result.problems.append(Problem(table.filename, None, None, None, message))
                result.unreadable.add(table.name)
            elif not table.optional_file:
                result.problems.append(Problem(table.filename, None, None, None, "file is missing"))
                result.unreadable.add(table.name)
            continue
        try:
            with file.open("rb") as handle:
                _read_table(table, handle, result, meter)
        except OSError as err:
            raise DataNotFoundError(f"cannot read {str(file)!r}: {err.strerror}") from err


def _decoded_lines(
    table: Table, handle: IO[bytes], problems: list[Problem], meter: Meter
) -> Iterator[str]:
    """Yield the file's lines as text, reporting (and replacing) bytes that are not UTF-8."""
    for number, line in enumerate(handle, start=1):
        meter.advance(len(line))
        raw = line[3:] if number == 1 and line.startswith(b"\xef\xbb\xbf") else line
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            column = len(raw[: err.start].decode("utf-8", errors="replace")) + 1
            problems.append(
                Problem(
                    table.filename,
                    number,
                    column,
                    None,
                    f"byte 0x{raw[err.start]:02x} is not UTF-8; save the file as UTF-8",
                )
            )
            yield raw.decode("utf-8", errors="replace")


def _read_table(table: Table, handle: IO[bytes], result: ReadResult, meter: Meter) -> None:
    problems = result.problems
    wrong = _wrong_encoding(handle.readline(4096))
    handle.seek(0)
    if wrong:
        problems.append(Problem(table.filename, 1, None, None, wrong))
        result.unreadable.add(table.name)
        return
    # Lines that are not UTF-8 are reported here first and added to ``problems`` just before the
    # row that holds them is read, so the problems stay in the order of the file.
    pending: list[Problem] = []
    reader = csv.reader(_decoded_lines(table, handle, pending, meter), strict=True)
    line = 1  # the line the current record starts on (a quoted cell may span lines)
    block: _Block | None = None
    try:
        header = next(reader, None)
        problems.extend(pending)
        pending.clear()
        if header is None:
            problems.append(Problem(table.filename, None, None, None, "file is empty (no header)"))
            result.unreadable.add(table.name)
            return
        delimiter = _wrong_delimiter(table, header)
        if delimiter:
            message = (
                f"the header is separated by {delimiter}, not commas: save the file as "
                "comma-separated CSV (UTF-8)"
            )
            problems.append(Problem(table.filename, 1, None, None, message))
            result.unreadable.add(table.name)
            return
        positions = _check_header(table, [name.strip() for name in header], problems)
        if positions is None:
            result.unreadable.add(table.name)
            return
        result.dataset.columns[table.name] = {name: index + 1 for name, index in positions.items()}
        line = reader.line_num + 1
        block = _Block(table, len(header), positions, result)
        for row in reader:
            if pending:
                if block.flush():
                    return
                problems.extend(pending)
                pending.clear()
            if row and block.add(row, line):
                return
            line = reader.line_num + 1
    except csv.Error as err:
        if block is not None and block.flush():
            return
        problems.extend(pending)
        message = f"broken CSV in the row starting on this line: {err}"
        problems.append(Problem(table.filename, line, None, None, message))
    else:
        if block is not None and block.flush():
            return
        problems.extend(pending)


class _Block:
    """Rows waiting to be read as a block (:mod:`.blocks`), or row by row if it is not clean."""

    #: Rows per block: enough for columns to pay, few enough to hold little memory.
    SIZE = 4096

    def __init__(self, table: Table, width: int, positions: dict[str, int], result: ReadResult):
        self.table, self.width, self.positions, self.result = table, width, positions, result
        self.plan = _plan(table, positions)
        self.positional = _POSITIONAL[table.name]
        self.parsed: list[dict[str, Any]] = [{} for _ in self.plan]
        self.rows: list[list[str]] = []
        self.lines: list[int] = []
        self.limit = len(result.problems) + FILE_PROBLEM_LIMIT

    def add(self, row: list[str], line: int) -> bool:
        """Hold a row (and the line it starts on) until the block is full; True when reading
        must stop (see :meth:`flush`)."""
        self.rows.append(row)
        self.lines.append(line)
        return len(self.rows) >= self.SIZE and self.flush()

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
                _add_row(table, row, line, self.width, self.positions, self.plan, result)
                if self._stopped(line):
                    return True
        elif table.key is None:
            getattr(result.dataset, table.name).extend(records)
        else:
            for record, line in zip(records, lines, strict=True):
                _store(table, record, line, self.positions, result)
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


#: A file with this many problems is not read further: a generated file of a million bad rows
#: would otherwise hold millions of problems in memory (5 million took 835 MB and 54 s).
FILE_PROBLEM_LIMIT = 10_000


def _wrong_encoding(start: bytes) -> str | None:
    """What is wrong with a file that starts with ``start`` if it is UTF-16 rather than UTF-8."""
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        what = "starts with a UTF-16 byte order mark"
    elif start.count(b"\x00") * 4 >= len(start) > 0:
        what = "has a zero byte in every other byte"
    else:
        return None
    return f"the file is UTF-16, not UTF-8 (it {what}): save it as UTF-8 (in Excel: CSV UTF-8)"


_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _wrong_delimiter(table: Table, header: list[str]) -> str | None:
    """The name of the delimiter a one-field header is really split by, if any."""
    if len(header) != 1:
        return None
    for delimiter, name in _DELIMITERS.items():
        names = {part.strip() for part in header[0].split(delimiter)}
        if len(names & set(table.column_names)) >= 2:
            return name
    return None


#: Control characters a cell may not hold (a line break inside a quoted cell is allowed), and
#: the invisible bidirectional overrides that make text display in another order than it reads.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {0: "NUL", 9: "tab", 13: "carriage return", 0x7F: "DEL"}


def _control_character(cell: str) -> str | None:
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


def _check_header(
    table: Table, header: list[str], problems: list[Problem]
) -> dict[str, int] | None:
    """Map column name → index; report unknown, duplicate and missing required columns."""
    positions: dict[str, int] = {}
    known = set(table.column_names)
    ok = True
    for index, name in enumerate(header):
        where = (table.filename, 1, index + 1, name or None)
        if name in positions:
            problems.append(Problem(*where, "column appears twice in the header"))
            ok = False
        elif name not in known:
            expected = ", ".join(table.column_names)
            problems.append(Problem(*where, f"unknown column {name!r} (expected: {expected})"))
            ok = False
        else:
            positions[name] = index
    for column in table.columns:
        if column.required and column.name not in positions:
            problems.append(
                Problem(table.filename, 1, None, column.name, "required column is missing")
            )
            ok = False
    return positions if ok else None


def _plan(table: Table, positions: dict[str, int]) -> Plan:
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


def _add_row(
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
        _mark_broken(table, row, positions, result)
        return
    values: list[Any] = []
    failed = False
    for name, index, parse, required, empty in plan:
        cell = row[index] if index is not None else ""
        if cell and not cell.isprintable():
            control = _control_character(cell)
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
        _mark_broken(table, row, positions, result)
        return
    if _POSITIONAL[table.name]:
        record = table.record(*values, line)
    else:
        record = table.record(**dict(zip(table.column_names, values, strict=True)), line=line)
    _store(table, record, line, positions, result)


_POSITIONAL = {table.name: _positional(table) for table in TABLES}


def _mark_broken(
    table: Table, row: list[str], positions: dict[str, int], result: ReadResult
) -> None:
    if table.key and table.key in positions and positions[table.key] < len(row):
        key = row[positions[table.key]].strip()
        result.broken_keys.setdefault(table.name, set()).add(key)


def _store(
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


def load_dataset(path: str | Path | None = None, progress: Progress | None = None) -> Dataset:
    """Read and validate a dataset; raise :class:`ValidationError` listing every problem.

    With no ``path``, loads the curated dataset shipped with the package; ``progress`` is as for
    :func:`read_dataset`.
    """
    result = read_dataset(path, progress)
    problems = result.problems + check(result.dataset, result.broken_keys, result.unreadable)
    if problems:
        raise ValidationError(problems)
    return result.dataset


def find_problems(
    path: str | Path | None = None, progress: Progress | None = None, *, strict: bool = False
) -> list[Problem]:
    """Every problem of a dataset, per-file ones first, then cross-table ones; empty when clean.

    ``strict`` also reports every row resting on mirror, blog or seed sources alone
    (:func:`~bolshevik_graph.sourcing.weak_problems`), after the other problems.
    """
    result = read_dataset(path, progress)
    problems = result.problems + check(result.dataset, result.broken_keys, result.unreadable)
    if strict:
        problems += weak_problems(result.dataset)
    return problems
