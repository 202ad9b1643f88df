"""Tables that fit a terminal: narrowing the widest columns, cutting cells with "…"."""

from __future__ import annotations

from bolshevik_graph.output import format_rows, format_table

ROWS = [
    {"id": "a", "name": "Nikolai Ivanovich Bukharin", "note": "Shot on 15 Mar 1938 at Kommunarka"},
    {"id": "bb", "name": "Сталин", "note": ""},
]


def test_without_a_width_nothing_is_cut() -> None:
    assert format_table(ROWS, ["id", "name", "note"]).splitlines() == [
        "id  name                        note",
        "--  --------------------------  ---------------------------------",
        "a   Nikolai Ivanovich Bukharin  Shot on 15 Mar 1938 at Kommunarka",
        "bb  Сталин",
    ]


def test_the_widest_columns_are_narrowed_to_fit() -> None:
    lines = format_table(ROWS, ["id", "name", "note"], width=40).splitlines()
    assert lines == [
        "id  name               note",
        "--  -----------------  -----------------",
        "a   Nikolai Ivanovic…  Shot on 15 Mar 1…",
        "bb  Сталин",
    ]
    assert max(len(line) for line in lines) <= 40


def test_a_table_that_fits_is_unchanged_and_headings_are_never_cut() -> None:
    assert format_table(ROWS, ["id", "name", "note"], width=200) == format_table(
        ROWS, ["id", "name", "note"]
    )
    narrow = format_table([{"identifier": "x" * 30}], ["identifier"], width=4).splitlines()
    assert narrow == ["identifier", "----------", "xxxxxxxxx…"]


def test_tables_show_fates_as_words_json_and_csv_keep_the_value() -> None:
    rows = [{"id": "s", "fate": "died_in_custody"}]
    assert format_rows(rows, ["id", "fate"], "table").splitlines()[2] == "s   died in custody"
    assert format_rows(rows, ["id", "fate"], "csv") == "id,fate\ns,died_in_custody"
    assert '"fate": "died_in_custody"' in format_rows(rows, ["id", "fate"], "json")
