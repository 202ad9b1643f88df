"""build_graph: nodes, edges and attributes, and the graph as of a day."""

from __future__ import annotations

from datetime import date

from bolshevik_graph.graph import build_graph
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
