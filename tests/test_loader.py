"""Reading CSVs: encodings, line ends, headers, and where the data is looked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bolshevik_graph.errors import DataNotFoundError, ValidationError
from bolshevik_graph.loader import find_problems, load_dataset, packaged_data_dir, read_dataset


def test_tiny_dataset_loads_as_typed_records(tiny_dir: Path) -> None:
    data = load_dataset(tiny_dir)
    lenin = data.people["lenin"]
    assert str(lenin.born) == "1870-04-22"
    assert lenin.aliases == ("Ulyanov", "Ilyich")
    assert lenin.fate == "natural"
    assert len(data.memberships) == 6
    assert len(data.relationships) == 5
    assert data.people["lenin"].line == 2


def _rewrite(directory: Path, transform: str) -> None:
    for file in directory.glob("*.csv"):
        raw = file.read_bytes()
        if transform == "crlf":
            raw = raw.replace(b"\n", b"\r\n")
        elif transform == "bom":
            raw = b"\xef\xbb\xbf" + raw
        file.write_bytes(raw)


@pytest.mark.parametrize("transform", ["crlf", "bom"])
def test_bom_and_crlf_load_the_same(tiny_copy: Path, tiny_dir: Path, transform: str) -> None:
    _rewrite(tiny_copy, transform)
    assert load_dataset(tiny_copy).people == load_dataset(tiny_dir).people


def test_multiline_cell_keeps_the_line_of_its_row(tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    text = people.read_text(encoding="utf-8").replace("Died after a stroke", '"two\nlines"')
    # A quoted cell containing a newline: the rows after it must keep their real line numbers.
    people.write_text(text.replace(',"two\nlines",', ',"two\nlines",'), encoding="utf-8")
    data = load_dataset(tiny_copy)
    assert data.people["trotsky"].line == 5


def test_crlf_inside_a_quoted_cell_is_a_line_break(tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    text = people.read_text(encoding="utf-8").replace("Died after a stroke", '"two\r\nlines"')
    people.write_bytes(text.encode("utf-8"))
    assert load_dataset(tiny_copy).people["stalin"].fate_detail == "two\nlines"


def test_utf16_without_byte_order_mark_is_named(tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    people.write_bytes(people.read_text(encoding="utf-8").encode("utf-16-le"))
    assert [str(p) for p in find_problems(tiny_copy)] == [
        "people.csv:1: the file is UTF-16, not UTF-8 (it has a zero byte in every other byte): "
        "save it as UTF-8 (in Excel: CSV UTF-8)"
    ]


@pytest.mark.parametrize(("delimiter", "name"), [("\t", "tabs"), ("|", "vertical bars")])
def test_other_delimiters_are_named(tiny_copy: Path, delimiter: str, name: str) -> None:
    sources = tiny_copy / "sources.csv"
    header, rest = sources.read_text(encoding="utf-8").split("\n", 1)
    sources.write_text(header.replace(",", delimiter) + "\n" + rest, encoding="utf-8")
    assert [str(p) for p in find_problems(tiny_copy)] == [
        f"sources.csv:1: the header is separated by {name}, not commas: save the file as "
        "comma-separated CSV (UTF-8)"
    ]


def test_missing_directory() -> None:
    with pytest.raises(DataNotFoundError, match=r"data directory '/no/such/dir' does not exist"):
        read_dataset("/no/such/dir")


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(DataNotFoundError, match="holds no bolshevik-graph tables"):
        read_dataset(tmp_path)


def test_file_instead_of_directory(tiny_dir: Path) -> None:
    with pytest.raises(DataNotFoundError, match="is not a directory"):
        read_dataset(tiny_dir / "people.csv")


def test_every_problem_is_reported_not_only_the_first(tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("1870-04-22", "1870-4-22").replace("natural", "old age"))
    problems = find_problems(tiny_copy)
    assert len(problems) >= 3  # a bad date, then every 'natural' fate in the file
    with pytest.raises(ValidationError) as caught:
        load_dataset(tiny_copy)
    assert caught.value.problems == problems


def test_packaged_data_is_found() -> None:
    assert (packaged_data_dir() / "people.csv").is_file()


def test_reading_reports_progress_in_bytes(tiny_copy: Path) -> None:
    sources = tiny_copy / "sources.csv"
    extra = "".join(f"extra-{n},book,Filler {n},,,2024,,\n" for n in range(10_000))
    sources.write_text(sources.read_text(encoding="utf-8") + extra, encoding="utf-8")
    total = sum(file.stat().st_size for file in tiny_copy.glob("*.csv"))
    calls: list[tuple[int, int]] = []
    load_dataset(tiny_copy, lambda done, of: calls.append((done, of)))
    assert len(calls) > 2  # some along the way, not only the last
    assert all(of == total for _, of in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1] == (total, total)
