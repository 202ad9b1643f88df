"""The canned queries: the registry, parameters, and the conformance suite.

Every canned query runs on the tiny and the shipped dataset and must give exactly the rows checked
in under tests/expected/ — on the embedded engine always, on Neo4j too when NEO4J_URI is set.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_backends import ENGINES, open_engine
from update_expected import DATASETS, PARAMS, expected_path

from bolshevik_graph.backends import Backend
from bolshevik_graph.cli import cli
from bolshevik_graph.derived import killed_on_orders_of
from bolshevik_graph.errors import QueryError, UnknownIdError
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset
from bolshevik_graph.queries import get_query, list_queries, parse_adhoc_params, parse_query

QUERIES = list_queries()
NAMES = [q.name for q in QUERIES]


def test_at_least_fifteen_queries_with_headers() -> None:
    assert len(QUERIES) >= 15
    for query in QUERIES:
        assert query.title and query.description, query.name
        for param in query.parameters:
            assert param.description, (query.name, param.name)


@pytest.fixture(scope="module", params=[(e, d) for e in ENGINES for d in DATASETS])
def loaded(request: pytest.FixtureRequest) -> Iterator[tuple[str, Backend]]:
    """(dataset name, an engine loaded with it), for each engine and dataset."""
    engine_param, dataset = request.param
    for mark in engine_param.marks:
        if mark.name == "skipif" and mark.args[0]:
            pytest.skip(mark.kwargs["reason"])
    backend = open_engine(engine_param.values[0])
    backend.load(load_dataset(DATASETS[dataset]))
    yield dataset, backend
    backend.close()


@pytest.mark.parametrize("name", NAMES)
def test_conformance(loaded: tuple[str, Backend], name: str) -> None:
    dataset, backend = loaded
    query = get_query(name)
    result = backend.run(query.cypher, query.bind(PARAMS.get(name, {})))
    expected = json.loads(expected_path(name, dataset).read_text(encoding="utf-8"))
    assert result.columns == expected["columns"]
    assert result.rows == expected["rows"]


def test_killed_query_agrees_with_the_library(loaded: tuple[str, Backend]) -> None:
    dataset, backend = loaded
    data = load_dataset(DATASETS[dataset])
    rows = backend.run(get_query("killed-on-stalins-orders").cypher).rows
    assert {row["id"] for row in rows} == {
        pid for pid in data.people if killed_on_orders_of(data, pid)
    }


def test_unknown_query_suggests(tiny: Dataset) -> None:
    with pytest.raises(UnknownIdError, match="unknown query 'killer'; did you mean: killers"):
        get_query("killer")


def test_path_like_names_are_unknown() -> None:
    with pytest.raises(UnknownIdError):
        get_query("../README")


def test_missing_required_parameter() -> None:
    with pytest.raises(QueryError, match="needs parameter 'text': -p text VALUE"):
        get_query("search-people").bind({})


def test_parameter_of_the_wrong_type() -> None:
    with pytest.raises(QueryError, match="parameter 'year' must be int, not 'soon'"):
        get_query("members-alive-in-year").bind({"year": "soon"})


def test_unknown_parameter() -> None:
    with pytest.raises(QueryError, match="has no parameter 'yaer' \\(it takes: body, year\\)"):
        get_query("members-alive-in-year").bind({"yaer": "1930"})


def test_defaults_are_typed() -> None:
    assert get_query("members-alive-in-year").bind({}) == {"body": "cc-1917-aug", "year": 1939}


def test_header_without_title_is_refused() -> None:
    with pytest.raises(QueryError, match="has no '// title:' header line"):
        parse_query("x", "MATCH (n) RETURN n")


def test_adhoc_parameters_keep_strings_as_strings() -> None:
    assert parse_adhoc_params(
        [("a", "1917"), ("b", "zinoviev"), ("c", "[1, 2]"), ("d", '"q"')]
    ) == {
        "a": 1917,
        "b": "zinoviev",
        "c": [1, 2],
        "d": '"q"',
    }


# --- the command line ---------------------------------------------------------------------


def test_cli_query_run_table(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["query", "run", "killers", "--data", str(tiny_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "victim   victim_name     killer       killer_name         date        confidence\n"
        "-------  --------------  -----------  ------------------  ----------  ----------\n"
        "trotsky  Leon Trotsky    mercader     Ramón Mercader      1940-08-20  certain\n"
        "uritsky  Moisei Uritsky  kannegisser  Leonid Kannegisser  1918-08-30  certain\n"
    )


def test_cli_query_run_json_with_param(runner: CliRunner, tiny_dir: Path) -> None:
    args = ["query", "run", "members-alive-in-year", "-p", "year", "1945", "--format", "json"]
    result = runner.invoke(cli, [*args, "--data", str(tiny_dir)])
    common = {"fate": "natural", "alive": "yes"}
    assert json.loads(result.stdout) == [
        {"id": "kollontai", "name": "Alexandra Kollontai", "died": "1952-03-09", **common},
        {"id": "stalin", "name": "Joseph Stalin", "died": "1953-03-05", **common},
    ]


def test_cli_adhoc_cypher_csv(runner: CliRunner, tiny_dir: Path) -> None:
    args = ["query", "run", "--cypher", "MATCH (p:Person {id: $id}) RETURN p.name AS name"]
    result = runner.invoke(
        cli, [*args, "-p", "id", "lenin", "--format", "csv", "--data", str(tiny_dir)]
    )
    assert result.stdout == "name\nVladimir Lenin\n"


def test_cli_refuses_writes(runner: CliRunner, tiny_dir: Path) -> None:
    args = ["query", "run", "--cypher", "MATCH (p:Person) DETACH DELETE p", "--data", str(tiny_dir)]
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: this query writes to the graph; pass --write to allow it\n",
    )


def test_cli_injection_through_a_parameter_is_data(runner: CliRunner, tiny_dir: Path) -> None:
    hostile = "x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //"
    args = ["query", "run", "search-people", "-p", "text", hostile, "--data", str(tiny_dir)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    assert result.stdout == "id  name  born  died  fate\n--  ----  ----  ----  ----\n"


def test_cli_needs_a_name_or_cypher(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "run"])
    assert result.exit_code == 2
    assert "give a query NAME or --cypher TEXT" in result.stderr


def test_cli_missing_parameter(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "run", "search-people"])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: query 'search-people' needs parameter 'text': -p text VALUE\n",
    )


def test_cli_neo4j_needs_a_server(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = runner.invoke(cli, ["query", "run", "killers", "--backend", "neo4j"])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no Neo4j server given: set NEO4J_URI or pass --neo4j-uri\n",
    )


def test_cli_query_show(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "show", "victims-of"])
    assert result.stdout.startswith(
        "victims-of: Victims of one person\n"
        "Everyone with a PURGED_BY edge to a person, with the purge's dates, the victim's fate"
        " and the confidence of the claim.\n\n"
        "parameters:\n"
        "  person (person, default stalin): The purger (an id or any name)\n\n"
        "MATCH (current:BolshevikGraphCurrent)\n"
        "MATCH (v:Person)-[r:PURGED_BY]->(p:Person {id: $person, generation: current.generation})\n"
    )


def test_cli_query_list_names_every_query(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "list", "--format", "csv"])
    names = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert names == NAMES


def test_neo4j_env_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from bolshevik_graph.querying import Neo4jSettings

    monkeypatch.setenv("NEO4J_URI", "neo4j://db:7687")
    monkeypatch.setenv("NEO4J_USER", "historian")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    settings = Neo4jSettings.from_environment(database="bg")
    assert settings == Neo4jSettings("neo4j://db:7687", "historian", "pw", "bg")
    assert os.environ["NEO4J_URI"] == "neo4j://db:7687"


def test_cypher_in_double_quotes_gets_a_hint(runner: CliRunner, tiny_dir: Path) -> None:
    # What bash passes for --cypher "MATCH (p:Person {id: $id}) ...": $id replaced by nothing.
    text = "MATCH (p:Person {id: }) RETURN p.died AS died"
    args = ["query", "run", "--cypher", text, "-p", "id", "bukharin", "--data", str(tiny_dir)]
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: the query has no parameter $id (it uses: none); in double quotes the shell "
        "removes $names: use single quotes\n",
    )
