"""`render_network`: the graph as one self-contained HTML page that works offline and is safe.

pyvis assembles the network (nodes, edges, options) and ships the vis-network library; the page
around it is written here, because pyvis's own templates link CDNs (Bootstrap, tom-select, even
vis-network in "local" mode) and switch every tooltip to ``innerHTML`` when any title contains
"href". Here: vis-network and its CSS are inlined, the data goes in as JSON escaped for a
``<script>`` element, every tooltip is plain text, and the heading and legend are HTML-escaped.
"""

from __future__ import annotations

import html
import json
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InvalidValueError
from .graph import MEMBER_OF, PARTICIPATED_IN, select_subgraph
from .models import Dataset, RelType
from .palette import FATE_COLOURS, FATE_LABELS

if TYPE_CHECKING:
    import networkx as nx

#: Node shape per kind.
SHAPES = {"person": "dot", "body": "box", "event": "diamond"}
#: Edge colour and dash pattern per relationship type.
EDGE_STYLES: dict[str, tuple[str, bool]] = {
    MEMBER_OF: ("#b0bec5", False),
    PARTICIPATED_IN: ("#90a4ae", True),
    RelType.PURGED_BY: ("#c62828", False),
    RelType.KILLED_BY: ("#000000", False),
    RelType.ACTED_ON_ORDERS_OF: ("#6a1b9a", True),
    RelType.ALLIED_WITH: ("#1565c0", False),
    RelType.OPPOSED: ("#ef6c00", True),
    RelType.DENOUNCED: ("#ad1457", True),
    RelType.SUCCEEDED: ("#5d4037", True),
    RelType.MARRIED_TO: ("#00897b", False),
    RelType.SENTENCE_APPROVED_BY: ("#7a1f00", True),
}


#: Above this many nodes a page takes minutes to lay out and is unreadable: refused unless asked.
MAX_NODES = 5000


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What was written: the file and how many nodes and edges it shows."""

    path: Path
    nodes: int
    edges: int


def render_network(
    dataset: Dataset,
    path: str | Path,
    *,
    title: str | None = None,
    body: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    as_of: date | None = None,
    rel_types: list[str] | None = None,
    min_confidence: str | None = None,
    max_nodes: int | None = MAX_NODES,
) -> RenderResult:
    """Write the network page to ``path``; nothing else is written anywhere.

    A selection of more than ``max_nodes`` nodes is refused (None: no limit) before the page is
    built."""
    graph = select_subgraph(
        dataset,
        body=body,
        focus=focus,
        depth=depth,
        as_of=as_of,
        rel_types=rel_types,
        min_confidence=min_confidence,
    )
    if max_nodes is not None and graph.number_of_nodes() > max_nodes:
        raise InvalidValueError(
            f"the page would show {graph.number_of_nodes():,} nodes, more than a browser lays "
            f"out well ({max_nodes:,}): narrow it by body, focus and depth, date, relationship "
            "type or confidence, or raise the limit (--max-nodes)"
        )
    heading = title or _default_title(dataset, body, focus, depth, as_of)
    nodes, edges, options = _network_data(graph)
    target = Path(path)
    try:
        _write_page(target, heading, nodes, edges, options)
    except OSError as err:
        raise InvalidValueError(f"cannot write {str(target)!r}: {err.strerror}") from err
    return RenderResult(target, len(nodes), len(edges))


def _default_title(
    dataset: Dataset, body: str | None, focus: str | None, depth: int, as_of: date | None
) -> str:
    title = "bolshevik-graph"
    if body:
        title += f": {dataset.bodies[body].name}"
    if focus:
        steps = "1 step" if depth == 1 else f"{depth} steps"
        title += f": {steps} around {dataset.people[focus].name}"
    if as_of:
        title += f", as of {as_of.isoformat()}"
    return title


def _tooltip(attrs: dict[str, Any]) -> str:
    """Plain text (newlines, no HTML): name, dates, fate, sources."""
    lines = [attrs.get("name", "")]
    if attrs["kind"] == "person":
        lines.append(f"{attrs.get('born', '?')} – {attrs.get('died', '?')}")
        lines.append("fate: " + FATE_LABELS[attrs["fate"]])
        if attrs.get("fate_detail"):
            lines.append(attrs["fate_detail"])
    else:
        kind = attrs.get("body_kind") or attrs.get("event_kind", "")
        lines.append(f"{kind}, {attrs.get('start', '?')} – {attrs.get('end', '?')}")
    lines.append("sources: " + ", ".join(attrs.get("sources", ())))
    return "\n".join(lines)


def _edge_tooltip(data: dict[str, Any]) -> str:
    parts = [data["rel_type"]]
    if data.get("role"):
        parts[0] += f" ({data['role']})"
    if data.get("start") or data.get("end"):
        parts.append(f"{data.get('start', '?')} – {data.get('end', '?')}")
    if data.get("confidence"):
        parts.append("confidence: " + data["confidence"])
    if data.get("note"):
        parts.append(data["note"])
    parts.append("sources: " + ", ".join(data.get("sources", ())))
    return "\n".join(parts)


def _network_data(
    graph: nx.MultiDiGraph,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Nodes, edges and options, as pyvis's ``add_node``/``add_edge`` would build them.

    The dicts are made here, key for key as pyvis makes them: its ``add_node`` and ``add_edge``
    first look each id up in a list of the ids so far, which makes a page quadratic in its size
    (a 2-hop page at 1M relationships, 97,510 nodes, spent 53 s there); networkx already
    guarantees ids are unique and both ends of an edge exist."""
    nodes = [
        {
            "color": FATE_COLOURS.get(attrs.get("fate", ""), "#546e7a"),
            "title": _tooltip(attrs),
            "id": node,
            "label": attrs.get("name") or node,
            "shape": SHAPES[attrs["kind"]],
        }
        for node, attrs in graph.nodes(data=True)
    ]
    edges = []
    seen: dict[tuple[str, str], int] = {}
    for u, v, data in graph.edges(data=True):
        pair = (u, v) if u < v else (v, u)
        index = seen[pair] = seen.get(pair, -1) + 1
        colour, dashed = EDGE_STYLES[data["rel_type"]]
        # Parallel edges between one pair bend apart, so every one of them stays visible.
        smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.1 + 0.15 * index}
        edges.append(
            {
                "title": _edge_tooltip(data),
                "color": colour,
                "dashes": dashed,
                "smooth": smooth,
                "arrows": "to",
                "from": u,
                "to": v,
            }
        )
    return nodes, edges, _options(graph.number_of_nodes())


#: Above this many nodes the layout is cheaper: fewer iterations, no initial "improved layout"
#: (measured: 2,000 nodes settle in about 5 s instead of 15 s; see the README).
LARGE = 300


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options: physics that stabilises, after which the page turns it off."""
    large = node_count > LARGE
    return {
        "layout": {"improvedLayout": not large},
        "physics": {
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 120 if large else 400, "fit": True},
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "edges": {"width": 1.5, "arrows": {"to": {"scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 14}},
    }


#: Characters that could end a <script> element, open a comment in it, or end a line in old
#: JavaScript, and their JSON escapes.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def _script_json(value: Any) -> str:
    """JSON that cannot end a <script> element or open a comment inside it (one pass over the
    text, which is hundreds of megabytes for a big page)."""
    text = json.dumps(value, ensure_ascii=False)
    return _SCRIPT_UNSAFE.sub(lambda match: _SCRIPT_ESCAPES[match[0]], text)


def _asset(name: str) -> str:
    """A file of the vis-network build that pyvis ships."""
    folder = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (folder / name).read_text(encoding="utf-8")


def _legend() -> str:
    fates = "".join(
        f'<li><span class="dot" style="background:{FATE_COLOURS[f]}"></span>'
        f"{html.escape(label)}</li>"
        for f, label in FATE_LABELS.items()
    )
    shapes = "<li>● person</li><li>■ body (party, committee, faction, organ)</li><li>◆ event</li>"
    edges = "".join(
        f'<li><span class="line{" dashed" if dashed else ""}" style="border-color:{colour}">'
        f"</span>{html.escape(str(rel_type))}</li>"
        for rel_type, (colour, dashed) in EDGE_STYLES.items()
    )
    return (
        f"<h2>Fate (node colour)</h2><ul>{fates}</ul><h2>Kind (shape)</h2><ul>{shapes}</ul>"
        f"<h2>Relationship (edge)</h2><ul>{edges}</ul>"
    )


def _write_page(
    target: Path,
    heading: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    options: dict[str, Any],
) -> None:
    """Write the page piece by piece, each big piece made when it is written: the page is never
    one string (at 1M relationships it is hundreds of megabytes)."""
    values: dict[str, Callable[[], str]] = {
        "title": lambda: html.escape(heading),
        "css": lambda: _asset("vis-network.css"),
        "js": lambda: _asset("vis-network.min.js"),
        "legend": _legend,
        "nodes": lambda: _script_json(nodes),
        "edges": lambda: _script_json(edges),
        "options": lambda: _script_json(options),
    }
    with target.open("w", encoding="utf-8") as handle:
        for literal, name, _spec, _conversion in string.Formatter().parse(_TEMPLATE):
            handle.write(literal)
            if name is not None:
                handle.write(values[name]())


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
<style>
body {{ margin: 0; font: 14px/1.4 system-ui, sans-serif; display: flex; height: 100vh; }}
#side {{ width: 270px; padding: 12px; overflow-y: auto; border-right: 1px solid #ddd; }}
#network {{ flex: 1; }}
h1 {{ font-size: 17px; margin: 0 0 10px; }} h2 {{ font-size: 13px; margin: 14px 0 4px; }}
ul {{ list-style: none; padding: 0; margin: 0; }} li {{ margin: 2px 0; }}
.dot {{ display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; }}
.line {{ display: inline-block; width: 26px; border-top: 3px solid; margin: 0 6px 3px 0; }}
.dashed {{ border-top-style: dashed; }}
#search {{ width: 100%; box-sizing: border-box; padding: 4px; }} #status {{ color: #555; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 360px; }}
</style>
</head>
<body>
<div id="side">
<h1>{title}</h1>
<input id="search" type="search" placeholder="Search a name, press Enter"
 aria-label="Search by name">
<div id="status">Laying out the network…</div>
{legend}
</div>
<div id="network"></div>
<script>{js}</script>
<script>
"use strict";
const nodes = new vis.DataSet({nodes});
const edges = new vis.DataSet({edges});
const network = new vis.Network(document.getElementById("network"), {{nodes, edges}}, {options});
const status = document.getElementById("status");
network.once("stabilizationIterationsDone", function () {{
  network.setOptions({{physics: false}});
  status.textContent =
    nodes.length + " nodes, " + edges.length + " edges. Hover for details.";
  document.body.dataset.settled = "yes";
}});
document.getElementById("search").addEventListener("keydown", function (event) {{
  if (event.key !== "Enter") return;
  const text = event.target.value.trim().toLowerCase();
  const found = nodes.get({{filter: n => String(n.label).toLowerCase().includes(text)}});
  if (!text || found.length === 0) {{ status.textContent = "No match."; return; }}
  network.selectNodes(found.map(n => n.id));
  network.focus(found[0].id, {{scale: 1.2, animation: true}});
  status.textContent = found.length + " found: " + found.map(n => n.label).join(", ");
}});
</script>
</body>
</html>
"""
