"""Colours shared by the network page and the charts, so a fate looks the same in both."""

from __future__ import annotations

from .models import Fate

#: One colour per fate (colour-blind-aware: violent deaths in reds and purples, others cooler).
FATE_COLOURS: dict[str, str] = {
    Fate.EXECUTED: "#c62828",
    Fate.DIED_IN_CUSTODY: "#8e24aa",
    Fate.ASSASSINATED: "#ef6c00",
    Fate.SUICIDE: "#6d4c41",
    Fate.NATURAL: "#2e7d32",
    Fate.ACCIDENT: "#00838f",
    Fate.KILLED_BY_ENEMY: "#f9a825",
    Fate.UNKNOWN: "#9e9e9e",
}

#: Labels for the legends.
FATE_LABELS: dict[str, str] = {fate.value: fate.value.replace("_", " ") for fate in Fate}
