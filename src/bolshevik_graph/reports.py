"""The fates and cohort reports as a person reads them (tables, summaries, coverage, published
figures) and as CSV: the headline outputs, kept apart from the generic formatting in
:mod:`bolshevik_graph.output`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .fates import Coverage, FatesReport, RoleSummary
from .figures import LABELS, FigureCheck
from .output import format_csv, format_table

if TYPE_CHECKING:  # only annotations: `fates` should not pay for importing the cohort
    from .cohort import CohortRow


# --- fates -------------------------------------------------------------------------------------

FATES_COLUMNS = (
    "id",
    "name",
    "role",
    "born",
    "died",
    "arrested",
    "age",
    "fate",
    "killed_on_stalins_orders",
    "how",
)
_TABLE_HEADINGS = {"killed_on_stalins_orders": "by Stalin"}
#: How the summary names the age it gives, by the report's ``age_basis``.
AGE_BASIS = {"revolution": "age at the revolution", "entry": "age on entering the body"}


def fates_text(report: FatesReport, width: int | None = None, how_width: int | None = None) -> str:
    """The fates table followed by one summary block per role. The table fits ``width`` when
    given; "how" shows its first ``how_width`` characters (default :data:`HOW_WIDTH`; 0: all)."""
    body = report.body
    span = " – ".join(d.human() for d in (body.start, body.end) if d)
    heading = f"{body.name} ({body.id})" + (f", {span}" if span else "")
    how = HOW_WIDTH if how_width is None else how_width
    rows = [_fates_table_row(row.to_dict(), how) for row in report.people]
    columns = [_TABLE_HEADINGS.get(c, c) for c in FATES_COLUMNS if c != "id"]
    blocks = [heading, "", format_table(rows, columns, width)]
    if report.age_basis != "revolution":
        blocks += ["", f"age: {AGE_BASIS[report.age_basis]} (the first term's start)"]
    blocks += ["", *(summary_text(s, AGE_BASIS[report.age_basis]) for s in report.summaries)]
    if report.coverage:
        blocks.append(coverage_text(report.coverage))
    if report.figures:
        blocks.append(figures_text(report.figures))
    return "\n".join(blocks).rstrip()


def coverage_text(coverage: Sequence[Coverage]) -> str:
    """How complete the roster is: ``139 of 139 known`` or ``121 of 139 known; 18 unfilled``."""
    size = sum(c.size for c in coverage)
    known = sum(min(c.known, c.size) for c in coverage)
    parts = [f"{c.known} of {c.size} {c.role}s" for c in coverage]
    unfilled = f"; {size - known} slots unfilled" if known < size else ""
    return f"Roster: {known} of {size} known ({', '.join(parts)}){unfilled}\n"


def figures_text(checks: Sequence[FigureCheck]) -> str:
    """Each published figure beside the data's own count under the same measure."""
    lines = ["Published figures beside the data"]
    for check in checks:
        f = check.figure
        said = f"{f.value}" + (f" of {f.total}" if f.total is not None else "")
        who = f.claimant + (f" ({f.year})" if f.year else "")
        lines.append(f"  {who}: {said}, {LABELS[f.measure]} — “{f.statement}”")
        if check.computed is None:
            lines.append("    the data: cannot compute it")
        else:
            of = f" of {check.computed_total}" if check.computed_total is not None else ""
            lines.append(f"    the data: {check.computed:g}{of} — {check.definition}")
        if f.note:
            lines.append(f"    why they may differ: {f.note}")
    return "\n".join(lines) + "\n"


def _fates_table_row(row: dict[str, Any], how_width: int = 0) -> dict[str, Any]:
    age = row["age"]
    if age is None and row["age_range"]:
        low, high = row["age_range"]
        age = f"{low}-{high}"
    return {
        "name": row["name"],
        "role": row["role"],
        "born": row["born"],
        "died": row["died"],
        "arrested": row["arrested"],
        "age": age,
        "fate": row["fate"].replace("_", " "),
        "by Stalin": row["killed_on_stalins_orders"],
        "how": _shorten(row["how"], how_width) if how_width else row["how"],
    }


#: The table shows the first characters of "how"; JSON and CSV carry all of it.
HOW_WIDTH = 72


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def summary_text(summary: RoleSummary, age_label: str = AGE_BASIS["revolution"]) -> str:
    """The summary block of one role."""
    title = summary.role.replace("-", " ").capitalize() + "s"
    fate_counts = ", ".join(f"{fate.replace('_', ' ')} {n}" for fate, n in summary.fates.items())
    lines = [
        f"{title} ({summary.count})",
        f"  fates: {fate_counts}",
        f"  killed on Stalin's orders: {summary.killed_on_stalins_orders} of {summary.count}"
        f" ({summary.killed_share:.0%})",
        f"  arrested: {summary.arrested} (of whom survived: {summary.arrested_survived})",
        f"  died before the Great Terror (before 1936): {summary.died_before_great_terror}",
        f"  outlived Stalin (died after 5 Mar 1953): {summary.outlived_stalin}",
    ]
    if summary.median_age is not None and summary.mean_age is not None:
        unknown = summary.count - summary.ages_known
        note = f" ({unknown} without an exact age left out)" if unknown else ""
        lines.append(
            f"  {age_label}: median {summary.median_age:g}, mean {summary.mean_age:.1f}{note}"
        )
    if summary.youngest and summary.oldest:
        lines.append(
            f"  youngest: {summary.youngest.name} ({summary.youngest.age}); "
            f"oldest: {summary.oldest.name} ({summary.oldest.age})"
        )
    return "\n".join(lines) + "\n"


def fates_csv(report: FatesReport) -> str:
    """One CSV row per person (the summary is in the JSON and table forms)."""
    return format_csv([row.to_dict() for row in report.people], FATES_COLUMNS)


# --- cohort ------------------------------------------------------------------------------------

COHORT_COLUMNS = (
    "body",
    "elected",
    "size",
    "known",
    "killed_on_stalins_orders",
    "share_killed",
    "arrested",
    "died_violently",
    "died_before_great_terror",
    "outlived_stalin",
)
_COHORT_HEADINGS = {
    "killed_on_stalins_orders": "killed by Stalin",
    "share_killed": "share",
    "died_violently": "violent death",
    "died_before_great_terror": "died < 1936",
    "outlived_stalin": "outlived Stalin",
}


def cohort_rows(rows: Sequence[CohortRow]) -> list[dict[str, Any]]:
    """Flat rows for JSON and CSV (fates as one ``fate:count;...`` cell in CSV)."""
    return [row.to_dict() for row in rows]


def cohort_text(rows: Sequence[CohortRow], width: int | None = None) -> str:
    """The committees table; "share" is of the people the data names, not of the size."""
    table = []
    for row in rows:
        data = row.to_dict()
        share = data["share_killed"]
        data["share_killed"] = "" if share is None else f"{share:.0%}"
        data["known"] = f"{row.known}" if row.size is None else f"{row.known} of {row.size}"
        table.append({_COHORT_HEADINGS.get(k, k): data[k] for k in COHORT_COLUMNS if k != "size"})
    columns = [_COHORT_HEADINGS.get(c, c) for c in COHORT_COLUMNS if c != "size"]
    note = (
        "known: people the data names (of the published size); share: killed on Stalin's orders "
        "among the known. Counts are lower bounds where slots are unfilled."
    )
    return format_table(table, columns, width) + "\n\n" + note


def cohort_csv(rows: Sequence[CohortRow]) -> str:
    """One CSV row per committee; fates as ``fate:count`` pairs joined by ``;``."""
    flat = []
    for row in rows:
        data = row.to_dict()
        data["fates"] = ";".join(f"{fate}:{n}" for fate, n in row.fates.items())
        flat.append(data)
    return format_csv(flat, [*COHORT_COLUMNS[:1], "name", *COHORT_COLUMNS[1:], "fates"])
