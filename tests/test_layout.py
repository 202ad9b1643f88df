"""The map laid out from lists of nodes and edges: the same parts and degrees as networkx finds."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from bolshevik_graph.layout import _parts, layout_of


def _random_graph(seed: int) -> nx.MultiDiGraph:
    """People in a few parts, some alone, with parallel edges and self-loops."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for n in range(60):
        graph.add_node(f"p{n}", kind="person", name=f"Person {n % 7} Surname{n % 5}")
    for _ in range(70):
        u, v = rng.randrange(40), rng.randrange(40)
        graph.add_edge(f"p{u}", f"p{v % (10 if u < 10 else 40)}")
    return graph


@pytest.mark.parametrize("seed", range(6))
def test_parts_are_networkx_connected_components(seed: int) -> None:
    graph = _random_graph(seed)
    linked: dict[str, set[str]] = {node: set() for node in graph}
    for u, v in graph.edges():
        if u != v:
            linked[u].add(v)
            linked[v].add(u)
    expected = nx.connected_components(graph.to_undirected())
    assert sorted(map(sorted, _parts(linked))) == sorted(map(sorted, expected))


@pytest.mark.parametrize("seed", range(3))
def test_nodes_are_sized_by_their_distinct_neighbours(seed: int) -> None:
    """Degree is counted from lists as networkx's simple graph counts it (self-loops aside)."""
    graph = _random_graph(seed)
    placed = layout_of(list(graph.nodes(data=True)), list(graph.edges()))
    simple = nx.Graph(graph.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    degree = dict(simple.degree())
    by_degree = sorted(graph, key=degree.__getitem__)
    sizes = [placed[n].size for n in by_degree]
    assert sizes == sorted(sizes)
