"""The neo4j-admin export: files read back by the import tool's header rules give exactly the
graph `neo4j load` makes, and the command names every file (no server needed)."""

from __future__ import annotations

import csv
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_generations import expected_graph

from bolshevik_graph.cli import cli
from bolshevik_graph.errors import InvalidValueError
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.neo4j_admin import write_neo4j_admin

HOSTILE = Path(__file__).parent / "data" / "hostile"
FIELD = re.compile(
    r"^(?P<name>[^:]*)(?::(?P<kind>[A-Z_]+|[a-z]+(?:\[\])?))?(?:\((?P<space>\w+)\))?$"
)


def convert(kind: str, text: str) -> Any:
    """A cell as the import tool types it (``string`` when no type is given)."""
    if kind.endswith("[]"):
        return [convert(kind[:-2], item) for item in text.split(";")]
    if kind == "boolean":
        assert text in ("true", "false"), text
        return text == "true"
    if kind in ("long", "int"):
        return int(text)
    if kind in ("double", "float"):
        return float(text)
    assert kind == "string", kind
    return text


def read_import_files(command: str) -> tuple[dict[Any, Any], list[Any]]:
    """Nodes by (id space, id) and relationships, as neo4j-admin would read the files the
    command names: header fields ``name:type``, ``name:ID(space)``, ``:LABEL``,
    ``:START_ID(space)``, ``:END_ID(space)``, ``:TYPE``; empty cells are no property."""
    args = shlex.split(command)
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    nodes: dict[Any, Any] = {}
    edges: list[Any] = []
    for arg in args[5:]:
        option, _, value = arg.partition("=")
        if option not in ("--nodes", "--relationships"):
            continue
        with open(value, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            fields = [FIELD.match(f) for f in next(reader)]
            assert all(fields), fields
            for cells in reader:
                record = _record(fields, cells)
                if option == "--nodes":
                    key = (record["space"], record["id"])
                    assert key not in nodes, f"duplicate node {key}"
                    nodes[key] = (sorted(record["labels"]), record["props"])
                else:
                    edges.append(record)
    for edge in edges:  # every relationship joins two nodes of the files
        assert edge["start"] in nodes and edge["end"] in nodes, edge
    return nodes, edges


def _record(fields: list[Any], cells: list[str]) -> dict[str, Any]:
    record: dict[str, Any] = {"props": {}, "labels": []}
    for field, cell in zip(fields, cells, strict=True):
        name, kind, space = field["name"], field["kind"] or "string", field["space"]
        if kind == "ID":
            record["space"], record["id"] = space, cell
            if name:
                record["props"][name] = cell
        elif kind in ("START_ID", "END_ID"):
            record["start" if kind == "START_ID" else "end"] = (space, cell)
        elif kind == "LABEL":
            record["labels"] = cell.split(";")
        elif kind == "TYPE":
            record["type"] = cell
        elif cell != "":
            record["props"][name] = convert(kind, cell)
    return record


@pytest.mark.parametrize("source", ["tiny", "hostile", "shipped"])
def test_files_read_back_to_the_loaded_graph(source: str, tmp_path: Path, tiny_dir: Path) -> None:
    data = load_dataset({"tiny": tiny_dir, "hostile": HOSTILE, "shipped": None}[source])
    done = write_neo4j_admin(data, tmp_path / "import")
    nodes, edges = read_import_files(done.command)
    pointer = nodes.pop(("BolshevikGraphCurrent", "current"))
    assert pointer == (
        ["BolshevikGraphCurrent"],
        {"name": "bolshevik-graph", "generation": 1, "last": 1},
    )
    assert {props.pop("generation") for _, props in nodes.values()} == {1}
    expected_nodes, expected_edges = expected_graph(data)
    got_nodes = [
        (next(label for label in labels if label != "BolshevikGraph"), dict(sorted(props.items())))
        for labels, props in nodes.values()
    ]
    assert all("BolshevikGraph" in labels for labels, _ in nodes.values())
    assert sorted(got_nodes, key=repr) == expected_nodes
    got_edges = [
        (e["type"], e["start"][1], e["end"][1], dict(sorted(e["props"].items()))) for e in edges
    ]
    assert sorted(got_edges, key=repr) == expected_edges


def test_command_names_every_file_and_the_readme_gives_it(tmp_path: Path, tiny_dir: Path) -> None:
    done = write_neo4j_admin(load_dataset(tiny_dir), tmp_path / "import")
    written = sorted(p.name for p in (tmp_path / "import").glob("*.csv"))
    named = sorted(
        Path(a.partition("=")[2]).name
        for a in shlex.split(done.command)
        if "--" in a and a.endswith(".csv")
    )
    assert named == written
    assert done.command.endswith(
        "--delimiter=, '--array-delimiter=;' '--quote=\"' --multiline-fields=true --id-type=string"
    )
    readme = (tmp_path / "import" / "README.md").read_text(encoding="utf-8")
    assert done.command in readme
    constraints = (tmp_path / "import" / "constraints.cypher").read_text(encoding="utf-8")
    assert "REQUIRE (n.id, n.generation) IS UNIQUE;" in constraints


def test_a_file_is_not_a_directory(tmp_path: Path, tiny_dir: Path) -> None:
    (tmp_path / "x").write_text("")
    with pytest.raises(InvalidValueError, match="is a file: neo4j-admin files go in a directory"):
        write_neo4j_admin(load_dataset(tiny_dir), tmp_path / "x")


def test_cli_prints_the_command(runner: CliRunner, tmp_path: Path, tiny_dir: Path) -> None:
    target = tmp_path / "import"
    args = ["export", "--format", "neo4j-admin", "-o", str(target), "--data", str(tiny_dir)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    command = (target / "README.md").read_text(encoding="utf-8").split("```\n   ")[1].split("\n")[0]
    assert result.stdout == (
        f"wrote 10 CSV files, constraints.cypher and README.md into {target}\n"
        f"import (database stopped and empty), then see its README:\n{command}\n"
    )
    refused = runner.invoke(cli, [*args, "--as-of", "1920-01-01"])
    assert refused.exit_code == 2
    assert "--as-of does not apply to --format neo4j-admin" in refused.stderr
