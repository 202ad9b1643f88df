"""The backends: loading, read-only runs, errors, hostile input (generations: test_generations.py).

Runs on the embedded engine always, and on Neo4j too when NEO4J_URI is set.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bolshevik_graph.backends import Backend, get_backend, is_write_query
from bolshevik_graph.errors import BackendUnavailableError, QueryError, UnknownIdError
from bolshevik_graph.models import Dataset

NEO4J_SKIP = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="NEO4J_URI is not set: no Neo4j server to run the conformance tests against",
)
ENGINES = [pytest.param("embedded"), pytest.param("neo4j", marks=NEO4J_SKIP)]


def open_engine(name: str) -> Backend:
    """A fresh backend; for Neo4j, the project's nodes are wiped first."""
    if name == "neo4j":
        from bolshevik_graph.querying import Neo4jSettings, _connect

        neo = _connect(Neo4jSettings.from_environment())
        neo.wipe()
        return neo
    return get_backend("embedded")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """Each engine, empty."""
    backend = open_engine(request.param)
    yield backend
    backend.close()


def test_load_counts_are_read_back(engine: Backend, tiny: Dataset) -> None:
    # what a load changes, and what it leaves when it fails, is tested in test_generations.py
    assert engine.load(tiny).counts() == engine.counts() == {"nodes": 11, "relationships": 15}


def test_reads_return_rows_in_column_order(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    result = engine.run(
        "MATCH (p:Person {id: $id}) RETURN p.name AS name, p.born AS born", {"id": "lenin"}
    )
    assert result.columns == ["name", "born"]
    assert result.rows == [{"name": "Vladimir Lenin", "born": "1870-04-22"}]


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (:Person {id: 'x'})",
        "MATCH (p:Person) SET p.name = 'x'",
        "MATCH (p:Person) DETACH DELETE p",
        "match (p) remove p.name",
        "MERGE (p:Person {id: 'x'})",
    ],
)
def test_writes_are_refused_without_write(engine: Backend, tiny: Dataset, cypher: str) -> None:
    engine.load(tiny)
    with pytest.raises(QueryError, match="pass --write"):
        engine.run(cypher)
    assert engine.run("MATCH (p:Person) RETURN count(p) AS n").rows == [{"n": 8}]


def test_write_flag_allows_writes(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    engine.run("MATCH (p:Person {id: 'lenin'}) SET p.checked = true", write=True)
    assert engine.run("MATCH (p:Person {checked: true}) RETURN p.id AS id").rows == [
        {"id": "lenin"}
    ]


def test_write_words_inside_strings_are_not_writes() -> None:
    assert not is_write_query("MATCH (p) WHERE p.note CONTAINS 'CREATE' RETURN p // DELETE")
    assert not is_write_query('RETURN "SET" AS x')
    assert is_write_query("MATCH (p) WITH p CREATE (q)")


HOSTILE = [
    "x' }) MATCH (n) DETACH DELETE n //",
    '"; DROP CONSTRAINT bolshevik_graph_person_id; //',
    "\\' OR 1=1 --",
    "</script><img src=x onerror=alert(1)>",
    "Зиновьев' RETURN 1 UNION MATCH (n) DELETE n",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_parameters_are_data_not_code(engine: Backend, tiny: Dataset, value: str) -> None:
    engine.load(tiny)
    rows = engine.run("MATCH (p:Person) WHERE p.name = $v RETURN p.id AS id", {"v": value}).rows
    assert rows == []
    echoed = engine.run("RETURN $v AS v", {"v": value}).rows
    assert echoed == [{"v": value}]
    assert engine.run("MATCH (p:Person) RETURN count(p) AS n").rows == [{"n": 8}]


def test_hostile_strings_in_the_data_come_back_as_data(engine: Backend, tiny: Dataset) -> None:
    people = dict(tiny.people)
    for index, value in enumerate(HOSTILE):
        person_id = f"hostile-{index}"
        people[person_id] = dataclasses.replace(
            tiny.people["lenin"], id=person_id, name=value, note=value
        )
    engine.load(dataclasses.replace(tiny, people=people))
    rows = engine.run(
        "MATCH (p:Person) WHERE p.id STARTS WITH 'hostile-' RETURN p.name AS name ORDER BY p.id"
    ).rows
    assert [row["name"] for row in rows] == HOSTILE


def test_syntax_errors_are_query_errors(engine: Backend) -> None:
    with pytest.raises(QueryError):
        engine.run("MATCH (p:Person RETURN p")


def test_unknown_backend() -> None:
    with pytest.raises(UnknownIdError, match=r"unknown backend 'mysql' \(known: embedded, neo4j\)"):
        get_backend("mysql")


def test_embedded_file_database_persists(tmp_path: Path, tiny: Dataset) -> None:
    path = tmp_path / "graph.grafeo"
    first = get_backend("embedded", path=path)
    first.load(tiny)
    first.close()
    second = get_backend("embedded", path=path)
    assert second.run("MATCH (p:Person) RETURN count(p) AS n").rows == [{"n": 8}]
    second.close()


# 500 people each linked to one hub and to the same 300 others: 150,000 two-hop rows.
FAN_OUT = (
    "CREATE (:Person {id: 'hub'})",
    "UNWIND range(1, 300) AS j CREATE (:Person {id: 'o' + toString(j)})",
    "MATCH (h:Person {id: 'hub'}) UNWIND range(1, 500) AS i "
    "CREATE (h)-[:X]->(:Person {id: 'l' + toString(i)})",
    "MATCH (l:Person), (o:Person) WHERE l.id STARTS WITH 'l' AND o.id STARTS WITH 'o' "
    "CREATE (l)-[:X]->(o)",
)


def test_embedded_engine_crash_on_a_large_expansion_is_a_query_error(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # grafeo 0.6.0 panics (a Rust assertion) when one pattern expands to ~100,000 rows or more;
    # the user gets a one-line error naming the work-around, which gives the right answer, and
    # none of the Rust panic text or backtrace that grafeo writes to stderr.
    monkeypatch.setenv("RUST_BACKTRACE", "1")
    engine = get_backend("embedded")
    for statement in FAN_OUT:
        engine.run(statement, write=True)
    one_pattern = "MATCH (:Person {id: 'hub'})-[]-()-[]-(c:Person) RETURN count(DISTINCT c) AS n"
    capfd.readouterr()
    with pytest.raises(QueryError, match="split a long pattern with WITH DISTINCT"):
        engine.run(one_pattern)
    assert capfd.readouterr().err == ""
    split = (
        "MATCH (:Person {id: 'hub'})-[]-(b) WITH DISTINCT b "
        "MATCH (b)-[]-(c:Person) RETURN count(DISTINCT c) AS n"
    )
    assert engine.run(split).rows == [{"n": 301}]  # the 300, and the hub itself through b


def test_neo4j_unreachable_is_one_line_and_fast() -> None:
    pytest.importorskip("neo4j")
    from bolshevik_graph.backends.neo4j_backend import Neo4jBackend

    start = time.monotonic()
    with pytest.raises(BackendUnavailableError, match=r"^cannot reach Neo4j at bolt://127.0.0.1:9"):
        Neo4jBackend("bolt://127.0.0.1:9", "neo4j", "secret")
    assert time.monotonic() - start < 10


def test_neo4j_bad_uri() -> None:
    pytest.importorskip("neo4j")
    from bolshevik_graph.backends.neo4j_backend import Neo4jBackend

    with pytest.raises(BackendUnavailableError, match="bad Neo4j URI 'http://x': expected bolt://"):
        Neo4jBackend("http://x", "neo4j", "secret")


def test_neo4j_cli_error_has_no_traceback() -> None:
    pytest.importorskip("neo4j")
    env = {**os.environ, "NEO4J_URI": "neo4j://127.0.0.1:9", "NEO4J_PASSWORD": "secret"}
    result = subprocess.run(
        [sys.executable, "-m", "bolshevik_graph", "neo4j", "load"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot reach Neo4j at neo4j://127.0.0.1:9")
    assert "Traceback" not in result.stderr
    assert "secret" not in result.stderr


def test_native_stderr_is_passed_on_unless_the_engine_panicked(
    capfd: pytest.CaptureFixture[str],
) -> None:
    from bolshevik_graph.backends.embedded import _NativeStderr

    class PanicException(BaseException):  # the name pyo3 gives a Rust panic
        pass

    hold = _NativeStderr()
    for _ in range(2):  # the file is reused: nothing of the first query is written twice
        with hold.held():
            os.write(2, b"a warning from native code\n")
        assert capfd.readouterr().err == "a warning from native code\n"
    with pytest.raises(PanicException), hold.held():
        os.write(2, b"thread panicked at ...\n")
        raise PanicException
    assert capfd.readouterr().err == ""
    hold.close()
