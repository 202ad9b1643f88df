"""Colours and shapes shared by the network page and the charts, so a fate looks the same in both.

The fate colours are the Okabe-Ito palette, nudged so that every pair stays at least 12 apart
(CIEDE2000) under simulated deuteranopia and protanopia and 10 under tritanopia
(tests/test_palette.py computes it). Colour is never the only channel: on the page the violent
fates also have their own shape, and "killed on Stalin's orders" a thick black ring.
"""

from __future__ import annotations

from .models import Fate, RelType

#: One colour per fate (Okabe-Ito, adjusted; see the module docstring).
FATE_COLOURS: dict[str, str] = {
    Fate.EXECUTED: "#c54500",
    Fate.DIED_IN_CUSTODY: "#b075a0",
    Fate.ASSASSINATED: "#e89a00",
    Fate.SUICIDE: "#0553b9",
    Fate.NATURAL: "#079365",
    Fate.ACCIDENT: "#67b2ff",
    Fate.KILLED_BY_ENEMY: "#ffff7e",
    Fate.UNKNOWN: "#555555",
}

#: Labels for the legends.
FATE_LABELS: dict[str, str] = {fate.value: fate.value.replace("_", " ") for fate in Fate}

#: The second channel on the page: a vis-network shape per fate (the violent ones stand out).
FATE_SHAPES: dict[str, str] = {
    Fate.EXECUTED: "triangleDown",
    Fate.DIED_IN_CUSTODY: "square",
    Fate.ASSASSINATED: "triangle",
}
#: Every other fate, and everyone still alive on the page's date, is a dot.
DEFAULT_SHAPE = "dot"
#: Symbols of those shapes for the legend.
SHAPE_SYMBOLS = {"triangleDown": "▼", "square": "■", "triangle": "▲", "dot": "●"}

#: People still alive on the page's date: no fate yet.
ALIVE_COLOUR = "#ffffff"
ALIVE_BORDER = "#3b3b3b"
#: The ring around those killed on Stalin's orders.
STALIN_MARK = "#000000"
#: Bodies and events (not people): a neutral fill.
BODY_COLOUR = "#e8e8e8"
EVENT_COLOUR = "#bdbdbd"

#: Edge colour and dashes per edge type. Types not listed (a type added to the data model later)
#: get ``OTHER_EDGE``, so the page never fails on them.
EDGE_STYLES: dict[str, tuple[str, bool]] = {
    "MEMBER_OF": ("#9e9e9e", False),
    "PARTICIPATED_IN": ("#9e9e9e", True),
    RelType.PURGED_BY: ("#c54500", False),
    RelType.KILLED_BY: ("#000000", False),
    RelType.ACTED_ON_ORDERS_OF: ("#6b3fa0", True),
    RelType.ALLIED_WITH: ("#0072b2", False),
    RelType.OPPOSED: ("#e89a00", True),
    RelType.DENOUNCED: ("#cc79a7", True),
    RelType.SUCCEEDED: ("#7a5c3a", True),
    RelType.MARRIED_TO: ("#009e73", False),
    RelType.SENTENCE_APPROVED_BY: ("#7a1f00", True),
}
OTHER_EDGE = ("#56b4e9", True)


def edge_style(rel_type: str) -> tuple[str, bool]:
    """Colour and dashed-or-not of an edge type."""
    return EDGE_STYLES.get(rel_type, OTHER_EDGE)
