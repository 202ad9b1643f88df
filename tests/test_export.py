"""Exports round-trip: written, read back with networkx (or loaded into the engine), compared."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from bolshevik_graph.backends import get_backend
from bolshevik_graph.cli import cli
from bolshevik_graph.errors import UnknownIdError
from bolshevik_graph.export import cypher_literal, export, read_cypher_script
from bolshevik_graph.graph import build_graph
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset

HOSTILE = Path(__file__).parent / "data" / "hostile"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_formats_round_trip(tiny: Dataset, tmp_path: Path, fmt: str) -> None:
    path = export(tiny, fmt, tmp_path / f"g.{fmt}")
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    original = build_graph(tiny)
    assert (back.number_of_nodes(), back.number_of_edges()) == (11, 15)
    lenin = back.nodes["lenin"]
    assert lenin["born"] == "1870-04-22" and lenin["fate"] == "natural"
    assert lenin["aliases"] == "Ulyanov;Ilyich"
    assert all(v is not None and v != "None" for _, d in back.nodes(data=True) for v in d.values())
    types = sorted(d["rel_type"] for _, _, d in back.edges(data=True))
    assert types == sorted(d["rel_type"] for _, _, d in original.edges(data=True))


def test_gexf_has_a_timeline(tiny: Dataset, tmp_path: Path) -> None:
    path = export(tiny, "gexf", tmp_path / "g.gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(path)
    kannegisser = back.nodes["kannegisser"]
    # Died "1918-10": Gephi gets the last day it could mean; the date as given is kept too.
    assert (kannegisser["start"], kannegisser["end"]) == ("1896-03-14", "1918-10-31")
    purge = next(d for u, v, d in back.edges(data=True) if d["rel_type"] == "PURGED_BY")
    assert (purge["start"], purge["end"], purge["date_start"]) == (
        "1934-12-16",
        "1936-08-25",
        "1934-12-16",
    )


def test_json_states_its_edge_key(tiny: Dataset, tmp_path: Path) -> None:
    path = export(tiny, "json", tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    back = nx.node_link_graph(data, edges="edges", key="key")
    assert (back.number_of_nodes(), back.number_of_edges()) == (11, 15)
    assert back.is_multigraph() and back.is_directed()
    assert back.get_edge_data("zinoviev", "stalin")["PURGED_BY:0"]["confidence"] == "certain"


def test_as_of(tiny: Dataset, tmp_path: Path) -> None:
    from datetime import date

    path = export(tiny, "graphml", tmp_path / "g.graphml", as_of=date(1925, 1, 1))
    assert "lenin" not in nx.read_graphml(path)


@pytest.mark.parametrize("source", ["tiny", "hostile", "shipped"])
def test_cypher_script_rebuilds_the_graph(source: str, tmp_path: Path, tiny_dir: Path) -> None:
    data = load_dataset({"tiny": tiny_dir, "hostile": HOSTILE, "shipped": None}[source])
    path = export(data, "cypher", tmp_path / "g.cypher")
    engine = get_backend("embedded")
    for statement in read_cypher_script(path):
        engine.run(statement, write=True)
    expected = get_backend("embedded")
    assert engine.counts() == expected.load(data).counts()
    names = "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.note AS note ORDER BY id"
    assert engine.run(names).rows == expected.run(names).rows


def test_cypher_scripts_a_then_b_give_exactly_b(tmp_path: Path, tiny: Dataset) -> None:
    from test_generations import changed, expected_graph, project_graph

    engine = get_backend("embedded")
    for number, data in enumerate((tiny, changed(tiny))):
        path = export(data, "cypher", tmp_path / f"{number}.cypher")
        for statement in read_cypher_script(path):
            engine.run(statement, write=True)
    assert project_graph(engine) == expected_graph(changed(tiny))


def test_cypher_literals_escape_quotes_and_controls() -> None:
    assert cypher_literal('It\'s a \\ "test"\n') == "'It\\'s a \\\\ \"test\"\\n'"
    assert (
        cypher_literal({"end": 1, "a`b": [True, None, 1.5]})
        == "{`end`: 1, `a``b`: [true, null, 1.5]}"
    )
    assert cypher_literal("\x01") == "'\\u0001'"


def test_unknown_format(tiny: Dataset, tmp_path: Path) -> None:
    with pytest.raises(UnknownIdError, match="unknown export format 'gml'"):
        export(tiny, "gml", tmp_path / "x")


def test_cli_export(runner: CliRunner, tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    result = runner.invoke(
        cli, ["export", "--format", "graphml", "-o", str(out), "--data", str(tiny_dir)]
    )
    assert (result.exit_code, result.stdout) == (0, f"wrote {out}\n")
