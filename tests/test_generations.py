"""Loads as generations: after a load the project's nodes are exactly the dataset, what changed is
reported, a failed or cut-off load leaves the previous graph current, and nothing outside the
project's label is touched.

Runs on the embedded engine always, and on Neo4j too when NEO4J_URI is set (the statements are the
same; a killed load is in test_resilience.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from test_backends import ENGINES, open_engine
from update_expected import DATASETS, PARAMS

from bolshevik_graph.backends import Backend, generations, statements
from bolshevik_graph.backends.base import Changes
from bolshevik_graph.backends.statements import PROJECT_LABEL, Step, batches, load_steps
from bolshevik_graph.errors import QueryError
from bolshevik_graph.models import Dataset, Fate
from bolshevik_graph.queries import get_query

Graph = tuple[list[Any], list[Any]]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """Each engine, with nothing of the project in it."""
    backend = open_engine(request.param)
    yield backend
    backend.close()


def expected_graph(dataset: Dataset) -> Graph:
    """The nodes (label, properties) and relationships (type, ends, properties) a dataset makes,
    from the load statements' own rows."""
    nodes, edges = [], []
    for step in load_steps(dataset):
        for row in step.rows:
            if step.kind == "nodes":
                nodes.append((step.label, _clean(row)))
            else:
                a, b, _ = step.keys
                props = _clean({**row["props"], "key": row["key"]})
                edges.append((step.label, row[a], row[b], props))
    return sorted(nodes, key=repr), sorted(edges, key=repr)


def project_graph(engine: Backend) -> Graph:
    """Every node carrying the project's label and every relationship between two of them, with
    the bookkeeping ``generation`` left out."""
    node_rows = engine.run(
        f"MATCH (n:{PROJECT_LABEL}) RETURN labels(n) AS labels, properties(n) AS props"
    ).rows
    nodes = [
        (
            next(label for label in row["labels"] if label != PROJECT_LABEL),
            _clean(row["props"]),
        )
        for row in node_rows
    ]
    edge_rows = engine.run(
        f"MATCH (a:{PROJECT_LABEL})-[r]->(b:{PROJECT_LABEL}) "
        "RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props"
    ).rows
    edges = [(row["type"], row["a"], row["b"], _clean(row["props"])) for row in edge_rows]
    return sorted(nodes, key=repr), sorted(edges, key=repr)


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Properties as a graph keeps them: no nulls, no bookkeeping, in key order."""
    return {k: v for k, v in sorted(row.items()) if v is not None and k != "generation"}


def changed(tiny: Dataset) -> Dataset:
    """The tiny dataset with a person removed (and the rows about him), a property changed and
    one removed, a person added, a relationship removed and one changed."""
    people = {pid: p for pid, p in tiny.people.items() if pid != "uritsky"}
    people["lenin"] = dataclasses.replace(people["lenin"], note="changed")
    people["stalin"] = dataclasses.replace(people["stalin"], wikidata="")
    people["bukharin"] = dataclasses.replace(people["lenin"], id="bukharin", name="N. Bukharin")
    memberships = [m for m in tiny.memberships if m.person != "uritsky"]
    memberships.append(dataclasses.replace(memberships[0], person="bukharin"))
    relationships = []
    for rel in tiny.relationships:
        if "uritsky" in (rel.subject, rel.object) or rel.type.value == "ALLIED_WITH":
            continue
        if rel.type.value == "PURGED_BY":
            rel = dataclasses.replace(rel, note="a note added")  # noqa: PLW2901
        relationships.append(rel)
    return dataclasses.replace(
        tiny, people=people, memberships=memberships, relationships=relationships
    )


def test_first_load_creates_everything(engine: Backend, tiny: Dataset) -> None:
    report = engine.load(tiny)
    assert report.counts() == {"nodes": 11, "relationships": 15}
    assert (report.node_changes, report.relationship_changes) == (Changes(11), Changes(15))
    assert project_graph(engine) == expected_graph(tiny)


def test_a_then_b_gives_exactly_b(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    b = changed(tiny)
    report = engine.load(b)
    assert project_graph(engine) == expected_graph(b)
    assert report.counts() == {"nodes": 11, "relationships": 13}
    assert report.node_changes == Changes(created=1, updated=2, removed=1)
    assert report.relationship_changes == Changes(created=1, updated=1, removed=3)
    assert engine.load(tiny).counts() == {"nodes": 11, "relationships": 15}
    assert project_graph(engine) == expected_graph(tiny)


def test_the_report_as_neo4j_load_prints_it(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    assert engine.load(changed(tiny)).summary() == (
        "loaded generation 2: 11 nodes, 13 relationships\n"
        "  nodes: 1 created, 2 updated, 1 removed\n"
        "  relationships: 1 created, 1 updated, 3 removed"
    )


def test_a_deleted_row_disappears_from_the_queries(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    query = get_query("killers")
    assert [r["victim"] for r in engine.run(query.cypher).rows] == ["trotsky", "uritsky"]
    kept = [r for r in tiny.relationships if r.subject != "uritsky"]
    engine.load(dataclasses.replace(tiny, relationships=kept))
    assert [r["victim"] for r in engine.run(query.cypher).rows] == ["trotsky"]


def test_loading_twice_changes_nothing_and_keeps_one_generation(
    engine: Backend, tiny: Dataset
) -> None:
    first = engine.load(tiny)
    second = engine.load(tiny)
    assert second.counts() == first.counts()
    assert (second.node_changes, second.relationship_changes) == (Changes(), Changes())
    assert second.generation == first.generation + 1
    rows = engine.run(f"MATCH (n:{PROJECT_LABEL}) RETURN DISTINCT n.generation AS g").rows
    assert rows == [{"g": second.generation}]


def test_a_failed_load_leaves_the_previous_graph(
    engine: Backend, tiny: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every batch of B is written and committed, then a last statement fails: A stays current
    and what B wrote is removed."""
    engine.load(tiny)
    real_steps = statements.load_steps

    def failing_steps(dataset: Dataset) -> list[Step]:
        return [*real_steps(dataset), Step("UNWIND $rows AS row MATCH (", [{}])]

    monkeypatch.setattr(generations, "load_steps", failing_steps)
    with pytest.raises(QueryError, match="loading failed, the previous graph stays current"):
        engine.load(changed(tiny))
    assert project_graph(engine) == expected_graph(tiny)
    assert engine.counts() == {"nodes": 11, "relationships": 15}


def test_leftovers_of_a_cut_off_load_are_invisible_then_removed(
    engine: Backend, tiny: Dataset
) -> None:
    engine.load(tiny)
    b = changed(tiny)
    session = engine.session()
    cut_off = int(session.write(generations.ALLOCATE, {})[0]["generation"])
    for step in load_steps(b)[:4]:  # the people, bodies and events, and the memberships
        for batch in batches(step.rows):
            session.write(step.cypher, {"rows": batch, "generation": cut_off})
    query = get_query("fates-of-body")
    rows = engine.run(query.cypher, query.bind({})).rows
    assert [r["id"] for r in rows] == sorted(m.person for m in tiny.memberships)
    assert engine.counts() == {"nodes": 11, "relationships": 15}
    report = engine.load(b)
    assert report.generation == cut_off + 1
    assert project_graph(engine) == expected_graph(b)
    assert report.node_changes == Changes(created=1, updated=2, removed=1)


MINE = "MATCH (a:Person {note: 'mine'})-[r]->(b:Mine) "


def test_nothing_outside_the_label_is_touched(engine: Backend, tiny: Dataset) -> None:
    engine.run("CREATE (:Person {id: 'lenin', note: 'mine'})-[:KNOWS]->(:Mine)", write=True)
    try:
        engine.load(tiny)
        found = engine.run(get_query("search-people").cypher, {"text": "lenin"}).rows
        assert [row["name"] for row in found] == ["Vladimir Lenin"]
        engine.load(changed(tiny))
        engine.wipe()
        rows = engine.run(MINE + "RETURN labels(a) AS a, type(r) AS r, labels(b) AS b").rows
        assert rows == [{"a": ["Person"], "r": "KNOWS", "b": ["Mine"]}]
        count = "MATCH (n) WHERE n:BolshevikGraph OR n:BolshevikGraphCurrent RETURN count(n) AS n"
        assert engine.run(count).rows == [{"n": 0}]
    finally:
        engine.run(MINE + "DELETE r, a, b", write=True)


def test_queries_see_only_the_current_generation(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    session = engine.session()
    staged = int(session.write(generations.ALLOCATE, {})[0]["generation"])
    doubled = {pid: dataclasses.replace(p, fate=Fate.EXECUTED) for pid, p in tiny.people.items()}
    for step in load_steps(dataclasses.replace(tiny, people=doubled)):
        for batch in batches(step.rows):
            session.write(step.cypher, {"rows": batch, "generation": staged})
    query = get_query("deaths-by-year")
    deaths = sum(row["deaths"] for row in engine.run(query.cypher).rows)
    assert deaths == sum(1 for p in tiny.people.values() if p.died)
    fates = get_query("fates-of-body")
    rows = engine.run(fates.cypher, fates.bind({})).rows
    assert {row["fate"] for row in rows} == {tiny.people[row["id"]].fate.value for row in rows}
    assert {row["fate"] for row in rows} != {"executed"}


def test_wipe_removes_every_generation_and_the_pointer(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    session = engine.session()
    staged = int(session.write(generations.ALLOCATE, {})[0]["generation"])
    step = load_steps(tiny)[0]
    session.write(step.cypher, {"rows": list(step.rows), "generation": staged})
    assert engine.wipe() == 11
    count = "MATCH (n) WHERE n:BolshevikGraph OR n:BolshevikGraphCurrent RETURN count(n) AS n"
    assert engine.run(count).rows == [{"n": 0}]


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_every_canned_query_sees_only_the_current_generation(dataset: str) -> None:
    """A whole second generation (every person executed) staged beside the current one changes
    no canned query's rows: each query is anchored on the pointer (see cypher/README.md)."""
    from bolshevik_graph.backends import get_backend
    from bolshevik_graph.loader import load_dataset
    from bolshevik_graph.queries import list_queries

    data = load_dataset(DATASETS[dataset])
    engine = get_backend("embedded")
    engine.load(data)
    queries = [(q, q.bind(PARAMS.get(q.name, {}))) for q in list_queries()]
    before = {q.name: engine.run(q.cypher, params).rows for q, params in queries}
    session = engine.session()
    staged = int(session.write(generations.ALLOCATE, {})[0]["generation"])
    executed = {pid: dataclasses.replace(p, fate=Fate.EXECUTED) for pid, p in data.people.items()}
    for step in load_steps(dataclasses.replace(data, people=executed)):
        for batch in batches(step.rows):
            session.write(step.cypher, {"rows": batch, "generation": staged})
    for query, params in queries:
        assert engine.run(query.cypher, params).rows == before[query.name], query.name
    engine.close()


def test_a_load_overtaken_by_another_does_not_switch(engine: Backend, tiny: Dataset) -> None:
    engine.load(tiny)
    session = engine.session()
    mine = int(session.write(generations.ALLOCATE, {})[0]["generation"])
    other = engine.load(changed(tiny))  # finishes first
    switched = session.write(generations.SWITCH, {"previous": mine - 1, "generation": mine})
    assert switched == [{"switched": False}]
    pointer = "MATCH (c:BolshevikGraphCurrent) RETURN properties(c) AS p"
    assert engine.run(pointer).rows == [
        {"p": {"name": "bolshevik-graph", "generation": other.generation, "last": mine + 1}}
    ]


def test_only_call_subqueries_run_in_batches() -> None:
    # Neo4j appends IN TRANSACTIONS to these; anything else would be a syntax error there.
    for statement in generations.removal("true"):
        assert generations.check_batched(statement) == statement
    with pytest.raises(QueryError, match="not a statement to run in batches"):
        generations.check_batched(generations.REMOVE_POINTER)
