"""Commands over the graph: render, path, central, timeline, survival, export."""

from __future__ import annotations

from pathlib import Path

import click

from ..fates import DEFAULT_BODY
from ..output import format_rows
from .options import (
    as_of_option,
    chart_option,
    data_option,
    format_option,
    read_as_of,
    read_data,
    split_types,
    table_width,
)


@click.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The HTML file to write (one self-contained file; nothing else is written).",
)
@click.option("--body", default=None, help="Show only this body and its members.")
@click.option(
    "--focus",
    default=None,
    metavar="PERSON",
    help="Show only what is near this person (an id or any of their names).",
)
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
    help="Open the page's year slider on this date (YYYY-MM-DD): what was in force, the dead "
    "marked; the counts printed are those of that day.",
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
    help="Refuse pages with more nodes than this (too many to read or draw); 0: no limit.",
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

    One fixed map of the whole dataset (the same place for a person on every page); a year slider
    1917-1953; click a node or an edge for its details and sources; search names, aliases and
    Russian names; colour and shape show fate, a black ring killed on Stalin's orders.
    """
    from ..names import resolve_person
    from ..render import render_network

    dataset, day = read_as_of(data, as_of)
    result = render_network(
        dataset,
        output,
        title=title,
        body=body,
        focus=resolve_person(dataset, focus) if focus else None,
        depth=depth,
        as_of=day,
        rel_types=split_types(rel_types),
        min_confidence=min_confidence,
        max_nodes=max_nodes or None,
    )
    line = f"wrote {result.path}: {result.nodes} nodes, {result.edges} edges"
    if result.day:
        line += (
            f" in force on {result.day} (the page holds {result.all_nodes} nodes, "
            f"{result.all_edges} edges across the years)"
        )
    click.echo(line)
    if open_page:
        import webbrowser

        if not webbrowser.open(result.path.resolve().as_uri()):
            click.echo(f"could not open a browser here; open {result.path} yourself", err=True)


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--rel-types", default=None, metavar="T,...", help="Only walk these edge types.")
@as_of_option
@format_option
@data_option
def path(
    a: str, b: str, rel_types: str | None, as_of: str | None, fmt: str, data: Path | None
) -> None:
    """The shortest chain of relationships between people A and B, each step with its type,
    dates and sources (direction is shown, not required).

    A and B are ids or any name, alias or Russian name (`Koba`, `Bronstein`, `"Iron Felix"`)."""
    from ..analysis import find_path
    from ..output import steps_rows

    dataset, day = read_as_of(data, as_of)
    steps = find_path(dataset, a, b, as_of=day, rel_types=split_types(rel_types))
    rows = steps_rows(steps)
    click.echo(format_rows(rows, list(rows[0]) if rows else [], fmt, table_width()))


@click.command()
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
@as_of_option
@format_option
@data_option
def central(by: str, top: int, as_of: str | None, fmt: str, data: Path | None) -> None:
    """The most connected people, on the graph collapsed to one weighted link per linked pair."""
    from dataclasses import asdict

    from ..analysis import centrality
    from ..graph import build_graph

    graph = build_graph(*read_as_of(data, as_of))
    rows = [asdict(c) for c in centrality(graph, by, top)]
    click.echo(format_rows(rows, ["rank", "id", "name", "score"], fmt, table_width()))


@click.command()
@click.argument("person")
@format_option
@data_option
def timeline(person: str, fmt: str, data: Path | None) -> None:
    """A person's memberships, alliances, oppositions, events and fate in date order.

    PERSON is an id or any name, alias or Russian name (`Koba`, `Ulyanov`, `Сталин`)."""
    from dataclasses import asdict

    from ..analysis import timeline as person_timeline

    rows = [asdict(e) for e in person_timeline(read_data(data), person)]
    click.echo(format_rows(rows, ["date", "end", "what", "detail", "sources"], fmt, table_width()))


@click.command()
@click.option(
    "--body", default=DEFAULT_BODY, show_default=True, help="The body whose members to follow."
)
@chart_option("Also draw the table as a chart.")
@format_option
@data_option
def survival(body: str, chart: Path | None, fmt: str, data: Path | None) -> None:
    """How many of a body's members were alive at the end of each year from 1917 to 1960, and how
    many of the dead were killed on Stalin's orders. Members whose death date is unknown are
    counted apart ("unknown"), never as alive."""
    from dataclasses import asdict

    from ..analysis import survival as body_survival

    dataset = read_data(data)
    rows = body_survival(dataset, body)
    if chart is not None:
        from ..charts import write_survival_chart

        written = write_survival_chart(rows, dataset.bodies[body].name, chart)
        click.echo(f"wrote {written}", err=True)
    columns = ["year", "alive", "dead", "unknown", "killed_on_stalins_orders"]
    click.echo(format_rows([asdict(r) for r in rows], columns, fmt, table_width()))


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json", "cypher", "neo4j-admin"]),
    required=True,
    help="graphml/gexf for Gephi, json for notebooks (node-link), cypher for cypher-shell -f, "
    "neo4j-admin for `neo4j-admin database import` (-o is then a directory).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, allow_dash=True),
    help="File to write (a directory for neo4j-admin); - writes to standard output.",
)
@as_of_option
@data_option
def export_command(fmt: str, output: Path, as_of: str | None, data: Path | None) -> None:
    """Write the graph to a file for Gephi, a notebook or Neo4j."""
    from ..export import export

    if as_of and fmt in ("cypher", "neo4j-admin"):
        raise click.UsageError(f"--as-of does not apply to --format {fmt} (it loads everything)")
    if fmt == "neo4j-admin":
        if str(output) == "-":
            raise click.UsageError("--format neo4j-admin writes a directory, not standard output")
        from ..neo4j_admin import write_neo4j_admin

        done = write_neo4j_admin(read_data(data), output)
        files = len(done.node_files) + len(done.relationship_files)
        click.echo(f"wrote {files} CSV files, constraints.cypher and README.md into {output}")
        click.echo(f"import (database stopped and empty), then see its README:\n{done.command}")
        return
    dataset, day = read_as_of(data, as_of)
    if str(output) == "-":
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            written = export(dataset, fmt, Path(folder) / f"graph.{fmt}", as_of=day)
            click.echo(written.read_bytes(), nl=False)
        return
    written = export(dataset, fmt, output, as_of=day)
    click.echo(f"wrote {written}")


COMMANDS = [render, path, central, timeline, survival, export_command]
