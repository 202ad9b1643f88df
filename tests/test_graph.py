"""build_graph and select_subgraph: nodes, edges, attributes, the graph as of a day, its parts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from bolshevik_graph.errors import InvalidValueError, UnknownIdError
from bolshevik_graph.graph import build_graph, select_rows, select_subgraph, unknown_alive
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset


def test_nodes_and_edges(tiny: Dataset) -> None:
    graph = build_graph(tiny)
    assert graph.number_of_nodes() == 11  # 8 people, 1 body, 2 events
    assert graph.number_of_edges() == 15  # 6 memberships, 5 relationships, 4 participations
    assert graph.nodes["trotsky-murder"]["kind"] == "event"
    assert graph.get_edge_data("zinoviev", "trial-of-the-sixteen")["PARTICIPATED_IN:0"] == {
        "rel_type": "PARTICIPATED_IN",
        "role": "defendant",
        "sentence": "death",
        "sources": ("tiny-ref",),
    }
    assert graph.nodes["lenin"]["kind"] == "person"
    assert graph.nodes["cc-1917-aug"]["kind"] == "body"
    assert graph.nodes["lenin"]["born"] == "1870-04-22"


def test_edge_attributes(tiny: Dataset) -> None:
    graph = build_graph(tiny)
    edges = graph.get_edge_data("zinoviev", "stalin")
    assert edges == {
        "PURGED_BY:0": {
            "rel_type": "PURGED_BY",
            "start": "1934-12-16",
            "end": "1936-08-25",
            "confidence": "certain",
            "sources": ("tiny-ref",),
        }
    }
    membership = graph.get_edge_data("kollontai", "cc-1917-aug")["MEMBER_OF:0"]
    assert membership["role"] == "candidate"


def test_no_none_values_anywhere(tiny: Dataset) -> None:
    graph = build_graph(tiny)
    for _, attributes in graph.nodes(data=True):
        assert None not in attributes.values()
    for _, _, attributes in graph.edges(data=True):
        assert None not in attributes.values()


def test_as_of_keeps_only_what_stood_that_day(tiny: Dataset) -> None:
    graph = build_graph(tiny, as_of=date(1925, 1, 1))
    assert "lenin" not in graph  # died 1924
    assert "uritsky" not in graph
    assert "zinoviev" in graph
    assert "cc-1917-aug" not in graph  # ended 1918
    assert graph.has_edge("stalin", "zinoviev")  # allied 1923-1925
    assert not graph.has_edge("zinoviev", "stalin")  # purge began in 1934


def test_select_by_body_focus_date_type_and_confidence(tiny: Dataset) -> None:
    by_body = select_subgraph(tiny, body="cc-1917-aug")
    assert set(by_body) == {
        "cc-1917-aug",
        "lenin",
        "stalin",
        "trotsky",
        "zinoviev",
        "uritsky",
        "kollontai",
    }
    focused = select_subgraph(tiny, focus="mercader", depth=1)
    assert set(focused) == {"mercader", "stalin", "trotsky", "trotsky-murder"}
    in_1925 = select_subgraph(tiny, as_of=date(1925, 1, 1))
    assert "lenin" not in in_1925 and "zinoviev" in in_1925
    only_kills = select_subgraph(tiny, rel_types=["KILLED_BY"])
    assert {d["rel_type"] for _, _, d in only_kills.edges(data=True)} == {"KILLED_BY"}


def test_unknown_ids_and_values(tiny: Dataset) -> None:
    with pytest.raises(UnknownIdError, match="unknown relationship type 'KILLED'"):
        select_subgraph(tiny, rel_types=["KILLED"])
    with pytest.raises(UnknownIdError, match="unknown person 'lenn'"):
        select_subgraph(tiny, focus="lenn")
    with pytest.raises(InvalidValueError, match="'lenin' is not in the graph on that date"):
        select_subgraph(tiny, focus="lenin", as_of=date(1930, 1, 1))


@pytest.mark.parametrize(("focus", "depth"), [("stalin", 1), ("kamenev", 2), ("lenin", 3)])
def test_focus_is_networkx_ego_graph_in_the_graph_order(
    shipped: Dataset, focus: str, depth: int
) -> None:
    whole = build_graph(shipped)
    expected = nx.ego_graph(whole, focus, radius=depth, undirected=True)
    focused = select_subgraph(shipped, focus=focus, depth=depth)
    assert set(focused) == set(expected)
    assert sorted(focused.edges(keys=True)) == sorted(expected.edges(keys=True))
    # The page lists nodes in the dataset's order whatever the hash seed: output is reproducible.
    assert list(focused) == [node for node in whole if node in focused]


def test_snapshot_marks_unknown_deaths_and_counts_them(tiny_copy: Path) -> None:
    people = tiny_copy / "people.csv"
    text = people.read_text(encoding="utf-8")
    assert ",1952-03-09," in text and ",natural,Died in Moscow," in text
    text = text.replace(",1952-03-09,", ",,").replace(",natural,Died in Moscow,", ",unknown,,")
    people.write_text(text, encoding="utf-8")
    dataset = load_dataset(tiny_copy)
    graph = build_graph(dataset, as_of=date(1953, 1, 1))
    assert graph.nodes["kollontai"]["alive"] == "unknown"
    assert "alive" not in graph.nodes["stalin"]
    assert graph.graph["alive_unknown"] == 1
    assert unknown_alive(dataset, date(1953, 1, 1)) == ["kollontai"]
    assert "alive_unknown" not in build_graph(dataset).graph


@pytest.mark.parametrize(
    "selection",
    [
        {},
        {"body": "cc-1917-aug"},
        {"focus": "stalin", "depth": 1},
        {"focus": "bukharin", "depth": 2, "rel_types": ["PURGED_BY", "MEMBER_OF"]},
        {"min_confidence": "certain"},
        {"rel_types": ["OPPOSED"], "min_confidence": "likely"},
    ],
)
def test_select_rows_lists_the_nodes_and_edges_of_select_subgraph_in_its_order(
    shipped: Dataset, selection: dict[str, Any]
) -> None:
    """The page is made from lists, not a graph: the same nodes, edges, attributes and order."""
    graph = select_subgraph(shipped, **selection)
    rows = select_rows(shipped, **selection)
    assert rows.nodes == list(graph.nodes(data=True))
    assert rows.edges == list(graph.edges(data=True))
    assert rows.edges  # every case has edges to compare
