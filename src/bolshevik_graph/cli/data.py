"""Commands that read the dataset and print it: fates, people, show, validate, stats, bodies,
events."""

from __future__ import annotations

from pathlib import Path

import click

from ..fates import DEFAULT_BODY
from ..models import BodyKind, EventKind
from ..output import format_rows
from .options import (
    READ_BAR_BYTES,
    chart_option,
    data_option,
    format_option,
    is_wide,
    progress_bar,
    read_data,
    table_width,
    text_format_option,
)


@click.command()
@click.option(
    "--body",
    default=DEFAULT_BODY,
    show_default=True,
    help="Id of the body whose members to list (see bodies.csv).",
)
@format_option
@chart_option("Also draw each member's age at the revolution, coloured by fate, to this file.")
@data_option
def fates(body: str, fmt: str, chart: Path | None, data: Path | None) -> None:
    """How the members of a body ended: each member's fate, then a summary per role.

    By default the Central Committee elected in August 1917, which led the October Revolution.
    """
    from ..fates import fates as compute_fates
    from ..output import format_json
    from ..reports import fates_csv, fates_text

    report = compute_fates(read_data(data), body)
    if chart is not None:
        from ..charts import write_fates_chart

        click.echo(f"wrote {write_fates_chart(report, chart)}", err=True)
    if fmt == "json":
        click.echo(format_json(report.to_dict()))
    elif fmt == "csv":
        click.echo(fates_csv(report))
    else:
        click.echo(fates_text(report, table_width(), 0 if is_wide() else None))


@click.command()
@format_option
@chart_option("Also draw one bar per committee, stacked by fate, to this file.")
@data_option
def cohort(fmt: str, chart: Path | None, data: Path | None) -> None:
    """The Central Committees 1917-1939 side by side: size, people known, and how they ended.

    One row per committee in order of election: its published size and how many of its people
    the data names, killed on Stalin's orders, arrested, violent deaths, deaths before 1936 and
    those who outlived Stalin.
    """
    from ..cohort import cohort as compute_cohort
    from ..output import format_json
    from ..reports import cohort_csv, cohort_rows, cohort_text

    rows = compute_cohort(read_data(data))
    if chart is not None:
        from ..charts import write_cohort_chart

        click.echo(f"wrote {write_cohort_chart(rows, chart)}", err=True)
    if fmt == "json":
        click.echo(format_json(cohort_rows(rows)))
    elif fmt == "csv":
        click.echo(cohort_csv(rows))
    else:
        click.echo(cohort_text(rows, table_width()))


@click.command()
@click.option(
    "--strict",
    is_flag=True,
    help="Also list every row that rests on mirror, blog or seed sources alone.",
)
@click.option("--all", "show_all", is_flag=True, help="List every problem (default: the first 50).")
@text_format_option
@data_option
@click.pass_context
def validate(ctx: click.Context, strict: bool, show_all: bool, fmt: str, data: Path | None) -> None:
    """Check a dataset and report every problem with file, line and column.

    Exits 0 when the data is clean, 1 when any problem is found. The text form lists the first
    50 problems and counts the rest; --all or --format json gives every one.
    """
    from dataclasses import asdict

    from ..errors import PROBLEM_LIMIT, ValidationError
    from ..loader import find_problems, resolve_data_dir
    from ..output import format_json

    directory = resolve_data_dir(data)
    problems = find_problems(directory, progress_bar("reading", READ_BAR_BYTES), strict=strict)
    if fmt == "json":
        found = {"count": len(problems), "problems": [asdict(p) for p in problems]}
        click.echo(format_json({"directory": str(directory), **found}))
        ctx.exit(1 if problems else 0)
    if problems:
        list_all = f"bolshevik-graph validate{' --strict' if strict else ''} --all"
        raise ValidationError(problems, None if show_all else PROBLEM_LIMIT, list_all)
    click.echo(f"{directory}: no problems")


@click.command()
@click.option("--body", default=None, help="Only the people who held a role in this body.")
@format_option
@data_option
def people(body: str | None, fmt: str, data: Path | None) -> None:
    """List people: id, name, dates and fate."""
    from ..people import list_people, person_row

    rows = [person_row(p) for p in list_people(read_data(data), body)]
    click.echo(format_rows(rows, ["id", "name", "born", "died", "fate"], fmt, table_width()))


@click.command()
@text_format_option
@data_option
def stats(fmt: str, data: Path | None) -> None:
    """Counts per table, body kind, event kind and relationship type, sources by kind, the share
    of rows that cite two or more sources, and the share citing a source that is not a mirror,
    blog or seed."""
    from ..output import format_json, stats_text
    from ..stats import dataset_stats

    result = dataset_stats(read_data(data))
    click.echo(format_json(result.to_dict()) if fmt == "json" else stats_text(result))


@click.command()
@click.argument("person")
@text_format_option
@data_option
def show(person: str, fmt: str, data: Path | None) -> None:
    """One person's profile: dates, fate, memberships, relationships both ways, events and trial
    roles, sources.

    PERSON is an id such as `zinoviev` (see `bolshevik-graph people`) or any name, alias or
    Russian name, in any case and with or without accents: `Koba`, `Dzhugashvili`, `Сталин`.
    """
    from ..output import format_json, profile_text
    from ..people import person_profile

    profile = person_profile(read_data(data), person)
    click.echo(format_json(profile.to_dict()) if fmt == "json" else profile_text(profile))


@click.command()
@click.option(
    "--kind",
    type=click.Choice([k.value for k in BodyKind]),
    default=None,
    help="Only bodies of this kind.",
)
@click.option("--year", type=int, default=None, help="Only bodies that existed in this year.")
@format_option
@data_option
def bodies(kind: str | None, year: int | None, fmt: str, data: Path | None) -> None:
    """List bodies (parties, factions, committees, state organs): id, name, kind, dates and how
    many people held a role in each. Use an id with `fates --body` or `people --body`."""
    from ..listings import BODY_COLUMNS, body_row, list_bodies

    dataset = read_data(data)
    rows = [body_row(dataset, b) for b in list_bodies(dataset, kind, year)]
    click.echo(format_rows(rows, BODY_COLUMNS, fmt, table_width()))


@click.command()
@click.option(
    "--kind",
    type=click.Choice([k.value for k in EventKind]),
    default=None,
    help="Only events of this kind (e.g. trial).",
)
@click.option("--year", type=int, default=None, help="Only events that took place in this year.")
@format_option
@data_option
def events(kind: str | None, year: int | None, fmt: str, data: Path | None) -> None:
    """List events (trials, congresses, treaties, speeches...): id, name, kind, dates, place and
    how many people took part. `show PERSON` lists a person's events and roles."""
    from ..listings import EVENT_COLUMNS, event_row, list_events

    dataset = read_data(data)
    rows = [event_row(dataset, e) for e in list_events(dataset, kind, year)]
    click.echo(format_rows(rows, EVENT_COLUMNS, fmt, table_width()))


COMMANDS = [fates, cohort, validate, people, stats, show, bodies, events]
