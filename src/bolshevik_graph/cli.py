"""The ``bolshevik-graph`` command line: a thin client of the library.

Each command validates its options, calls one library function and formats the result. Library
errors become ``click.ClickException`` in one place (:class:`_Group`), so a user sees one line of
``Error: ...`` and exit code 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import BolshevikGraphError
from .fates import DEFAULT_BODY


class _Group(click.Group):
    """Turns every library error into a ClickException, the one place this happens."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BolshevikGraphError as err:
            raise click.ClickException(str(err)) from err


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


def format_option[F: Callable[..., Any]](func: F) -> F:
    """``--format table|json|csv``, shared by every command that prints records."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="Output format: an aligned table for people, JSON or CSV for programs.",
    )(func)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bolshevik-graph")
def cli() -> None:
    """A sourced graph of the people and relationships of the Bolshevik revolution and Stalin's
    purges. Start with `bolshevik-graph fates`."""


@cli.command()
@click.option(
    "--body",
    default=DEFAULT_BODY,
    show_default=True,
    help="Id of the body whose members to list (see bodies.csv).",
)
@format_option
@data_option
def fates(body: str, fmt: str, data: Path | None) -> None:
    """How the members of a body ended: each member's fate, then a summary per role.

    By default the Central Committee elected in August 1917, which led the October Revolution.
    """
    from .fates import fates as compute_fates
    from .loader import load_dataset
    from .output import fates_csv, fates_text, format_json

    report = compute_fates(load_dataset(data), body)
    if fmt == "json":
        click.echo(format_json(report.to_dict()))
    elif fmt == "csv":
        click.echo(fates_csv(report))
    else:
        click.echo(fates_text(report))


@cli.command()
@data_option
def validate(data: Path | None) -> None:
    """Check a dataset and report every problem with file, line and column.

    Exits 0 when the data is clean, 1 when any problem is found.
    """
    from .errors import ValidationError
    from .loader import find_problems, resolve_data_dir

    directory = resolve_data_dir(data)
    problems = find_problems(directory)
    if problems:
        raise ValidationError(problems)
    click.echo(f"{directory}: no problems")


@cli.command()
@click.option("--body", default=None, help="Only the people who held a role in this body.")
@format_option
@data_option
def people(body: str | None, fmt: str, data: Path | None) -> None:
    """List people: id, name, dates and fate."""
    from .loader import load_dataset
    from .output import format_rows
    from .people import list_people, person_row

    rows = [person_row(p) for p in list_people(load_dataset(data), body)]
    click.echo(format_rows(rows, ["id", "name", "born", "died", "fate"], fmt))


@cli.command()
@click.argument("person")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@data_option
def show(person: str, fmt: str, data: Path | None) -> None:
    """One person's profile: dates, fate, memberships, relationships both ways, sources.

    PERSON is an id such as `zinoviev` (see `bolshevik-graph people`).
    """
    from .loader import load_dataset
    from .output import format_json, profile_text
    from .people import person_profile

    profile = person_profile(load_dataset(data), person)
    click.echo(format_json(profile.to_dict()) if fmt == "json" else profile_text(profile))


def main() -> None:
    """Entry point of the console script."""
    cli()
