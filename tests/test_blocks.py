"""Clean blocks of rows read column by column: the same records as row by row, or nothing."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from bolshevik_graph.blocks import parse_block
from bolshevik_graph.loader import read_dataset
from bolshevik_graph.rowreading import plan_of
from bolshevik_graph.tables import TABLES_BY_NAME


def _block(directory: Path, name: str) -> tuple[list[str], list[list[str]], list[int]]:
    """A table's header, rows and the line each row starts on, as the loader counts them."""
    with (directory / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows, lines, line = [], [], reader.line_num + 1
        for row in reader:
            if row:
                rows.append(row)
                lines.append(line)
            line = reader.line_num + 1
    return header, rows, lines


def _parse(header: list[str], rows: list[list[str]], lines: list[int], name: str) -> Any:
    table = TABLES_BY_NAME[name]
    plan = plan_of(table, {column: index for index, column in enumerate(header)})
    return parse_block(table.record, rows, lines, len(header), plan, [{} for _ in plan])


@pytest.mark.parametrize("name", ["people", "bodies", "memberships", "relationships", "sources"])
def test_a_clean_block_gives_the_records_of_the_row_reader(tiny_dir: Path, name: str) -> None:
    header, rows, lines = _block(tiny_dir, name)
    expected = getattr(read_dataset(tiny_dir).dataset, name)
    expected = list(expected.values()) if isinstance(expected, dict) else expected
    assert _parse(header, rows, lines, name) == expected


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("confidence", "sure"),  # not in the vocabulary
        ("start", "1917-02-30"),  # no such day
        ("subject", ""),  # required
        ("note", "a\tb"),  # a control character
        ("note", "two\r\nlines"),  # a line break: the row reader keeps it, located
        ("sources", "a;;b"),  # an empty item
    ],
)
def test_one_bad_cell_sends_the_whole_block_row_by_row(
    tiny_dir: Path, column: str, value: str
) -> None:
    header, rows, lines = _block(tiny_dir, "relationships")
    rows[-1][header.index(column)] = value
    assert _parse(header, rows, lines, "relationships") is None


def test_a_row_of_another_width_sends_the_block_row_by_row(tiny_dir: Path) -> None:
    header, rows, lines = _block(tiny_dir, "relationships")
    rows[0] = rows[0][:-1]
    assert _parse(header, rows, lines, "relationships") is None
