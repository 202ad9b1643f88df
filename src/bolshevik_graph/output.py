"""Turning result records into text a person reads (tables) or a machine reads (JSON, CSV).

No click here: the CLI picks a format and prints what these functions return.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .people import Profile

if TYPE_CHECKING:  # only annotations: `fates` should not pay for importing these
    from .analysis import Step
    from .queries import Query
    from .stats import Stats

FORMATS = ("table", "json", "csv")


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two cells, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    return str(value)


#: A table cell shows at most this many characters (JSON and CSV carry every one): one 10 MB
#: name must not pad every line of the table to 10 MB.
CELL_WIDTH = 200


def _table_cell(value: Any) -> str:
    """A cell as a table shows it: on one line, shortened to :data:`CELL_WIDTH`."""
    text = _cell(value)
    if len(text) > CELL_WIDTH:
        text = text[: CELL_WIDTH - 1] + "…"
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text


def format_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], width: int | None = None
) -> str:
    """A plain aligned table with a header line and a rule, one line per row (line breaks and
    other unprintable characters in a cell shown as spaces, long cells shortened).

    With ``width`` (a terminal's columns), the widest columns are narrowed until every line fits,
    their cells cut with "…"; no column is narrowed below its heading (or 5 characters), columns
    of :data:`SHORT_COLUMN` characters or fewer only when the long ones cannot give enough, and
    an ``id`` column is never cut (it is what a reader copies into the next command)."""
    cells = [[_table_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    if width is not None:
        floors = [
            w if c == "id" else max(_width(c), min(w, 5))
            for c, w in zip(columns, widths, strict=True)
        ]
        # Short columns (dates, kinds, counts) are cut only when cutting the long ones is not
        # enough.
        short = [max(f, w) if w <= SHORT_COLUMN else f for f, w in zip(floors, widths, strict=True)]
        widths = _fit(_fit(widths, short, width), floors, width)
        cells = [[_clip(v, w) for v, w in zip(r, widths, strict=True)] for r in cells]

    def line(values: Sequence[str]) -> str:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(columns), rule, *(line(r) for r in cells)])


#: Columns at most this wide are narrowed last.
SHORT_COLUMN = 15


def _fit(widths: list[int], floors: list[int], total: int) -> list[int]:
    """Column widths narrowed, widest first, until the line (with its gaps) is at most ``total``."""
    fitted = list(widths)
    excess = sum(fitted) + 2 * (len(fitted) - 1) - total
    while excess > 0:
        room = [w - f for w, f in zip(fitted, floors, strict=True)]
        if max(room, default=0) <= 0:
            break
        widest = max(range(len(fitted)), key=lambda i: (fitted[i] if room[i] > 0 else -1, -i))
        fitted[widest] -= 1
        excess -= 1
    return fitted


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` display cells, ending in "…" when cut."""
    if _width(text) <= width:
        return text
    kept, used = [], 0
    for ch in text:
        cell = _width(ch)
        if used + cell > width - 1:
            break
        kept.append(ch)
        used += cell
    return "".join(kept).rstrip() + "…"


def format_json(data: Any) -> str:
    """Indented JSON, non-ASCII kept as it is (Cyrillic names stay readable)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def format_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """CSV with a header row; booleans as true/false, None as an empty cell.

    A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a
    carriage return) gets a leading single quote, as OWASP advises against CSV injection; numbers
    are written as they are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_csv_cell(row.get(column)) for column in columns)
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: Any) -> str | int | float:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        return _inert(";".join(str(v) for v in value))
    return "" if value is None else _inert(str(value))


#: What a spreadsheet takes as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """``text`` with a leading single quote if a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def format_rows(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str, width: int | None = None
) -> str:
    """Rows in one of :data:`FORMATS`; a table fits ``width`` when given (see
    :func:`format_table`) and shows a ``fate`` as words (``died in custody``), while JSON and CSV
    keep the value (``died_in_custody``)."""
    if fmt == "json":
        return format_json([{column: row.get(column) for column in columns} for row in rows])
    if fmt == "csv":
        return format_csv(rows, columns)
    if "fate" in columns:
        rows = [{**row, "fate": fate_words(row.get("fate"))} for row in rows]
    return format_table(rows, columns, width)


def fate_words(fate: Any) -> Any:
    """A fate value as tables and text show it: ``died_in_custody`` as ``died in custody``."""
    return fate.replace("_", " ") if isinstance(fate, str) else fate


# --- one person ------------------------------------------------------------------------------


def profile_text(profile: Profile) -> str:
    """A person's profile as a reader expects it: identity, dates, fate, links, sources."""
    p = profile.person
    lines = [f"{p.name} ({p.id})", f"  full name: {p.full_name}"]
    lines += [f"  {label}: {value}" for label, value in _identity(profile) if value]
    if profile.memberships:
        lines.append("memberships:")
        for m in profile.memberships:
            span = _span(m.start, m.end)
            lines.append(f"  {profile.names[m.body]} ({m.body}), {m.role}{span}")
    if profile.outgoing or profile.incoming:
        lines.append("relationships:")
        for r in profile.outgoing + profile.incoming:
            subject, obj = profile.names[r.subject], profile.names[r.object]
            span = _span(r.start, r.end)
            lines.append(f"  {subject} {r.type} {obj}{span} [{r.confidence}]")
    if profile.participations:
        lines.append("events:")
        for part in profile.participations:
            event = profile.events[part.event]
            span = f", {event.start}" if event.start == event.end else _span(event.start, event.end)
            sentence = f"sentence: {part.sentence}" if part.sentence else ""
            lines.append(f"  {part.role} in {event.name} ({event.id}){span}{_dash(sentence)}")
    if profile.alternatives:
        lines.append("where sources disagree:")
        for a in profile.alternatives:
            lines.append(f"  {a.column}: {a.value} ({', '.join(a.sources)}){_dash(a.note)}")
    lines.append("sources:")
    lines += [f"  {s.id}: {s.title}{_dash(s.url)}" for s in profile.sources]
    return "\n".join(lines)


def _identity(profile: Profile) -> list[tuple[str, str]]:
    p = profile.person
    return [
        ("in Russian", p.name_ru),
        ("also known as", ", ".join(p.aliases)),
        ("born", _dated(p.born, p.born_os, p.born_place)),
        ("died", _dated(p.died, p.died_os, p.died_place)),
        ("fate", p.fate.value.replace("_", " ") + _dash(p.fate_detail)),
        ("killed on Stalin's orders", "yes" if profile.killed_on_stalins_orders else "no"),
        ("Wikidata", p.wikidata),
        ("note", p.note),
    ]


def _dated(day: object, old_style: object, place: str) -> str:
    if day is None:
        return ""
    text = str(day)
    if old_style is not None:
        text += f" (O.S. {old_style})"
    return text + (f", {place}" if place else "")


def _span(start: object, end: object) -> str:
    if start is None and end is None:
        return ""
    return f", {start or '?'} to {end or '?'}"


def _dash(text: str) -> str:
    return f" — {text}" if text else ""


def query_text(query: Query) -> str:
    """A canned query as `query show` prints it: header, parameters, then the Cypher."""
    lines = [f"{query.name}: {query.title}", query.description, ""]
    if query.parameters:
        lines.append("parameters:")
        for p in query.parameters:
            default = f"default {p.default}" if p.default is not None else "required"
            lines.append(f"  {p.name} ({p.type}, {default}): {p.description}")
        lines.append("")
    body = [line for line in query.cypher.splitlines() if not line.startswith("//")]
    return "\n".join([*lines, *body]).rstrip()


def stats_text(stats: Stats) -> str:
    """The counts of `bolshevik-graph stats`, one block per grouping."""
    blocks = [
        ("rows per table", {k: str(v) for k, v in stats.tables.items()}),
        ("people by fate", {fate_words(k): str(v) for k, v in stats.fates.items()}),
        ("bodies by kind", {k: str(v) for k, v in stats.body_kinds.items()}),
        ("events by kind", {k: str(v) for k, v in stats.event_kinds.items()}),
        ("relationships by type", {k: str(v) for k, v in stats.relationship_types.items()}),
        ("relationships by confidence", {k: str(v) for k, v in stats.confidence.items()}),
        (
            "rows citing two or more sources",
            {k: f"{v:.0%}" for k, v in stats.two_or_more_sources.items()},
        ),
        ("sources by kind", {k: str(v) for k, v in stats.source_kinds.items()}),
        (
            "rows citing a source that is not a mirror, blog or seed",
            {k: f"{v:.0%}" for k, v in stats.non_weak_sources.items()},
        ),
    ]
    lines: list[str] = []
    for title, values in blocks:
        lines.append(f"{title}:")
        width = max((len(k) for k in values), default=0)
        lines += [f"  {key:<{width}}  {value:>5}" for key, value in values.items()]
    return "\n".join(lines)


def steps_rows(steps: list[Step]) -> list[dict[str, Any]]:
    """A chain of steps as rows, each edge as it is stored (subject TYPE object), when, sources."""
    return [
        {
            "step": index + 1,
            "subject": step.source,
            "relationship": step.rel_type,
            "object": step.target,
            "role": step.role,
            "start": step.start,
            "end": step.end,
            "confidence": step.confidence,
            "sources": step.sources,
        }
        for index, step in enumerate(steps)
    ]
