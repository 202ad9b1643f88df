"""The page's data: edges as columns, their sentences worded once per type and role."""

from __future__ import annotations

import pytest

from bolshevik_graph.graph import EDGE_TYPES, select_rows, select_subgraph
from bolshevik_graph.models import Dataset
from bolshevik_graph.pagedata import _template, edge_rows, page_data, sentence
from bolshevik_graph.render import _layout


@pytest.mark.parametrize("rel_type", [*EDGE_TYPES, "SOMETHING_NEW"])
@pytest.mark.parametrize("role", [None, "", "member", "candidate", "chair-man", "{0} {x}}"])
def test_a_template_words_an_edge_as_sentence_does(rel_type: str, role: str | None) -> None:
    ends = ("Lev {Trotsky}", "Iosif {0}")
    assert _template(rel_type, role).format(*ends) == sentence(rel_type, *ends, role or "")


def test_edge_columns_come_back_as_the_edges_of_the_graph(shipped: Dataset) -> None:
    selection = select_rows(shipped, focus="bukharin", depth=1)
    data = page_data(shipped, selection, _layout(shipped, selection), title="t", day=None)
    rows = edge_rows(data["edges"])
    graph = select_subgraph(shipped, focus="bukharin", depth=1)
    assert [(e["from"], e["to"], e["type"]) for e in rows] == [
        (u, v, d["rel_type"]) for u, v, d in graph.edges(data=True)
    ]
    assert [e["id"] for e in rows] == list(range(len(rows)))
    names = {
        key: row.name
        for table in (shipped.people, shipped.bodies, shipped.events)
        for key, row in table.items()
    }
    for edge in rows:
        expected = sentence(
            edge["type"], names[edge["from"]], names[edge["to"]], edge["role"] or ""
        )
        assert edge["text"] == expected
