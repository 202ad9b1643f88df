"""Clean blocks of rows read column by column: the same records as row by row, or nothing."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from bolshevik_graph.blocks import parse_block
from bolshevik_graph.loader import find_problems, read_dataset
from bolshevik_graph.rowreading import REFERENCES, plan_of
from bolshevik_graph.tables import TABLES, TABLES_BY_NAME


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


def test_columns_start_out_knowing_only_ids_read_before_them() -> None:
    """A column that names people (bodies, events) starts with the ids already read: those
    tables must come first, and the column must be one of its table's."""
    order = [table.name for table in TABLES]
    for (table, column), other in REFERENCES.items():
        assert order.index(other) < order.index(table)
        assert column in TABLES_BY_NAME[table].column_names


def test_an_id_of_a_person_not_read_is_still_checked(tiny_copy: Path) -> None:
    """A relationship naming an id that is no person's is parsed as an id and reported."""
    path = tiny_copy / "relationships.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = next(csv.reader([lines[1]]))
    row[header.index("subject")] = "No Such Id"
    lines[1] = ",".join(f'"{cell}"' for cell in row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = find_problems(tiny_copy)
    assert [(p.line, p.column_name) for p in problems][:1] == [(2, "subject")]
    assert "is not an id" in problems[0].message
