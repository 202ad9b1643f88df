"""Finding a dataset (the packaged one or a user's ``--data DIR``), reading its CSVs into records.

Reading never stops at the first problem: every bad cell, row and header is collected as a
located :class:`~bolshevik_graph.errors.Problem`, so that a user fixes everything in one pass.
Files are read as a stream (UTF-8 with or without BOM, LF or CRLF; :mod:`.csvsource`), so memory
grows with the records kept, not with a copy of the file; rows become records in
:mod:`.rowreading`.
"""

from __future__ import annotations

import csv
import sys
from importlib import resources
from pathlib import Path
from typing import IO

from .collector import paused_collector
from .csvsource import BrokenRecordError, decoded_lines, is_utf8, row_blocks, text_file
from .errors import DataNotFoundError, Problem, ValidationError
from .models import Dataset
from .progress import Meter, Progress
from .rowreading import Block, ReadResult
from .sourcing import weak_problems
from .tables import TABLES, Table
from .validate import check

__all__ = ["ReadResult", "find_problems", "load_dataset", "read_dataset", "resolve_data_dir"]

# A curated note may be long; a user's own file may hold far longer fields.
csv.field_size_limit(sys.maxsize)


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


def _read_table(table: Table, handle: IO[bytes], result: ReadResult, meter: Meter) -> None:
    problems = result.problems
    wrong = _wrong_encoding(handle.readline(4096))
    handle.seek(0)
    if wrong:
        problems.append(Problem(table.filename, 1, None, None, wrong))
        result.unreadable.add(table.name)
        return
    if is_utf8(handle):
        _read_text(table, handle, result, meter)
        return
    # Lines that are not UTF-8 are reported here first and added to ``problems`` just before the
    # row that holds them is read, so the problems stay in the order of the file.
    pending: list[Problem] = []
    reader = csv.reader(decoded_lines(table.filename, handle, pending, meter), strict=True)
    line = 1  # the line the current record starts on (a quoted cell may span lines)
    block: Block | None = None
    try:
        header = next(reader, None)
        problems.extend(pending)
        pending.clear()
        block = _start(table, header, result)
        if block is None:
            return
        line = reader.line_num + 1
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
        _broken_record(table, line, err, problems)
    else:
        if block is not None and block.flush():
            return
        problems.extend(pending)


def _read_text(table: Table, handle: IO[bytes], result: ReadResult, meter: Meter) -> None:
    """Read a file that is all UTF-8: as text, rows taken from the reader a block at a time."""
    reader = csv.reader(text_file(handle), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as err:
        _broken_record(table, 1, err, result.problems)
        return
    block = _start(table, header, result)
    if block is None:
        return
    try:
        for rows, lines in row_blocks(reader, reader.line_num + 1, Block.SIZE, handle, meter):
            if block.take(rows, lines):
                return
    except BrokenRecordError as broken:
        _broken_record(table, broken.line, broken.error, result.problems)


def _broken_record(table: Table, line: int, err: csv.Error, problems: list[Problem]) -> None:
    message = f"broken CSV in the row starting on this line: {err}"
    problems.append(Problem(table.filename, line, None, None, message))


def _start(table: Table, header: list[str] | None, result: ReadResult) -> Block | None:
    """The block that reads the rows under ``header``, or None (reported) when the file is empty
    or its header is separated by something else than commas or names wrong columns."""
    problems = result.problems
    if header is None:
        problems.append(Problem(table.filename, None, None, None, "file is empty (no header)"))
        result.unreadable.add(table.name)
        return None
    delimiter = _wrong_delimiter(table, header)
    if delimiter:
        message = (
            f"the header is separated by {delimiter}, not commas: save the file as "
            "comma-separated CSV (UTF-8)"
        )
        problems.append(Problem(table.filename, 1, None, None, message))
        result.unreadable.add(table.name)
        return None
    positions = _check_header(table, [name.strip() for name in header], problems)
    if positions is None:
        result.unreadable.add(table.name)
        return None
    result.dataset.columns[table.name] = {name: index + 1 for name, index in positions.items()}
    return Block(table, len(header), positions, result)


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
