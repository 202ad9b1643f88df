"""The fates chart: each member's age at the revolution as a bar coloured by fate, with those
killed on Stalin's orders hatched and the median age drawn. PNG or SVG, for a slide."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import SurvivalYear
from .cohort import CohortRow
from .errors import InvalidValueError
from .fates import FatesReport
from .palette import FATE_COLOURS, FATE_LABELS

FORMATS = (".png", ".svg")


@dataclass(frozen=True, slots=True)
class ChartBar:
    """One bar: who, their age at the revolution, and how they ended."""

    id: str
    label: str
    age: int
    fate: str
    colour: str
    killed_on_stalins_orders: bool


def chart_data(report: FatesReport) -> tuple[list[ChartBar], list[str]]:
    """The bars, youngest at the top, and the names left out for want of an exact age."""
    bars = [
        ChartBar(
            id=row.id,
            label=row.name + (" (candidate)" if row.role == "candidate" else ""),
            age=row.age,
            fate=row.fate.value,
            colour=FATE_COLOURS[row.fate],
            killed_on_stalins_orders=row.killed_on_stalins_orders,
        )
        for row in report.people
        if row.age is not None
    ]
    bars.sort(key=lambda bar: (-bar.age, bar.label))
    missing = [row.name for row in report.people if row.age is None]
    return bars, missing


def _pyplot(target: Path) -> Any:
    """matplotlib's pyplot, headless, after checking the file type."""
    if target.suffix.lower() not in FORMATS:
        raise InvalidValueError(f"chart file must end in .png or .svg, not {target.name!r}")
    import matplotlib

    matplotlib.use("Agg")
    # Text stays text in an SVG, so a historian can edit the labels of a slide.
    matplotlib.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt

    return plt


def _save(fig: Any, target: Path) -> Path:
    import matplotlib.pyplot as plt

    try:
        fig.savefig(target)
    except OSError as err:
        raise InvalidValueError(f"cannot write {str(target)!r}: {err.strerror}") from err
    finally:
        plt.close(fig)
    return target


def write_fates_chart(report: FatesReport, path: str | Path) -> Path:
    """Draw the chart of ``report`` to ``path`` (.png or .svg)."""
    target = Path(path)
    plt = _pyplot(target)
    bars, missing = chart_data(report)
    if not bars:
        raise InvalidValueError(f"no member of {report.body.id} has a known age to chart")
    from matplotlib.patches import Patch

    fig, ax = plt.subplots(figsize=(11, 0.32 * len(bars) + 2.4), dpi=120)
    positions = range(len(bars))
    ax.barh(
        list(positions),
        [bar.age for bar in bars],
        color=[bar.colour for bar in bars],
        hatch=["///" if bar.killed_on_stalins_orders else "" for bar in bars],
        edgecolor="black",
        linewidth=0.4,
    )
    ax.set_yticks(list(positions), [bar.label for bar in bars], fontsize=8)
    median = statistics.median(bar.age for bar in bars)
    ax.axvline(median, color="black", linestyle="--", linewidth=1)
    ax.text(median + 0.3, len(bars) - 0.5, f"median {median:g}", fontsize=8, va="top")
    ax.set_xlabel("age at the October Revolution (completed years on 7 Nov 1917)")
    ax.set_title(f"{report.body.name}: age at the revolution and fate", fontsize=11)
    fates_shown = list(dict.fromkeys(bar.fate for bar in bars))
    handles = [Patch(facecolor=FATE_COLOURS[f], label=FATE_LABELS[f]) for f in fates_shown]
    killed = Patch(
        facecolor="white", edgecolor="black", hatch="///", label="killed on Stalin's orders"
    )
    handles.append(killed)
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    note = "Source: bolshevik-graph curated data (graph_data/, every row sourced)."
    if missing:
        note += " No exact birth date, not shown: " + ", ".join(missing) + "."
    fig.text(0.01, 0.005, note, fontsize=7, ha="left", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return _save(fig, target)


def write_survival_chart(rows: list[SurvivalYear], body_name: str, path: str | Path) -> Path:
    """Members alive at each year's end; the dead split by whether Stalin had them killed; those
    whose death date is unknown on top, apart."""
    target = Path(path)
    plt = _pyplot(target)
    years = [r.year for r in rows]
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=120)
    killed = [r.killed_on_stalins_orders for r in rows]
    other_dead = [r.dead - r.killed_on_stalins_orders for r in rows]
    ax.stackplot(
        years,
        [r.alive for r in rows],
        killed,
        other_dead,
        [r.unknown for r in rows],
        labels=["alive", "killed on Stalin's orders", "died otherwise", "death date unknown"],
        colors=[
            FATE_COLOURS["natural"],
            FATE_COLOURS["executed"],
            FATE_COLOURS["unknown"],
            "#e8e8e8",
        ],
    )
    ax.set_xlim(years[0], years[-1])
    ax.set_ylabel("members at the end of the year")
    ax.set_title(f"{body_name}: survival of its members, {years[0]}-{years[-1]}", fontsize=11)
    ax.legend(loc="upper right", fontsize=8)
    fig.text(0.01, 0.01, "Source: bolshevik-graph curated data (graph_data/).", fontsize=7)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return _save(fig, target)


def write_cohort_chart(rows: list[CohortRow], path: str | Path) -> Path:
    """One bar per committee, stacked by fate, with the unfilled slots of its roster in grey
    outline: the terror consuming the party's leadership, congress by congress."""
    target = Path(path)
    plt = _pyplot(target)
    if not rows:
        raise InvalidValueError("no committee to chart")
    fig, ax = plt.subplots(figsize=(max(6.0, 0.9 * len(rows) + 3), 5), dpi=120)
    positions = list(range(len(rows)))
    bottoms = [0] * len(rows)
    for fate, colour in FATE_COLOURS.items():
        heights = [row.fates.get(fate, 0) for row in rows]
        if any(heights):
            ax.bar(
                positions,
                heights,
                bottom=bottoms,
                color=colour,
                edgecolor="black",
                linewidth=0.4,
                label=FATE_LABELS[fate],
            )
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    unfilled = [max(0, (row.size or row.known) - row.known) for row in rows]
    if any(unfilled):
        ax.bar(
            positions,
            unfilled,
            bottom=bottoms,
            color="white",
            edgecolor="grey",
            linestyle="--",
            linewidth=0.8,
            label="slots the data cannot name yet",
        )
    labels = [f"{row.body.id}\n{row.body.start.year if row.body.start else ''}" for row in rows]
    ax.set_xticks(positions, labels, fontsize=8)
    ax.set_ylabel("members and candidates")
    ax.set_title("Central Committees 1917-1939: how their people ended", fontsize=11)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.text(0.01, 0.01, "Source: bolshevik-graph curated data (graph_data/).", fontsize=7)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return _save(fig, target)
