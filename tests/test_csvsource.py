"""Rows in blocks with the line each starts on, counted as ``csv.reader`` counts them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bolshevik_graph.csvsource import BrokenRecordError, is_utf8, row_blocks, text_file
from bolshevik_graph.loader import find_problems, read_dataset
from bolshevik_graph.progress import Meter

TRICKY = (
    b'id,note\r\na,"two\r\nlines"\r\n\r\nb,plain\nc,"three\nlines\nhere"\n\n\nd,"a\rcarriage"\n'
    b"e,last"
)


def _one_by_one(data: bytes) -> list[tuple[list[str], int]]:
    """Each non-blank row and the line it starts on, read a row at a time (the reference)."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="\n"), strict=True)
    next(reader)
    rows, line = [], reader.line_num + 1
    for row in reader:
        if row:
            rows.append((row, line))
        line = reader.line_num + 1
    return rows


def _blocks(data: bytes, size: int) -> list[tuple[list[str], int]]:
    handle = io.BytesIO(data)
    reader = csv.reader(text_file(handle), strict=True)
    next(reader)
    got = []
    for rows, lines in row_blocks(reader, reader.line_num + 1, size, handle, Meter(None, 0)):
        got += list(zip(rows, lines, strict=True))
    return got


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_lines_are_those_of_the_row_by_row_reader(size: int) -> None:
    expected = _one_by_one(TRICKY)
    assert [line for _, line in expected] == [2, 5, 6, 11, 12]
    assert _blocks(TRICKY, size) == expected
    assert _blocks(b"\xef\xbb\xbf" + TRICKY, size) == expected


@pytest.mark.parametrize("size", [1, 2, 100])
def test_a_broken_record_comes_after_the_rows_before_it(size: int) -> None:
    data = b'id,note\na,1\nb,"multi\nline"\nc,"bad"x\nd,4\n'
    handle = io.BytesIO(data)
    reader = csv.reader(text_file(handle), strict=True)
    next(reader)
    got = []
    with pytest.raises(BrokenRecordError) as broken:
        for rows, lines in row_blocks(reader, 2, size, handle, Meter(None, 0)):
            got += list(zip(rows, lines, strict=True))
    assert got == [(["a", "1"], 2), (["b", "multi\nline"], 3)]
    assert broken.value.line == 5


def test_utf8_is_checked_in_chunks_and_the_file_left_at_its_start() -> None:
    good = io.BytesIO(("é" * 1_000_000).encode())
    assert is_utf8(good) and good.tell() == 0
    # A character cut across a chunk boundary is still UTF-8.
    assert is_utf8(io.BytesIO(b"a" + ("é" * 1_000_000).encode()))
    bad = io.BytesIO(("é" * 1_000_000).encode() + b"\xff")
    assert not is_utf8(bad) and bad.tell() == 0
    assert not is_utf8(io.BytesIO("é".encode()[:1]))  # cut short at the end


def test_a_file_with_a_byte_not_utf8_is_read_as_the_text_one_is(tiny_copy: Path) -> None:
    """The line-by-line reader (taken for files with bytes that are not UTF-8) and the text
    reader give the same records and problems, apart from the byte's own problem."""
    people = tiny_copy / "people.csv"
    lines = people.read_bytes().split(b"\n")
    lines.insert(3, b"")  # a blank line, and a quoted note over two lines
    lines[1] = lines[1].replace(b",,", b',"a note\r\nover lines",', 1)
    lines[-2] = lines[-2].replace(b"1917", b"1017", 1)  # a problem after them
    people.write_bytes(b"\n".join(lines))
    text = read_dataset(tiny_copy)
    as_text = find_problems(tiny_copy)
    people.write_bytes(b"\n".join([*lines[:-2], lines[-2].replace(b",", b",\xff", 1), *lines[-1:]]))
    as_lines = find_problems(tiny_copy)
    byte = [p for p in as_lines if "not UTF-8" in p.message]
    last_row = b"\n".join(lines[:-2]).count(b"\n") + 2  # the physical line it starts on
    assert len(byte) == 1 and byte[0].line == last_row
    assert [p for p in as_lines if p not in byte] == as_text
    assert as_text  # the 1017 makes at least one
    assert read_dataset(tiny_copy).dataset.people.keys() == text.dataset.people.keys()
