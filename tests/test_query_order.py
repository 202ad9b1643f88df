"""Row order is portable: every canned query sorts by plain RETURN aliases, and the order the
embedded engine gives is the order Neo4j's rules give, checked without a server.

For each canned query, on the tiny and the shipped data, the rows grafeo returns are sorted again
in Python by the query's ORDER BY keys with Neo4j's semantics (nulls last ascending and first
descending, strings by code point, numbers numerically, booleans false before true, lists element
by element) and must come out unchanged; the keys must also tell every two different rows apart,
so that Neo4j's order is not left to chance.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from update_expected import DATASETS, PARAMS

from bolshevik_graph.backends import Backend
from bolshevik_graph.queries import get_query, list_queries
from bolshevik_graph.querying import open_backend

ORDER_BY = re.compile(r"\bORDER\s+BY\s+", re.IGNORECASE)
END = re.compile(r"\b(?:SKIP|LIMIT)\b", re.IGNORECASE)
ITEM = re.compile(r"^(\w+)(?:\s+(ASC|ASCENDING|DESC|DESCENDING))?$", re.IGNORECASE)


def order_keys(cypher: str, columns: list[str]) -> list[tuple[str, bool]]:
    """The final ORDER BY of ``cypher`` as (column, descending) pairs; an item that is not a
    plain RETURN alias (a function of one, a property, an expression) is refused, because
    grafeo and Neo4j do not sort those alike."""
    found = list(ORDER_BY.finditer(cypher))
    if not found:
        raise ValueError("no ORDER BY: Neo4j's row order would be left to chance")
    clause = END.split(cypher[found[-1].end() :])[0]  # the last ORDER BY, the one of RETURN
    keys = []
    for item in _top_level_items(clause):
        match = ITEM.match(item)
        if not (match and match[1] in columns):
            raise ValueError(
                f"ORDER BY {item!r} is not a plain RETURN alias (one of {', '.join(columns)})"
            )
        keys.append((match[1], (match[2] or "").upper().startswith("DESC")))
    return keys


def _top_level_items(text: str) -> list[str]:
    """``text`` split at the commas outside brackets and quotes."""
    items, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index].strip())
            start = index + 1
    return [*items, text[start:].strip()]


def neo4j_key(value: Any) -> tuple[Any, ...]:
    """A Python sort key that orders values as Neo4j's ORDER BY does (ascending): lists before
    strings before booleans before numbers, null after everything."""
    if value is None:
        return (9,)
    if isinstance(value, list):
        return (3, tuple(neo4j_key(v) for v in value))
    if isinstance(value, str):
        return (5, value)  # Python compares str by code point
    if isinstance(value, bool):
        return (6, value)
    if isinstance(value, int | float):
        return (7, value)
    raise AssertionError(f"no Neo4j order for {type(value).__name__}")


def neo4j_sorted(rows: list[dict[str, Any]], keys: list[tuple[str, bool]]) -> list[Any]:
    """``rows`` stably sorted by ``keys`` with Neo4j's semantics (descending reverses nulls too)."""
    ordered = list(rows)
    for column, descending in reversed(keys):
        ordered.sort(key=lambda row: neo4j_key(row[column]), reverse=descending)
    return ordered


def order_problems(backend: Backend, cypher: str, params: dict[str, Any]) -> list[str]:
    """What is not portable about the row order of ``cypher`` on ``backend``'s data."""
    result = backend.run(cypher, params)
    try:
        keys = order_keys(cypher, result.columns)
    except ValueError as err:
        return [str(err)]
    problems = []
    if neo4j_sorted(result.rows, keys) != result.rows:
        problems.append("rows are not in the order Neo4j's rules give for the ORDER BY keys")
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in result.rows:
        key = tuple(neo4j_key(row[column]) for column, _ in keys)
        if seen.setdefault(key, row) != row:
            problems.append(f"two rows tie on the ORDER BY keys: {row} and {seen[key]}")
    return problems


@pytest.fixture(scope="module", params=list(DATASETS))
def loaded(request: pytest.FixtureRequest) -> Iterator[tuple[str, Backend]]:
    """(dataset name, the embedded engine loaded with it)."""
    with open_backend("embedded", DATASETS[request.param]) as backend:
        yield request.param, backend


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_row_order_is_neo4js(loaded: tuple[str, Backend], name: str) -> None:
    _dataset, backend = loaded
    query = get_query(name)
    assert order_problems(backend, query.cypher, query.bind(PARAMS.get(name, {}))) == []


def test_a_purge_dated_to_the_month_sorts_before_one_dated_to_the_day(
    tiny_dir: Path, tmp_path: Path
) -> None:
    """The case Neo4j caught: Zinoviev purged from '1934-12' and from '1934-12-16'."""
    data = tmp_path / "data"
    shutil.copytree(tiny_dir, data)
    with (data / "relationships.csv").open("a", encoding="utf-8") as out:
        out.write("zinoviev,PURGED_BY,stalin,1934-12,1934-12-10,certain,,tiny-ref\n")
    query = get_query("victims-of")
    with open_backend("embedded", data) as backend:
        rows = backend.run(query.cypher, query.bind({})).rows
        assert [row["purged_from"] for row in rows] == ["1934-12", "1934-12-16"]
        assert order_problems(backend, query.cypher, query.bind({})) == []
        # The old text wrapped an alias in a function, and grafeo sorted it the other way.
        old = query.cypher.replace(
            "ORDER BY died, id, purged_from",
            "ORDER BY coalesce(v.died, ''), id, coalesce(purged_from, '')",
        )
        assert order_problems(backend, old, query.bind({})) == [
            "ORDER BY \"coalesce(v.died, '')\" is not a plain RETURN alias "
            "(one of id, name, purged_from, died, fate, confidence)"
        ]
        old_rows = backend.run(old, query.bind({})).rows
        assert [row["purged_from"] for row in old_rows] == ["1934-12-16", "1934-12"]


def test_neo4j_order_of_values() -> None:
    rows = [{"v": v} for v in [None, 2, "b", True, 1.5, ["a", "b"], "a", False, ["a"], "É", 10]]
    ordered = [row["v"] for row in neo4j_sorted(rows, [("v", False)])]
    assert ordered == [["a"], ["a", "b"], "a", "b", "É", False, True, 1.5, 2, 10, None]
    descending = [row["v"] for row in neo4j_sorted(rows, [("v", True)])]
    assert descending == list(reversed(ordered))
