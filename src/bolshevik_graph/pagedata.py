"""The data a network page carries: nodes on the fixed map, edges in words, sources, vocabularies.

Everything the page shows is computed here, in Python, and embedded as one JSON document: each
edge's sentence ("Nikolai Bukharin was purged by Joseph Stalin"), the days each node and edge is
in force (so the page's year slider agrees with ``--as-of``), who was killed on Stalin's orders,
the search keys of every name (folded as :mod:`names` folds them), and the titles and links of
the sources cited. The page's script only filters and styles; it never turns data into HTML.
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .attributes import MEMBER_OF, PARTICIPATED_IN
from .dates import MAX_AGE, PartialDate
from .derived import killed_on_orders_of
from .graph import EDGE_TYPES
from .layout import Placed, route_edges
from .models import Confidence, Dataset
from .names import _CYRILLIC, _LATIN, normalise
from .palette import (
    ALIVE_BORDER,
    ALIVE_COLOUR,
    BODY_COLOUR,
    DEFAULT_SHAPE,
    EVENT_COLOUR,
    FATE_COLOURS,
    FATE_LABELS,
    FATE_SHAPES,
    SHAPE_SYMBOLS,
    STALIN_MARK,
    edge_style,
)

if TYPE_CHECKING:
    from .graph import Selection

#: The years of the page's slider.
FIRST_YEAR, LAST_YEAR = 1917, 1953

#: How each relationship type reads between its two ends; ``{a}`` is the subject.
SENTENCES: dict[str, str] = {
    "PURGED_BY": "{a} was purged by {b}",
    "KILLED_BY": "{a} was killed by {b}",
    "ACTED_ON_ORDERS_OF": "{a} acted on the orders of {b}",
    "ALLIED_WITH": "{a} was allied with {b}",
    "OPPOSED": "{a} opposed {b}",
    "DENOUNCED": "{a} denounced {b}",
    "SUCCEEDED": "{a} succeeded {b}",
    "MARRIED_TO": "{a} was married to {b}",
    "SENTENCE_APPROVED_BY": "{a}'s sentence was approved by {b}",
}
#: Legend labels of the edge types (types not listed read as their name in lower case).
TYPE_LABELS = {MEMBER_OF: "member of (body)", PARTICIPATED_IN: "took part in (event)"}

#: Letters replaced before accents are dropped: the page's script folds what a reader types
#: with these, as :func:`names.normalise` folds the names (Cyrillic in Latin letters, so
#: "Сталин" finds Stalin and "Dzhugashvili" finds Джугашвили).
TRANSLIT = {**_CYRILLIC, **_LATIN}


def sentence(rel_type: str, a: str, b: str, role: str = "") -> str:
    """An edge in words: "Nikolai Bukharin was purged by Joseph Stalin"."""
    if rel_type == MEMBER_OF:
        what = {"candidate": "candidate member"}.get(role, role.replace("-", " ") or "member")
        return f"{a} was a {what} of {b}"
    if rel_type == PARTICIPATED_IN:
        return f"{a} took part in {b}" + (f" as {role}" if role else "")
    template = SENTENCES.get(rel_type)
    if template is None:
        template = "{a} – " + rel_type.lower().replace("_", " ") + " – {b}"
    return template.format(a=a, b=b)


def span(start: str | None, end: str | None) -> str:
    """Dates as a reader says them: "1937-02-27 to 1938-03-15" (with an en dash), "from 1934",
    "until 1936"."""
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else ""


def _first(day: str | None) -> str | None:
    return PartialDate.parse(day).earliest.isoformat() if day else None


def _last(day: str | None) -> str | None:
    return PartialDate.parse(day).latest.isoformat() if day else None


_NODE_FIELDS = (
    "name", "full_name", "name_ru", "born", "born_place", "died", "died_place", "fate",
    "fate_detail", "body_kind", "event_kind", "start", "end", "place", "note", "wikidata",
)  # fmt: skip


def _node(dataset: Dataset, node: str, attrs: dict[str, Any], placed: Placed) -> dict[str, Any]:
    kind = attrs["kind"]
    item: dict[str, Any] = {"id": node, "kind": kind, "label": placed.label}
    item.update(x=placed.x, y=placed.y, size=placed.size, font=placed.font)
    item.update({name: attrs[name] for name in _NODE_FIELDS if name in attrs})
    item["aliases"] = list(attrs.get("aliases", ()))
    item["sources"] = list(attrs.get("sources", ()))
    if kind == "person":
        item["since"], item["until"] = _first(attrs.get("born")), _last(attrs.get("died"))
        if attrs.get("born"):  # nobody is taken for alive MAX_AGE years after birth
            oldest = f"{PartialDate.parse(attrs['born']).latest.year + MAX_AGE:04d}-12-31"
            item["until"] = min(item["until"] or oldest, oldest)
        item["stalin"] = killed_on_orders_of(dataset, node)
    else:
        item["since"] = _first(attrs.get("start"))
        item["until"] = _last(attrs.get("end")) if kind == "body" else None
    for field, kinds in (("parent", "body"), ("predecessor", "body")):
        if kind in kinds and attrs.get(field) in dataset.bodies:
            item[field] = dataset.bodies[attrs[field]].name
    names = [attrs.get("name", ""), attrs.get("full_name", ""), *item["aliases"], node]
    names.append(attrs.get("name_ru", ""))
    item["keys"] = sorted({normalise(name) for name in names if name} - {""})
    return item


#: Edge attributes a page shows when the edge has them (null when it has not).
_EDGE_EXTRAS = ("role", "confidence", "sentence", "note")


def _edge_columns(
    edges: list[tuple[str, str, dict[str, Any]]], names: dict[str, str]
) -> dict[str, list[Any]]:
    """The page's edges as columns, one list per field, each edge at its index: a page of a
    million edges is a third smaller so (no field names repeated) and made and written twice as
    fast. The page's script, and :func:`edge_rows` here, turn them back into one object each.

    Each column is made by one pass in C over the edges, and what is worked out in Python (a
    sentence's wording, a span, a date's first and last day) is worked out once per distinct
    value: a million edges have a handful of types and roles and a few thousand dates."""
    data = list(map(itemgetter(2), edges))
    froms, tos = list(map(itemgetter(0), edges)), list(map(itemgetter(1), edges))
    types = list(map(itemgetter("rel_type"), data))
    column = {name: list(map(dict.get, data, repeat(name))) for name in ("start", "end")}
    column |= {name: list(map(dict.get, data, repeat(name))) for name in _EDGE_EXTRAS}
    starts, ends = column["start"], column["end"]
    wording = list(zip(types, column["role"], strict=True))
    templates = {key: _template(*key) for key in set(wording)}
    spans = {pair: span(*pair) for pair in set(zip(starts, ends, strict=True))}
    first = {day: _first(day) for day in set(starts)}
    last = {day: _last(day) for day in set(ends)}
    return {
        "id": list(range(len(edges))),
        "from": froms,
        "to": tos,
        "type": types,
        "text": list(
            map(
                str.format,
                map(templates.__getitem__, wording),
                map(names.__getitem__, froms),
                map(names.__getitem__, tos),
            )
        ),
        "start": starts,
        "end": ends,
        "span": list(map(spans.__getitem__, zip(starts, ends, strict=True))),
        "since": list(map(first.__getitem__, starts)),
        "until": list(map(last.__getitem__, ends)),
        **{name: column[name] for name in _EDGE_EXTRAS},
        "sources": list(map(dict.get, data, repeat("sources"), repeat(()))),
    }


def _template(rel_type: str, role: str | None) -> str:
    """The :func:`sentence` of an edge of this type and role, with ``{0}`` and ``{1}`` for its
    ends (any brace in the role doubled, so that ``str.format`` gives it back as it is)."""
    # "\x00" is in no name: the loader refuses control characters.
    text = sentence(rel_type, "\x00a", "\x00b", role or "")
    text = text.replace("{", "{{").replace("}", "}}")
    return text.replace("\x00a", "{0}").replace("\x00b", "{1}")


def edge_rows(columns: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The page's edges, one dict per edge (field → value, null where the edge has none)."""
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _extent(item: dict[str, Any]) -> tuple[float, float, float, float]:
    """A node's place and the half width and height of its clickable shape (a body's box holds
    its label)."""
    if item["kind"] == "body":
        return (
            item["x"],
            item["y"],
            0.3 * item["font"] * len(item["label"]) + 6,
            item["font"] / 2 + 6,
        )
    return item["x"], item["y"], item["size"], item["size"]


def _sources(dataset: Dataset, cited: set[str]) -> dict[str, dict[str, str]]:
    """Titles and links of the sources cited on the page (links only if http or https)."""
    found: dict[str, dict[str, str]] = {}
    for source_id in sorted(cited):
        source = dataset.sources.get(source_id)
        if source is None:
            continue
        url = source.url if source.url.lower().startswith(("http://", "https://")) else ""
        found[source_id] = {
            "title": source.title or source_id,
            "author": source.author,
            "publisher": source.publisher,
            "year": source.year,
            "url": url,
        }
    return found


def page_data(
    dataset: Dataset,
    selection: Selection,
    layout: dict[str, Placed],
    *,
    title: str,
    day: str | None,
) -> dict[str, Any]:
    """The JSON document a page embeds: the ``selection`` on the map ``layout``."""
    nodes = [_node(dataset, n, a, layout[n]) for n, a in selection.nodes]
    names = {item["id"]: item["name"] for item in nodes}
    edges = _edge_columns(selection.edges, names)
    where = {item["id"]: _extent(item) for item in nodes}
    routes = route_edges(where, [(u, v) for u, v, _ in selection.edges])
    edges["curve"] = [curve for curve, _ in routes]
    edges["roundness"] = [roundness for _, roundness in routes]
    cited = set(chain.from_iterable(map(itemgetter("sources"), nodes)))
    cited.update(chain.from_iterable(edges["sources"]))
    present = set(edges["type"])
    types = [t for t in EDGE_TYPES if t in present] + sorted(present - set(EDGE_TYPES))
    return {
        "title": title,
        "day": day,
        "years": [FIRST_YEAR, LAST_YEAR],
        "nodes": nodes,
        "edges": edges,
        "sources": _sources(dataset, cited),
        "types": [_type_entry(t) for t in types],
        "confidences": [c.value for c in Confidence],
        "fates": [
            {
                "fate": fate,
                "label": label,
                "colour": FATE_COLOURS[fate],
                "shape": FATE_SHAPES.get(fate, DEFAULT_SHAPE),
                "symbol": SHAPE_SYMBOLS[FATE_SHAPES.get(fate, DEFAULT_SHAPE)],
            }
            for fate, label in FATE_LABELS.items()
        ],
        "palette": {
            "alive": ALIVE_COLOUR,
            "aliveBorder": ALIVE_BORDER,
            "stalin": STALIN_MARK,
            "body": BODY_COLOUR,
            "event": EVENT_COLOUR,
        },
        "translit": TRANSLIT,
    }


def _type_entry(rel_type: str) -> dict[str, Any]:
    colour, dashed = edge_style(rel_type)
    label = TYPE_LABELS.get(rel_type, rel_type.lower().replace("_", " "))
    return {"type": rel_type, "label": label, "colour": colour, "dashes": dashed}
