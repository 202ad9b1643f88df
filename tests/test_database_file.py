"""The embedded engine in a file: loaded once, reused while the CSVs are unchanged, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.backends import get_backend
from bolshevik_graph.cli import cli
from bolshevik_graph.database_file import data_fingerprint, open_database_file
from bolshevik_graph.errors import BackendUnavailableError, InvalidValueError
from bolshevik_graph.models import Dataset

PEOPLE = "MATCH (p:Person) RETURN count(p) AS n"


def test_loaded_the_first_time_then_opened_as_it_is(tiny_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "graph.grafeo"
    first = open_database_file(db, tiny_copy)
    assert first.run(PEOPLE).rows == [{"n": 8}]
    first.run("MATCH (p:Person {id: 'lenin'}) DETACH DELETE p", write=True)
    first.close()
    # Not loaded again: a second load would have merged Lenin back.
    second = open_database_file(db, tiny_copy)
    assert second.run(PEOPLE).rows == [{"n": 7}]
    second.close()


def test_changed_csvs_are_refused_not_answered_from_old_data(
    tiny_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "graph.grafeo"
    open_database_file(db, tiny_copy).close()
    people = tiny_copy / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("Ulyanov;", "Ulianov;"))
    with pytest.raises(InvalidValueError) as caught:
        open_database_file(db, tiny_copy)
    assert str(caught.value) == (
        f"{str(db)!r} was loaded from other data (the CSVs in {str(tiny_copy)!r} have changed "
        "since): delete it to load them again"
    )


def test_an_interrupted_load_is_completed_next_time(
    tiny: Dataset, tiny_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "graph.grafeo"
    # Everything loaded, but the process died before the fingerprint was written.
    engine = get_backend("embedded", path=db)
    engine.load(tiny)
    engine.close()
    again = open_database_file(db, tiny_dir)
    assert again.counts() == get_backend("embedded").load(tiny).counts()  # as one clean load
    again.close()


def test_fingerprint_follows_every_byte_of_the_tables(tiny_copy: Path) -> None:
    before = data_fingerprint(tiny_copy)
    assert data_fingerprint(tiny_copy) == before
    (tiny_copy / "bodies.csv").write_bytes((tiny_copy / "bodies.csv").read_bytes() + b"\n")
    assert data_fingerprint(tiny_copy) != before


def test_a_file_that_is_not_a_database(tmp_path: Path, tiny_dir: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a graph\n")
    with pytest.raises(BackendUnavailableError, match="cannot open the database"):
        open_database_file(other, tiny_dir)


def test_cli_query_run_with_db(runner: CliRunner, tiny_dir: Path, tmp_path: Path) -> None:
    args = ["query", "run", "--cypher", PEOPLE, "--db", str(tmp_path / "g.grafeo")]
    for _ in range(2):
        result = runner.invoke(cli, [*args, "--data", str(tiny_dir), "--format", "csv"])
        assert (result.exit_code, result.stdout) == (0, "n\n8\n")
    result = runner.invoke(cli, [*args, "--backend", "neo4j"])
    assert result.exit_code == 2
    assert "--db keeps the embedded engine in a file; Neo4j keeps its own" in result.stderr


def test_a_file_made_before_generations_is_refused(tiny_dir: Path, tmp_path: Path) -> None:
    from bolshevik_graph.database_file import META_LABEL, data_fingerprint

    db = tmp_path / "old.grafeo"
    engine = get_backend("embedded", path=db)  # what an older version left: data, fingerprint,
    engine.run("CREATE (:Person:BolshevikGraph {id: 'lenin'})", write=True)  # and no pointer
    engine.run(
        f"CREATE (:{META_LABEL} {{fingerprint: $f}})", {"f": data_fingerprint(tiny_dir)}, write=True
    )
    engine.close()
    with pytest.raises(InvalidValueError, match="made by an older bolshevik-graph"):
        open_database_file(db, tiny_dir)
