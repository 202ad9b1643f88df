"""Where a table's rows come from: its CSV file, as text in blocks, or line by line.

A file that is all UTF-8 (nearly every file) is read as text by the ``csv`` module straight from
the file, in blocks of rows, each row with the line it starts on: no Python work per line. A file
with bytes that are not UTF-8 is read line by line instead, so that each such byte is reported
at its line and column (and replaced) before the row that holds it. Both count lines the same
way: a line ends at ``\\n`` only, and a quoted cell's line breaks count as lines.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import IO

from .errors import Problem
from .progress import Meter

#: Bytes decoded at a time when checking that a file is UTF-8.
_CHUNK = 1 << 20


def is_utf8(handle: IO[bytes]) -> bool:
    """True when everything from the start of ``handle`` decodes as UTF-8; the file is read in
    chunks (memory stays bounded) and left at its start."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    handle.seek(0)
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        handle.seek(0)
    return True


def text_file(handle: IO[bytes]) -> io.TextIOWrapper:
    """``handle`` as text for ``csv.reader``: UTF-8 with or without a byte order mark, lines
    ending at ``\\n`` only (as :func:`decoded_lines` splits them), nothing translated."""
    return io.TextIOWrapper(handle, encoding="utf-8-sig", newline="\n")


class BrokenRecordError(Exception):
    """The CSV module refused the record that starts on ``line``, after the rows before it."""

    def __init__(self, line: int, error: csv.Error) -> None:
        super().__init__(str(error))
        self.line = line
        self.error = error


def row_blocks(
    reader: Iterator[list[str]],
    first: int,
    size: int,
    position: IO[bytes],
    meter: Meter,
) -> Iterator[tuple[list[list[str]], Sequence[int]]]:
    """The rows of ``reader`` (a ``csv.reader``) from line ``first`` on, ``size`` at a time, each
    block with the line each of its rows starts on; blank lines are counted and dropped.

    ``position`` is the binary file under the reader, whose position advances ``meter``. When
    the CSV module refuses a record, the rows before it are yielded, then :class:`BrokenRecordError`
    is raised with the line that record starts on."""
    done = position.tell()
    line_num = reader.line_num  # type: ignore[attr-defined]
    while True:
        rows: list[list[str]] = []
        lines: Sequence[int]
        try:
            rows.extend(islice(reader, size))
        except csv.Error as err:
            lines, first = _lines(rows, first)
            yield _without_blank(rows, lines)
            raise BrokenRecordError(first, err) from err
        if not rows:
            return
        end = reader.line_num  # type: ignore[attr-defined]
        if end - line_num == len(rows):  # one line a row: no line break inside a cell
            lines = range(first, first + len(rows))
            first += len(rows)
        else:
            lines, first = _lines(rows, first)
        line_num = end
        now = position.tell()
        meter.report(now - done)
        done = now
        yield _without_blank(rows, lines)


def _lines(rows: list[list[str]], first: int) -> tuple[list[int], int]:
    """The line each row starts on, from ``first``, counting the line breaks in its cells; and
    the line after the last row."""
    lines = []
    for row in rows:
        lines.append(first)
        first += 1 + sum(cell.count("\n") for cell in row)
    return lines, first


def _without_blank(
    rows: list[list[str]], lines: Sequence[int]
) -> tuple[list[list[str]], Sequence[int]]:
    """``rows`` and their ``lines`` without blank lines (which ``csv.reader`` gives as ``[]``)."""
    if all(rows):
        return rows, lines
    kept = [(row, line) for row, line in zip(rows, lines, strict=True) if row]
    return [row for row, _ in kept], [line for _, line in kept]


def decoded_lines(
    filename: str, handle: IO[bytes], problems: list[Problem], meter: Meter
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
                    filename,
                    number,
                    column,
                    None,
                    f"byte 0x{raw[err.start]:02x} is not UTF-8; save the file as UTF-8",
                )
            )
            yield raw.decode("utf-8", errors="replace")
