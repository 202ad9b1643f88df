"""The ``bolshevik-graph`` command line: a thin client of the library.

Each command validates its options, calls one library function and formats the result. Library
errors become ``click.ClickException`` in one place (:class:`_Group`), so a user sees one line of
``Error: ...`` and exit code 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import BolshevikGraphError
from .fates import DEFAULT_BODY
from .output import format_rows

if TYPE_CHECKING:
    from .models import Dataset


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
    """``--format table|json|csv``, shared by every command that prints records."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="Output format: an aligned table for people, JSON or CSV for programs.",
    )(func)


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
@chart_option("Also draw each member's age at the revolution, coloured by fate, to this file.")
@data_option
def fates(body: str, fmt: str, chart: Path | None, data: Path | None) -> None:
    """How the members of a body ended: each member's fate, then a summary per role.

    By default the Central Committee elected in August 1917, which led the October Revolution.
    """
    from .fates import fates as compute_fates
    from .output import fates_csv, fates_text, format_json

    report = compute_fates(_read(data), body)
    if chart is not None:
        from .charts import write_fates_chart

        write_fates_chart(report, chart)
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
    problems = find_problems(directory, _progress_bar("reading", READ_BAR_BYTES))
    if problems:
        raise ValidationError(problems)
    click.echo(f"{directory}: no problems")


@cli.command()
@click.option("--body", default=None, help="Only the people who held a role in this body.")
@format_option
@data_option
def people(body: str | None, fmt: str, data: Path | None) -> None:
    """List people: id, name, dates and fate."""
    from .people import list_people, person_row

    rows = [person_row(p) for p in list_people(_read(data), body)]
    click.echo(format_rows(rows, ["id", "name", "born", "died", "fate"], fmt))


@cli.command()
@text_format_option
@data_option
def stats(fmt: str, data: Path | None) -> None:
    """Counts per table, body kind, event kind and relationship type, and the share of rows
    that cite two or more sources."""
    from .output import format_json, stats_text
    from .stats import dataset_stats

    result = dataset_stats(_read(data))
    click.echo(format_json(result.to_dict()) if fmt == "json" else stats_text(result))


@cli.command()
@click.argument("person")
@text_format_option
@data_option
def show(person: str, fmt: str, data: Path | None) -> None:
    """One person's profile: dates, fate, memberships, relationships both ways, sources.

    PERSON is an id such as `zinoviev` (see `bolshevik-graph people`).
    """
    from .output import format_json, profile_text
    from .people import person_profile

    profile = person_profile(_read(data), person)
    click.echo(format_json(profile.to_dict()) if fmt == "json" else profile_text(profile))


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


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The HTML file to write (one self-contained file; nothing else is written).",
)
@click.option("--body", default=None, help="Show only this body and its members.")
@click.option("--focus", default=None, metavar="PERSON", help="Show only what is near this person.")
@click.option(
    "--depth",
    type=click.IntRange(1, 6),
    default=2,
    show_default=True,
    help="With --focus: how many steps away to go.",
)
@click.option(
    "--as-of",
    default=None,
    metavar="DATE",
    help="Show the graph as it stood on this date (YYYY-MM-DD): the living, what was in force.",
)
@click.option(
    "--rel-types",
    default=None,
    metavar="T,...",
    help="Only these edge types, comma-separated (e.g. PURGED_BY,KILLED_BY,MEMBER_OF).",
)
@click.option(
    "--min-confidence",
    type=click.Choice(["certain", "likely", "possible", "disputed"]),
    default=None,
    help="Hide relationships less sure than this.",
)
@click.option("--title", default=None, help="The page heading (default: says what is shown).")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    default=5000,
    show_default=True,
    help="Refuse pages with more nodes than this (they take minutes to lay out); 0: no limit.",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@data_option
def render(
    output: Path,
    body: str | None,
    focus: str | None,
    depth: int,
    as_of: str | None,
    rel_types: str | None,
    min_confidence: str | None,
    title: str | None,
    max_nodes: int,
    open_page: bool,
    data: Path | None,
) -> None:
    """Write the network as one HTML page that opens offline in any browser.

    Node colour shows fate, shape shows kind, edge style shows the relationship type; hover for
    dates, fate and sources; search by name.
    """
    from .render import render_network

    result = render_network(
        _read(data),
        output,
        title=title,
        body=body,
        focus=focus,
        depth=depth,
        as_of=_parse_day(as_of),
        rel_types=_types(rel_types),
        min_confidence=min_confidence,
        max_nodes=max_nodes or None,
    )
    click.echo(f"wrote {result.path}: {result.nodes} nodes, {result.edges} edges")
    if open_page:
        import webbrowser

        webbrowser.open(result.path.resolve().as_uri())


def _parse_day(text: str | None) -> date | None:
    """A --as-of value as a date, or a usage error saying what is expected."""
    if text is None:
        return None
    from .dates import parse_date

    try:
        return parse_date(text)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--as-of") from None


def _as_of_option[F: Callable[..., Any]](func: F) -> F:
    return click.option(
        "--as-of",
        default=None,
        metavar="DATE",
        help="Use the graph as it stood on this date (YYYY-MM-DD).",
    )(func)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--rel-types", default=None, metavar="T,...", help="Only walk these edge types.")
@_as_of_option
@format_option
@data_option
def path(
    a: str, b: str, rel_types: str | None, as_of: str | None, fmt: str, data: Path | None
) -> None:
    """The shortest chain of relationships between people A and B, each step with its type,
    dates and sources (direction is shown, not required)."""
    from .analysis import shortest_path
    from .graph import select_subgraph
    from .output import steps_rows

    graph = select_subgraph(_read(data), as_of=_parse_day(as_of), rel_types=_types(rel_types))
    rows = steps_rows(shortest_path(graph, a, b))
    click.echo(format_rows(rows, list(rows[0]) if rows else [], fmt))


@cli.command()
@click.option(
    "--by",
    type=click.Choice(["degree", "betweenness", "pagerank"]),
    default="degree",
    show_default=True,
    help="The centrality measure.",
)
@click.option(
    "--top", type=click.IntRange(1, 10_000), default=10, show_default=True, help="How many."
)
@_as_of_option
@format_option
@data_option
def central(by: str, top: int, as_of: str | None, fmt: str, data: Path | None) -> None:
    """The most connected people, on the graph collapsed to one weighted link per linked pair."""
    from dataclasses import asdict

    from .analysis import centrality
    from .graph import build_graph

    graph = build_graph(_read(data), as_of=_parse_day(as_of))
    rows = [asdict(c) for c in centrality(graph, by, top)]
    click.echo(format_rows(rows, ["rank", "id", "name", "score"], fmt))


@cli.command()
@click.argument("person")
@format_option
@data_option
def timeline(person: str, fmt: str, data: Path | None) -> None:
    """A person's memberships, alliances, oppositions, events and fate in date order."""
    from dataclasses import asdict

    from .analysis import timeline as person_timeline

    rows = [asdict(e) for e in person_timeline(_read(data), person)]
    click.echo(format_rows(rows, ["date", "end", "what", "detail", "sources"], fmt))


@cli.command()
@click.option(
    "--body", default=DEFAULT_BODY, show_default=True, help="The body whose members to follow."
)
@chart_option("Also draw the table as a chart.")
@format_option
@data_option
def survival(body: str, chart: Path | None, fmt: str, data: Path | None) -> None:
    """How many of a body's members were alive at the end of each year from 1917 to 1960, and how
    many of the dead were killed on Stalin's orders."""
    from dataclasses import asdict

    from .analysis import survival as body_survival

    dataset = _read(data)
    rows = body_survival(dataset, body)
    if chart is not None:
        from .charts import write_survival_chart

        write_survival_chart(rows, dataset.bodies[body].name, chart)
    columns = ["year", "alive", "dead", "killed_on_stalins_orders"]
    click.echo(format_rows([asdict(r) for r in rows], columns, fmt))


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json", "cypher"]),
    required=True,
    help="graphml/gexf for Gephi, json for notebooks (node-link), cypher for cypher-shell -f.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write.",
)
@_as_of_option
@data_option
def export_command(fmt: str, output: Path, as_of: str | None, data: Path | None) -> None:
    """Write the graph to a file for Gephi, a notebook or Neo4j."""
    from .export import export

    if as_of and fmt == "cypher":
        raise click.UsageError("--as-of does not apply to --format cypher (it loads everything)")
    path = export(_read(data), fmt, output, as_of=_parse_day(as_of))
    click.echo(f"wrote {path}")


def _types(text: str | None) -> list[str] | None:
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


@cli.group()
def query() -> None:
    """Canned Cypher queries (cypher/*.cypher): list, show and run them."""


@query.command("list")
@format_option
def query_list(fmt: str) -> None:
    """List the canned queries with their parameters."""
    from .queries import list_queries

    rows = [
        {
            "name": q.name,
            "title": q.title,
            "parameters": ", ".join(f"{p.name}={p.default or '?'}" for p in q.parameters),
        }
        for q in list_queries()
    ]
    click.echo(format_rows(rows, ["name", "title", "parameters"], fmt))


@query.command("show")
@click.argument("name")
def query_show(name: str) -> None:
    """Print a canned query: its title, description, parameters and Cypher text."""
    from .output import query_text
    from .queries import get_query

    click.echo(query_text(get_query(name)))


@query.command("run")
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    type=(str, str),
    metavar="NAME VALUE",
    help="A query parameter; repeat for several. Values are always passed as parameters.",
)
@click.option("--cypher", default=None, help="Run this Cypher text instead of a canned query.")
@click.option(
    "--backend",
    type=click.Choice(["embedded", "neo4j"]),
    default="embedded",
    show_default=True,
    help="embedded: grafeo in this process, loaded from the data; neo4j: your server.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Keep the embedded engine in FILE: loaded from the data the first time, then opened "
    "as it is (at 100k relationships 0.5 s instead of 8 s; at 1M, 12 s instead of 2 minutes).",
)
@click.option("--write", is_flag=True, help="Allow a query that writes (refused otherwise).")
@format_option
@data_option
@neo4j_options
def query_run(
    name: str | None,
    params: tuple[tuple[str, str], ...],
    cypher: str | None,
    backend: str,
    db: Path | None,
    write: bool,
    fmt: str,
    data: Path | None,
    neo4j_uri: str | None,
    database: str | None,
) -> None:
    """Run a canned query NAME, or --cypher TEXT, and print its rows.

    Read-only on both backends unless --write is given.
    """
    from .queries import get_query, parse_adhoc_params
    from .querying import Neo4jSettings, run_cypher

    if (name is None) == (cypher is None):
        raise click.UsageError("give a query NAME or --cypher TEXT (one of them)")
    if db is not None and backend != "embedded":
        raise click.UsageError("--db keeps the embedded engine in a file; Neo4j keeps its own")
    if name is not None:
        canned = get_query(name)
        text, bound = canned.cypher, canned.bind(dict(params))
    else:
        assert cypher is not None
        text, bound = cypher, parse_adhoc_params(params)
    settings = Neo4jSettings.from_environment(neo4j_uri, database)
    result = run_cypher(
        text,
        bound,
        backend=backend,
        data=data,
        neo4j=settings,
        write=write,
        read_progress=_progress_bar("reading", READ_BAR_BYTES),
        progress=_progress_bar("loading", LOAD_BAR_ROWS),
        db=db,
    )
    click.echo(format_rows(result.rows, result.columns, fmt))


@cli.group("neo4j")
def neo4j_group() -> None:
    """Load the dataset into your Neo4j server, or remove it."""


@neo4j_group.command("load")
@data_option
@neo4j_options
def neo4j_load(data: Path | None, neo4j_uri: str | None, database: str | None) -> None:
    """Load the dataset into Neo4j: named uniqueness constraints, then every batch in one
    transaction (all or nothing). Running it twice changes nothing."""
    from .querying import Neo4jSettings, open_neo4j

    dataset = _read(data)
    with open_neo4j(Neo4jSettings.from_environment(neo4j_uri, database)) as backend:
        counts = backend.load(dataset, _progress_bar("loading", LOAD_BAR_ROWS))
    click.echo(f"loaded: {counts['nodes']} nodes, {counts['relationships']} relationships")


@neo4j_group.command("wipe")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@neo4j_options
def neo4j_wipe(yes: bool, neo4j_uri: str | None, database: str | None) -> None:
    """Remove what bolshevik-graph loaded (nodes labelled BolshevikGraph), nothing else."""
    from .querying import Neo4jSettings, open_neo4j

    with open_neo4j(Neo4jSettings.from_environment(neo4j_uri, database)) as backend:
        if not yes:
            click.confirm(
                "Delete every node bolshevik-graph loaded into this database?", abort=True
            )
        click.echo(f"removed {backend.wipe()} nodes")


#: Bars appear only for work that takes seconds: about 8 MB of CSV (100k relationships read in
#: about 3 s) or 20,000 rows loaded into an engine (about 2 s embedded; see the README).
READ_BAR_BYTES = 8_000_000
LOAD_BAR_ROWS = 20_000


def _read(data: Path | None) -> Dataset:
    """The dataset at ``--data`` (or the shipped one), with a progress bar when it is big."""
    from .loader import load_dataset

    return load_dataset(data, _progress_bar("reading", READ_BAR_BYTES))


def _progress_bar(label: str, at_least: int) -> Callable[[int, int], None] | None:
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


def main() -> None:
    """Entry point of the console script."""
    cli()
