"""``compute_layout``: one fixed map of a whole dataset, shared by every page drawn from it.

Positions are computed in Python, once, over every person, body and event of the dataset (never
over the selection a page shows), with a seeded force-directed layout, so the same data always
gives the same picture and a person has the same coordinates on the 1917 page, the 1937 page and a
focus page. Each node is given a size (by its number of connections) and a short label; the
layout is scaled to the room those labels need and then pushed apart until no two label boxes
overlap; unconnected nodes are parked in rows below the map.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

#: The seed of the force-directed layout: the same data gives the same map.
SEED = 1917
#: Width : height of the map, about that of a laptop screen beside the page's side bar.
ASPECT = 1.45
#: Share of the map's area the nodes and their labels fill before they are pushed apart.
DENSITY = 0.4
#: Short labels for the kinds of bodies that recur (a new committee every congress).
KIND_SHORT = {
    "central-committee": "CC",
    "politburo": "Politburo",
    "orgburo": "Orgburo",
    "secretariat": "Secretariat",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Most pair comparisons the large layout makes (rounds times nodes squared).
PAIR_BUDGET = 500_000_000
#: Rounds of drawing the map in after its boxes are parted.
COMPACTION = 4
#: Above this many nodes a faster force layout is used (networkx's takes minutes at 2,000), and
#: labels are not parted (too many to read at once anyway: the reader zooms).
LARGE = 600
#: Above this many nodes (the page's default limit, lifted only on request) the nodes are
#: scattered, seeded, instead of laid out: no force layout finishes in reasonable time, and no
#: reader takes in such a page without zooming anyway.
HUGE = 5000


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a node sits on the map, how big it is drawn and its short label."""

    x: float
    y: float
    size: float
    font: float
    label: str


def compute_layout(graph: nx.MultiDiGraph) -> dict[str, Placed]:
    """A fixed, seeded map of every node of ``graph`` (build it from the whole dataset)."""
    return layout_of(list(graph.nodes(data=True)), list(graph.edges()))


def layout_of(
    nodes: Sequence[tuple[str, dict[str, Any]]], edges: Sequence[tuple[str, str]]
) -> dict[str, Placed]:
    """:func:`compute_layout` of the graph with these nodes (id and attributes, in order) and
    edges (from, to), without building it (a page of a million edges is laid out from lists)."""
    attrs = dict(nodes)
    labels = short_labels(attrs)
    linked: dict[str, set[str]] = {node: set() for node in attrs}
    for u, v in edges:
        if u != v:
            linked[u].add(v)
            linked[v].add(u)
    boxes = {node: _box(attrs[node], labels[node], len(linked[node])) for node in attrs}
    # The largest connected part is the map; smaller parts and lone nodes are parked below it,
    # each part's nodes side by side (a force layout would fling them to the far corners).
    parts = sorted(_parts(linked), key=lambda part: (-len(part), min(part)))
    main = parts[0] if parts and len(parts[0]) > 1 else set()
    in_main = [node for node in attrs if node in main]
    positions = _spread(in_main, _main_edges(in_main, main, edges), boxes) if main else {}
    order = {node: index for index, node in enumerate(attrs)}
    rest = [n for part in parts if part is not main for n in sorted(part, key=order.__getitem__)]
    positions.update(_park(rest, boxes, positions))
    return {
        node: Placed(
            round(positions[node][0], 1),
            round(positions[node][1], 1),
            boxes[node][3],
            boxes[node][4],
            labels[node],
        )
        for node in attrs
    }


def _parts(linked: dict[str, set[str]]) -> list[set[str]]:
    """The connected parts of the graph whose nodes are linked so (a breadth-first walk)."""
    parts: list[set[str]] = []
    seen: set[str] = set()
    for start in linked:
        if start in seen:
            continue
        part = {start}
        frontier = [start]
        while frontier:
            found = []
            for node in frontier:
                for other in linked[node]:
                    if other not in part:
                        part.add(other)
                        found.append(other)
            frontier = found
        seen |= part
        parts.append(part)
    return parts


def _main_edges(
    nodes: list[str], main: set[str], edges: Sequence[tuple[str, str]]
) -> Callable[[], nx.Graph]:
    """A maker of the simple graph of the main part (built only when a layout needs it): its
    nodes and edges in the order networkx gives them for the whole graph's simple form."""

    def make() -> nx.Graph:
        import networkx as nx

        simple = nx.Graph()
        simple.add_nodes_from(nodes)
        for u, v in edges:
            if u != v and u in main:
                weight = simple.get_edge_data(u, v, {"weight": 0})["weight"]
                simple.add_edge(u, v, weight=weight + 1)
        return simple

    return make


def _box(attrs: dict[str, Any], label: str, degree: int) -> tuple[float, ...]:
    """The box a node takes with its label (width, height, and how far its centre lies below
    the node's), its drawn size and its font size."""
    kind = attrs.get("kind")
    size = round(min(26.0, 5.0 + 2.2 * math.sqrt(degree)), 1)
    font = round(11.0 + 5.0 * (size - 5.0) / 21.0, 1)
    text = 0.6 * font * len(label)
    if kind == "body":  # the label inside a box
        return text + 14.0, font + 12.0, 0.0, size, font
    if kind == "event":
        size = 10.0
    # The label hangs below the shape: vis-network starts it about 0.75 of a line below.
    below = 1.8 * font + 3.0
    return max(text, 2 * size) + 6.0, 2 * size + below, below / 2, size, font


def _spread(
    nodes: list[str], simple: Callable[[], nx.Graph], boxes: dict[str, tuple[float, ...]]
) -> dict[str, Any]:
    """Seeded force-directed positions, scaled to the room the labels need, then de-overlapped;
    ``simple`` makes the graph of ``nodes`` (not needed above :data:`HUGE` nodes)."""
    import networkx as nx
    import numpy as np

    if len(nodes) <= LARGE:
        raw = nx.spring_layout(simple(), seed=SEED, iterations=100, weight=None)
        xy = np.array([raw[n] for n in nodes], dtype=float)
    elif len(nodes) <= HUGE:
        xy = _force_layout(nodes, list(simple().edges()))
    else:
        # Every iteration of the force layout compares every pair of nodes: 48 s for 9,893
        # nodes, hours for the 97,510 of a 2-hop page at 1M relationships.
        xy = np.random.default_rng(SEED).random((len(nodes), 2))
    xy -= xy.mean(axis=0)
    size = np.array([boxes[n][:2] for n in nodes], dtype=float)
    below = np.array([[0.0, boxes[n][2]] for n in nodes], dtype=float)
    area = float((size[:, 0] * size[:, 1]).sum()) / DENSITY
    width = math.sqrt(area * ASPECT)
    spans = np.maximum(np.percentile(xy, 98, axis=0) - np.percentile(xy, 2, axis=0), 1e-9)
    xy = xy * np.array([width, width / ASPECT]) / spans + below
    xy = _deoverlap(xy, size)
    # Draw the map in: shrink it towards its centre and part the boxes again, a few times, so
    # empty space at the rim is given to the crowded middle.
    for _ in range(COMPACTION if len(nodes) <= LARGE else 0):
        centre = xy.mean(axis=0)
        xy = _deoverlap(centre + (xy - centre) * 0.88, size, rounds=80)
    xy = _deoverlap(xy, size)
    xy -= below
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _force_layout(nodes: list[str], edges: list[tuple[str, str]], iterations: int = 50) -> Any:
    """Fruchterman-Reingold as networkx does it, in float32 blocks with edges kept sparse: about
    ten times faster on 2,000 nodes. Seeded, so it is as fixed as the small layout."""
    import numpy as np

    n = len(nodes)
    # Each round compares every pair: past about 3,000 nodes fewer rounds are run (20 at HUGE).
    iterations = min(iterations, PAIR_BUDGET // max(n * n, 1))
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in edges], dtype=np.int64).reshape(-1, 2)
    xy = np.random.default_rng(SEED).random((n, 2), dtype=np.float32)
    k2 = np.float32(1.0 / n)
    k = np.sqrt(k2)
    heat = 0.1
    for _ in range(iterations):
        push = np.zeros_like(xy)
        squares = (xy**2).sum(axis=1)
        for start in range(0, n, 512):
            block = xy[start : start + 512]
            # |a - b|^2 by matrix products: no n x n x 2 array of differences.
            dist2 = squares[start : start + 512, None] + squares[None, :] - 2 * block @ xy.T
            weight = k2 / np.maximum(dist2, np.float32(1e-6))
            push[start : start + 512] = block * weight.sum(axis=1)[:, None] - weight @ xy
        delta = xy[ends[:, 0]] - xy[ends[:, 1]]
        pull = delta * (np.sqrt((delta**2).sum(axis=1)) / k)[:, None]
        np.add.at(push, ends[:, 0], -pull)
        np.add.at(push, ends[:, 1], pull)
        length = np.maximum(np.sqrt((push**2).sum(axis=1)), np.float32(0.01))
        xy += push * (np.float32(heat) / length)[:, None]
        heat -= 0.1 / (iterations + 1)
    return xy.astype(float)


def _deoverlap(xy: Any, size: Any, rounds: int = 300) -> Any:
    """Push overlapping boxes apart along their shallower axis until none overlap (or give up).

    Each round finds the overlapping pairs at once and parts them one after the other, each
    pair seeing the moves made before it (which converges in far fewer rounds than moving every
    box at once)."""
    import numpy as np

    n = len(xy)
    if n < 2 or n > LARGE:  # above LARGE every round is slow, and too crowded to help
        return xy
    xy = xy.copy()
    gap = 4.0
    half = size / 2.0
    for round_ in range(rounds):
        if round_ and round_ % 40 == 0:  # stuck in a crowd: give the whole map a little room
            centre = xy.mean(axis=0)
            xy = centre + (xy - centre) * 1.03
        ox = half[:, None, 0] + half[None, :, 0] + gap - np.abs(xy[:, None, 0] - xy[None, :, 0])
        oy = half[:, None, 1] + half[None, :, 1] + gap - np.abs(xy[:, None, 1] - xy[None, :, 1])
        pairs = np.argwhere(np.triu((ox > 0) & (oy > 0), 1))
        if not len(pairs):
            break
        for i, j in pairs.tolist():
            dx, dy = xy[i, 0] - xy[j, 0], xy[i, 1] - xy[j, 1]
            over_x = half[i, 0] + half[j, 0] + gap - abs(dx)
            over_y = half[i, 1] + half[j, 1] + gap - abs(dy)
            if over_x <= 0 or over_y <= 0:
                continue
            # Along the shallower overlap; two boxes on one spot part by their order.
            if over_x <= over_y:
                step = (over_x / 2 + 0.5) * (1.0 if dx > 0 or (dx == 0 and i > j) else -1.0)
                xy[i, 0] += step
                xy[j, 0] -= step
            else:
                step = (over_y / 2 + 0.5) * (1.0 if dy > 0 or (dy == 0 and i > j) else -1.0)
                xy[i, 1] += step
                xy[j, 1] -= step
    return xy


def _park(
    nodes: list[str],
    boxes: dict[str, tuple[float, ...]],
    placed: dict[str, tuple[float, float]],
) -> dict[str, tuple[float, float]]:
    """Nodes in rows below the map, in the order given."""
    if not nodes:
        return {}
    if placed:
        xs = [x for x, _ in placed.values()]
        left, right = min(xs), max(xs)
        top = max(y for _, y in placed.values()) + 80.0
    else:
        left, right, top = 0.0, 800.0, 0.0
    right = max(right, left + 400.0)
    parked: dict[str, tuple[float, float]] = {}
    x, y, row_height = left, top, 0.0
    for node in nodes:
        width, height = boxes[node][:2]
        if x + width > right and x > left:
            x, y, row_height = left, y + row_height + 8.0, 0.0
        parked[node] = (x + width / 2.0, y + height / 2.0)
        x += width + 8.0
        row_height = max(row_height, height)
    return parked


_PARENS = re.compile(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")


def short_label(attrs: dict[str, Any]) -> str:
    """A short label: a person's surname, a body's or event's short name (full names go in the
    details panel)."""
    name = str(attrs.get("name", ""))
    if attrs.get("kind") == "person":
        words = _PARENS.sub("", name).split()
        return words[-1] if words else name
    start = str(attrs.get("start", ""))
    kind = attrs.get("body_kind", "")
    if kind in KIND_SHORT and start:
        month = f"{MONTHS[int(start[5:7]) - 1]} " if len(start) >= 7 else ""
        return f"{KIND_SHORT[kind]} {month}{start[:4]}"
    base = _PARENS.sub("", name).split(":")[0].strip()
    if len(base) <= 24:
        return base
    for inside in _PARENS.findall(name):
        first = re.split(r"[,;]", inside)[0].strip()
        if 2 <= len(first) <= 14 and not first[0].isdigit():
            return first
    head = base.split(" of ")[0]
    if " " in head and len(head) <= 24:
        return head
    return base[:22].rstrip() + "…"


def short_labels(nodes: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Short labels for every node (id → attributes); two people with one surname get their
    initials."""
    labels = {node: short_label(attrs) for node, attrs in nodes.items()}
    seen: dict[str, list[str]] = {}
    for node, label in labels.items():
        seen.setdefault(label, []).append(node)
    for label, sharing in seen.items():
        if len(sharing) < 2:
            continue
        for node in sharing:
            if nodes[node].get("kind") == "person":
                words = _PARENS.sub("", str(nodes[node]["name"])).split()
                initials = " ".join(w[0] + "." for w in words[:-1])
                labels[node] = f"{initials} {label}".strip()
    return labels


#: Curves an edge may take (vis-network smooth type, roundness), tried in this order.
CURVES = [
    (kind, roundness)
    for roundness in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85)
    for kind in ("curvedCW", "curvedCCW")
]


def curve_middle(
    a: tuple[float, float], b: tuple[float, float], kind: str, roundness: float
) -> Any:
    """The middle of an edge drawn by vis-network from ``a`` to ``b`` with that curve (its
    quadratic Bézier through the control point vis-network computes)."""
    dx, dy = b[0] - a[0], a[1] - b[1]
    length = math.hypot(dx, dy)
    turn = 0.5 * (roundness if kind == "curvedCW" else -roundness) + 0.5
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    reach = 0.5 * roundness + 0.5
    via = (a[0] + reach * length * math.sin(angle), a[1] + reach * length * math.cos(angle))
    return (0.25 * a[0] + 0.5 * via[0] + 0.25 * b[0], 0.25 * a[1] + 0.5 * via[1] + 0.25 * b[1])


#: Pages with more edges than this are not routed (it grows as edges times nodes).
ROUTE_LIMIT = 2000


def route_edges(
    nodes: dict[str, tuple[float, float, float, float]], edges: list[tuple[str, str]]
) -> list[tuple[str, float]]:
    """A curve for each edge whose middle is clear of every node and of other edges' middles,
    so every edge can be seen and picked at its middle (the page picks, among the lines under
    the pointer, the one whose middle is nearest) and parallel edges bend apart.

    ``nodes`` maps an id to (x, y, half width, half height); an edge is (from, to). When no
    curve is clear, the one with the most room is taken."""
    import numpy as np

    if len(edges) > ROUTE_LIMIT:  # parallel edges still bend apart
        seen: dict[tuple[str, str], int] = {}
        curves = []
        for u, v in edges:
            pair = (u, v) if u <= v else (v, u)
            count = seen[pair] = seen.get(pair, -1) + 1
            curves.append(CURVES[count % len(CURVES)])
        return curves
    ids = list(nodes)
    where = np.array([nodes[n][:2] for n in ids], dtype=float).reshape(-1, 2)
    half = np.array([nodes[n][2:] for n in ids], dtype=float).reshape(-1, 2) + 4.0
    taken = np.zeros((len(edges), 2))
    chosen: list[tuple[str, float]] = []
    for index, (u, v) in enumerate(edges):
        a, b = nodes[u][:2], nodes[v][:2]
        best, best_room = CURVES[0], -math.inf
        for curve in CURVES:
            mx, my = curve_middle(a, b, *curve)
            off_x = np.abs(where[:, 0] - mx) - half[:, 0]
            room = float(np.maximum(off_x, np.abs(where[:, 1] - my) - half[:, 1]).min())
            if index:
                near = taken[:index]
                room = min(room, float(np.hypot(near[:, 0] - mx, near[:, 1] - my).min()) - 12.0)
            if room > best_room:
                best, best_room = curve, room
            if room > 0:
                break
        chosen.append(best)
        taken[index] = curve_middle(a, b, *best)
    return chosen
