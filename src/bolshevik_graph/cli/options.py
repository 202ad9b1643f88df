"""Options and helpers shared by the command modules: ``--data``, ``--format``, ``--as-of``,
``--chart``, the Neo4j connection options, reading the dataset and progress bars."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ..models import Dataset

#: Bars appear only for work that takes seconds: about 8 MB of CSV (100k relationships read in
#: about 3 s) or 20,000 rows loaded into an engine (about 2 s embedded; see docs/performance.md).
READ_BAR_BYTES = 8_000_000
LOAD_BAR_ROWS = 20_000


def data_option[F: Callable[..., Any]](func: F) -> F:
    """``--data DIR``: read a user's own CSVs instead of the shipped dataset."""
    return click.option(
        "--data",
        "data",
        type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
        default=None,
        metavar="DIR",
        help="Directory of CSVs in the graph_data layout (default: the shipped curated data).",
    )(func)


def chart_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--chart FILE.png|FILE.svg``, for commands that can also draw what they print."""
    return click.option(
        "--chart",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        metavar="FILE.png|FILE.svg",
        help=help_text,
    )


def format_option[F: Callable[..., Any]](func: F) -> F:
    """``--format table|json|csv`` and ``--wide``, shared by every command that prints records."""
    func = click.option(
        "--wide",
        is_flag=True,
        expose_value=False,
        callback=_remember_wide,
        help="Show tables in full instead of fitting them to the terminal's width.",
    )(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="Output format: an aligned table for people, JSON or CSV for programs.",
    )(func)


_WIDE = "bolshevik_graph.wide"


def _remember_wide(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.meta[_WIDE] = value


def is_wide() -> bool:
    """True when the command was given ``--wide``."""
    return bool(click.get_current_context().meta.get(_WIDE))


def table_width() -> int | None:
    """The width a table must fit: the terminal's columns (``shutil.get_terminal_size``, which
    honours $COLUMNS) when printing to a terminal or when $COLUMNS is set; None (no limit) with
    ``--wide`` or when the output goes to a pipe or a file, as gh and docker do."""
    import os
    import shutil
    import sys

    if is_wide() or not ("COLUMNS" in os.environ or sys.stdout.isatty()):
        return None
    return shutil.get_terminal_size().columns


def text_format_option[F: Callable[..., Any]](func: F) -> F:
    """``--format text|json``, for commands whose output is a document rather than rows."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Output format: text for people, JSON for programs.",
    )(func)


def as_of_option[F: Callable[..., Any]](func: F) -> F:
    """``--as-of DATE``: the graph as it stood on a day."""
    return click.option(
        "--as-of",
        default=None,
        metavar="DATE",
        help="Use the graph as it stood on this date (YYYY-MM-DD).",
    )(func)


def neo4j_options[F: Callable[..., Any]](func: F) -> F:
    """``--neo4j-uri`` and ``--database``; user and password come only from the environment."""
    func = click.option(
        "--database",
        envvar="NEO4J_DATABASE",
        default=None,
        help="Neo4j database name (default: the server's default; env NEO4J_DATABASE).",
    )(func)
    return click.option(
        "--neo4j-uri",
        envvar="NEO4J_URI",
        default=None,
        metavar="URI",
        help="Neo4j server, e.g. neo4j://localhost:7687 (env NEO4J_URI). User and password are "
        "read from NEO4J_USER and NEO4J_PASSWORD only, never from the command line.",
    )(func)


def parse_day(text: str | None) -> date | None:
    """A --as-of value as a date, or a usage error saying what is expected."""
    if text is None:
        return None
    from ..dates import parse_date

    try:
        return parse_date(text)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--as-of") from None


def read_as_of(data: Path | None, as_of: str | None) -> tuple[Dataset, date | None]:
    """The dataset and the --as-of day; on stderr, a note naming the people whose dates cannot
    tell whether they were alive that day (a snapshot keeps them, marked alive=unknown)."""
    import sys

    from ..graph import unknown_alive

    dataset, day = read_data(data), parse_day(as_of)
    unknown = unknown_alive(dataset, day) if day else []
    if unknown:
        names = ", ".join(unknown[:10]) + (f" and {len(unknown) - 10} more" if unknown[10:] else "")
        who = "person" if len(unknown) == 1 else "people"
        click.echo(
            f"note: {len(unknown)} {who} may or may not have been alive on {day} (no death "
            f"date, or dates too vague to tell): {names}; included, marked alive=unknown",
            file=sys.stderr,
        )
    return dataset, day


def split_types(text: str | None) -> list[str] | None:
    """A comma-separated ``--rel-types`` value as a list (None when not given)."""
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


def read_data(data: Path | None) -> Dataset:
    """The dataset at ``--data`` (or the shipped one), with a progress bar when it is big."""
    from ..loader import load_dataset

    return load_dataset(data, progress_bar("reading", READ_BAR_BYTES))


def progress_bar(label: str, at_least: int) -> Callable[[int, int], None] | None:
    """A progress callback drawing a bar on stderr when it is a terminal and the work is at least
    ``at_least`` units; None (quiet) when stderr is piped."""
    import sys

    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def finish() -> None:
        if state.pop("open", False):
            state["bar"].__exit__(None, None, None)

    def update(done: int, total: int) -> None:
        if total < at_least:
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            state["bar"].__enter__()
            state["open"] = True
            # If the work fails midway, end the bar's line before the error is printed.
            click.get_current_context().call_on_close(finish)
        state["bar"].update(done - state.get("done", 0))
        state["done"] = done
        if done >= total:
            finish()

    return update
