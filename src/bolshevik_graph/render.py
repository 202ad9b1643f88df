"""`render_network`: the graph as one self-contained HTML page that works offline and is safe.

The page is a fixed map: positions come from :func:`layout.compute_layout` over the whole dataset,
so every page of the same data (any body, focus or date) puts a person at the same place. The page
holds every node and edge of the selection across all years; a slider in the page shows the
graph as it stood at the end of any year 1917-1953 (``as_of`` chooses the day it opens on).

vis-network (shipped by pyvis) draws it; the page around it is written here from the files in
``page/`` (template, script, style): vis-network and its CSS are inlined, the data goes in as one
JSON document escaped for a ``<script>`` element, and the script writes data only as text.
"""

from __future__ import annotations

import html
import json
import re
import weakref
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .collector import paused_collector
from .errors import InvalidValueError
from .graph import Selection, build_graph, select_rows
from .layout import Placed, compute_layout, layout_of
from .models import Dataset
from .pagedata import edge_rows, page_data

if TYPE_CHECKING:
    pass

#: Above this many nodes a page is unreadable and slow to draw: refused unless asked.
MAX_NODES = 5000
#: Datasets up to this many nodes are laid out whole (one map for every page); a page from a
#: bigger one is laid out alone, since a force layout of the whole would take minutes.
WHOLE_LAYOUT_LIMIT = 3000


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What was written: the file, the nodes and edges in force on the day the page opens on
    (all of them when it opens on all years), and how many it holds across all years."""

    path: Path
    nodes: int
    edges: int
    day: str | None = None
    all_nodes: int = 0
    all_edges: int = 0


@paused_collector()  # a big page makes millions of objects and frees none
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

    The page holds the selection (body, focus, types, confidence) across all years and opens on
    ``as_of`` if given. A selection of more than ``max_nodes`` nodes is refused (None: no limit)
    before the page is built."""
    selection = select_rows(
        dataset,
        body=body,
        focus=focus,
        depth=depth,
        rel_types=rel_types,
        min_confidence=min_confidence,
    )
    if max_nodes is not None and len(selection.nodes) > max_nodes:
        raise InvalidValueError(
            f"the page would show {len(selection.nodes):,} nodes, more than a browser lays "
            f"out well ({max_nodes:,}): narrow it by body, focus and depth, date, relationship "
            "type or confidence, or raise the limit (--max-nodes)"
        )
    layout = _layout(dataset, selection)
    heading = title or _default_title(dataset, body, focus, depth)
    day = as_of.isoformat() if as_of else None
    data = page_data(dataset, selection, layout, title=heading, day=day)
    target = Path(path)
    try:
        target.write_text(_page(heading, data), encoding="utf-8")
    except OSError as err:
        raise InvalidValueError(f"cannot write {str(target)!r}: {err.strerror}") from err
    nodes, edges = in_force_counts(data, day)
    return RenderResult(target, nodes, edges, day, len(data["nodes"]), len(data["edges"]["id"]))


#: The map of each dataset drawn in this process, computed once: several pages of one dataset
#: (the CLI draws one, a notebook or the tests many) share it. Forgotten with the dataset.
_MAPS: dict[int, tuple[weakref.ref[Dataset], dict[str, Placed]]] = {}


def _layout(dataset: Dataset, selection: Selection) -> dict[str, Placed]:
    """The dataset's map, or the page's own when the dataset is too big to lay out whole."""
    if len(dataset.people) + len(dataset.bodies) + len(dataset.events) > WHOLE_LAYOUT_LIMIT:
        return layout_of(selection.nodes, [(u, v) for u, v, _ in selection.edges])
    known = _MAPS.get(id(dataset))
    if known is not None and known[0]() is dataset:
        return known[1]
    layout = compute_layout(build_graph(dataset))
    key = id(dataset)

    def forget(_ref: weakref.ref[Dataset]) -> None:
        _MAPS.pop(key, None)

    _MAPS[key] = (weakref.ref(dataset, forget), layout)
    return layout


def in_force_counts(data: dict[str, Any], day: str | None) -> tuple[int, int]:
    """Nodes and edges of a page in force on ``day`` (ISO), by the rules of the page's slider and
    of ``build_graph(as_of=...)``: people alive, bodies existing, events begun; edges in force
    between two such nodes. ``None``: everything."""
    if day is None:
        return len(data["nodes"]), len(data["edges"]["id"])

    def current(item: dict[str, Any]) -> bool:
        return not (item.get("since") and item["since"] > day) and not (
            item.get("until") and item["until"] < day
        )

    present = {n["id"] for n in data["nodes"] if current(n)}
    rows = edge_rows(data["edges"])
    edges = [e for e in rows if current(e) and {e["from"], e["to"]} <= present]
    return len(present), len(edges)


def _default_title(dataset: Dataset, body: str | None, focus: str | None, depth: int) -> str:
    title = "bolshevik-graph"
    if body:
        title += f": {dataset.bodies[body].name}"
    if focus:
        steps = "1 step" if depth == 1 else f"{depth} steps"
        title += f": {steps} around {dataset.people[focus].name}"
    return title


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
    text)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # Looking for each character is many times faster than the pattern's pass over a long text
    # that holds none of them (most pages).
    if not any(char in text for char in _SCRIPT_ESCAPES):
        return text
    return _SCRIPT_UNSAFE.sub(lambda match: _SCRIPT_ESCAPES[match[0]], text)


def _asset(name: str) -> str:
    """A file of the vis-network build that pyvis ships."""
    folder = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (folder / name).read_text(encoding="utf-8")


def _page_file(name: str) -> str:
    """A file of the page: template.html, page.js or page.css."""
    return (resources.files("bolshevik_graph") / "page" / name).read_text(encoding="utf-8")


def _page(heading: str, data: dict[str, Any]) -> str:
    values = {
        "title": html.escape(heading),
        "vis_css": _asset("vis-network.css"),
        "css": _page_file("page.css"),
        "data": _script_json(data),
        "vis_js": _asset("vis-network.min.js"),
        "js": _page_file("page.js"),
    }
    # One pass: text put in is never scanned again for placeholders.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m[1]], _page_file("template.html"))
